import type { APIRoute, GetStaticPaths } from 'astro';
import { emailHtml } from '../../../lib/publishing/email';
import type { Ref } from '../../../schemas/common';
import { briefingEmail, briefingPaths } from '../../../publishing';

// A briefing as a standalone, email-safe HTML document (not a site page: no site CSS or scripts).
export const getStaticPaths = briefingPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ ref: Ref<'briefings'> }> = async ({ props }) =>
  new Response(emailHtml(await briefingEmail(props.ref)), { headers: { 'content-type': 'text/html; charset=utf-8' } });
