import type { APIRoute, GetStaticPaths } from 'astro';
import { besidePages, besideTextPaths } from '../../../publishing';

// A briefing as plain text, for the text part of an email. The file starts with a UTF-8 byte order
// mark, so a browser reads it as UTF-8 even from a host that sends no charset (see UTF8_BOM).
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() =>
  besidePages(() => besideTextPaths('email-txt', (at) => ({ id: at.id })))) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string | Promise<string> }> = async ({ props }) =>
  new Response(await props.text(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
