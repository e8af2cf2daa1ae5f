import type { APIRoute } from 'astro';
import { DATASET_FILE } from '../../lib/routes';
import { getExports } from '../../publishing';

// The whole dataset as one JSON file (src/lib/publishing/exports.ts).
export const GET: APIRoute = async () => {
  const file = (await getExports()).find((f) => f.name === DATASET_FILE)!;
  return new Response(file.text, { headers: { 'content-type': `${file.mediatype}; charset=utf-8` } });
};
