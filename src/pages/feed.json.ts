import type { APIRoute } from 'astro';
import { getGraph, getSite } from '../data';
import { briefingsJsonFeed } from '../lib/publishing/feeds';
import { siteUrl } from '../publishing';

// JSON Feed 1.1 of the briefings, newest first.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(briefingsJsonFeed(await getGraph(), getSite(), siteUrl()), null, 2), {
    headers: { 'content-type': 'application/feed+json; charset=utf-8' },
  });
