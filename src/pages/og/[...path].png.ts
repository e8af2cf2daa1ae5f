import type { APIRoute, GetStaticPaths } from 'astro';
import { getPages, getSharedCards } from '../../data';
import type { OgCard } from '../../lib/publishing/og-card';
import { ogImageParam, sharedOgImageParam } from '../../lib/routes';
import { cardImage, dataKey, planImages } from '../../publishing';

// The link-preview image of every page that has a card of its own, and one per type of
// navigation page (shared by all pages of that type), drawn at build time on worker threads,
// cached by content. An image whose card is unchanged is copied from the previous build.
export const getStaticPaths = (async () => {
  const pages = await getPages();
  const shared = await getSharedCards();
  const images = [
    ...pages.flatMap((page) => ('own' in page.card ? [{ param: ogImageParam(page.path), card: page.card.own }] : [])),
    ...Object.entries(shared).map(([name, card]) => ({ param: sharedOgImageParam(name), card })),
  ];
  planImages(images.map((i) => i.card));
  return images.map(({ param, card }) => ({
    params: { path: param },
    props: { card },
    cacheKey: dataKey(card),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const image = await cardImage(props.card);
  return new Response(new Uint8Array(image.png), { headers: { 'content-type': 'image/png' } });
};
