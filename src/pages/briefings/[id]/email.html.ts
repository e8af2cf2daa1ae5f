import type { APIRoute, GetStaticPaths } from 'astro';
import { emailHtml, type EmailBriefing } from '../../../lib/publishing/email';
import { briefingEmailPaths } from '../../../publishing';

// A briefing as a standalone, email-safe HTML document (not a site page: no site CSS or scripts).
export const getStaticPaths = briefingEmailPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ email: EmailBriefing }> = ({ props }) =>
  new Response(emailHtml(props.email), { headers: { 'content-type': 'text/html; charset=utf-8' } });
