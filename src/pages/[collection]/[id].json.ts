import type { APIRoute, GetStaticPaths } from 'astro';
import { contentKey, getExports } from '../../publishing';

// Every entity as JSON beside its page, /companies/catl.json (src/lib/publishing/entity-json.ts);
// a renamed entity's previous ids serve the same document, since tools do not follow redirects.
export const getStaticPaths = (async () =>
  (await getExports()).entities.map(({ at, text }) => ({
    params: { collection: at.collection, id: at.id },
    props: { text },
    cacheKey: contentKey(text),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: string }> = ({ props }) =>
  new Response(props.text, { headers: { 'content-type': 'application/json; charset=utf-8' } });
