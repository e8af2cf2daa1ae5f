import type { APIRoute, GetStaticPaths } from 'astro';
import { emailHtml, type EmailBriefing } from '../../../lib/publishing/email';
import { besidePages, briefingEmailPaths } from '../../../publishing';

// A briefing as a standalone, email-safe HTML document (not a site page: no site CSS or scripts).
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() => besidePages(briefingEmailPaths)) satisfies GetStaticPaths;

export const GET: APIRoute<{ email: EmailBriefing }> = ({ props }) =>
  new Response(emailHtml(props.email), { headers: { 'content-type': 'text/html; charset=utf-8' } });
