import type { APIRoute, GetStaticPaths } from 'astro';
import { besidePages, besideTextPaths } from '../../../publishing';

// A briefing as a standalone, email-safe HTML document (not a site page: no site CSS or scripts).
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() =>
  besidePages(() => besideTextPaths('email-html', (at) => ({ id: at.id })))) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string | Promise<string> }> = async ({ props }) =>
  new Response(await props.text(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
