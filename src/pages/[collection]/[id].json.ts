import type { APIRoute, GetStaticPaths } from 'astro';
import { besidePages, besideTextPaths } from '../../publishing';

// Every entity as JSON beside its page, /companies/catl.json (src/lib/publishing/entity-json.ts);
// a renamed entity's previous ids serve the same document, since tools do not follow redirects.
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() =>
  besidePages(() =>
    besideTextPaths('json', (at) => ({ collection: at.collection, id: at.id })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string | Promise<string> }> = async ({ props }) =>
  new Response(await props.text(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
