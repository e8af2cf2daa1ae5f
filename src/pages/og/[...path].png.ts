import type { APIRoute, GetStaticPaths } from 'astro';
import type { OgCard } from '../../lib/publishing/og-card';
import { besidePages, cardImage, previewImages } from '../../publishing';

// The link-preview image of every page that has a card of its own, and one per type of
// navigation page (shared by all pages of that type). A build draws them on worker threads, caches
// them by content and writes them beside the pages itself (besidePages); this route serves them in
// `astro dev`, each drawn when it is asked for.
export const getStaticPaths = (() =>
  besidePages(async () =>
    (await previewImages()).map(({ param, card }) => ({ params: { path: param }, props: { card } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const image = await cardImage(props.card);
  return new Response(new Uint8Array(image.png), { headers: { 'content-type': 'image/png' } });
};
