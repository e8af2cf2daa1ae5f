import type { APIRoute, GetStaticPaths } from 'astro';
import { besidePages, besideTextPaths } from '../../../publishing';

// A feed per company of what is new about it; a renamed company's old feed address keeps serving
// its feed. A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() =>
  besidePages(() => besideTextPaths('feed', (at) => ({ id: at.id })))) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string | Promise<string> }> = async ({ props }) =>
  new Response(await props.text(), { headers: { 'content-type': 'application/xml' } });
