import type { APIRoute, GetStaticPaths } from 'astro';
import { emailTextFile } from '../../../lib/publishing/email';
import type { Ref } from '../../../schemas/common';
import { briefingEmail, briefingPaths } from '../../../publishing';

// A briefing as plain text, for the text part of an email. The file starts with a UTF-8 byte order
// mark, so a browser reads it as UTF-8 even from a host that sends no charset (see UTF8_BOM).
export const getStaticPaths = briefingPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ ref: Ref<'briefings'> }> = async ({ props }) =>
  new Response(emailTextFile(await briefingEmail(props.ref)), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
