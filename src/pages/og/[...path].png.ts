import type { APIRoute, GetStaticPaths } from 'astro';
import { getGraph, getSite } from '../../data';
import { pagePreviews, type OgCard } from '../../lib/publishing/og-card';
import { ogImageParam } from '../../lib/routes';
import { cardImage, docsPages, planImages, recordImage } from '../../publishing';

// The link-preview image of every page, drawn at build time on worker threads (cached by content hash).
export const getStaticPaths = (async () => {
  const previews = pagePreviews(await getGraph(), getSite(), await docsPages());
  planImages(previews.map((p) => p.card));
  return previews.map(({ path, card }) => ({ params: { path: ogImageParam(path) }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const image = await cardImage(props.card);
  recordImage(image);
  return new Response(new Uint8Array(image.png), { headers: { 'content-type': 'image/png' } });
};
