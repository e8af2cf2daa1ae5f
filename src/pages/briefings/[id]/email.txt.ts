import type { APIRoute, GetStaticPaths } from 'astro';
import { emailTextFile, type EmailBriefing } from '../../../lib/publishing/email';
import { besidePages, briefingEmailPaths } from '../../../publishing';

// A briefing as plain text, for the text part of an email. The file starts with a UTF-8 byte order
// mark, so a browser reads it as UTF-8 even from a host that sends no charset (see UTF8_BOM).
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() => besidePages(briefingEmailPaths)) satisfies GetStaticPaths;

export const GET: APIRoute<{ email: EmailBriefing }> = ({ props }) =>
  new Response(emailTextFile(props.email), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
