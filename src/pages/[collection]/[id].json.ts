import type { APIRoute, GetStaticPaths } from 'astro';
import { besidePages, entityJsonPaths } from '../../publishing';

// Every entity as JSON beside its page, /companies/catl.json (src/lib/publishing/entity-json.ts);
// a renamed entity's previous ids serve the same document, since tools do not follow redirects.
// A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() => besidePages(entityJsonPaths)) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: string }> = ({ props }) =>
  new Response(props.text, { headers: { 'content-type': 'application/json; charset=utf-8' } });
