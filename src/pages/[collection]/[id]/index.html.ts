import type { APIRoute, GetStaticPaths } from 'astro';
import { getGraph, getSite } from '../../../data';
import { redirectPage } from '../../../lib/publishing/redirect-page';
import { absoluteUrl, entityUrl } from '../../../lib/routes';
import type { Ref } from '../../../schemas/common';
import { siteUrl } from '../../../publishing';

// The old URL of every renamed entity (its `previousIds`) keeps working: a small page at
// /<collection>/<old id>/ that redirects to the current one. An endpoint, not a page, so it stays
// out of the sitemap and the search index.
export const getStaticPaths = (async () =>
  (await getGraph()).redirects().map(({ from, to }) => ({
    params: { collection: from.collection, id: from.id },
    props: { to },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ to: Ref }> = async ({ props }) => {
  const node = (await getGraph()).node(props.to);
  const to = entityUrl(node.ref);
  return new Response(
    redirectPage({ to, canonical: absoluteUrl(to, siteUrl()), title: node.title, lang: getSite().lang }),
    { headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
};
