import type { APIRoute, GetStaticPaths } from 'astro';
import { emailText } from '../../../lib/publishing/email';
import type { Ref } from '../../../schemas/common';
import { briefingEmail, briefingPaths } from '../../../publishing';

// A briefing as plain text, for the text part of an email.
export const getStaticPaths = briefingPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ ref: Ref<'briefings'> }> = async ({ props }) =>
  new Response(emailText(await briefingEmail(props.ref)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
