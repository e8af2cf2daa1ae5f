import type { APIRoute } from 'astro';
import { DATAPACKAGE_FILE } from '../../lib/routes';
import { getExports } from '../../publishing';

// The Frictionless Data Package descriptor of the exports (src/lib/publishing/exports.ts).
export const GET: APIRoute = async () => {
  const file = (await getExports()).find((f) => f.name === DATAPACKAGE_FILE)!;
  return new Response(file.text, { headers: { 'content-type': `${file.mediatype}; charset=utf-8` } });
};
