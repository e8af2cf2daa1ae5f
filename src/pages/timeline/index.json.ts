import type { APIRoute } from 'astro';
import { getSite, getTimeline } from '../../data';
import { timelineIndex } from '../../lib/timeline/pages';

/** The compact filter index of the whole timeline (see timelineIndex). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(timelineIndex(await getTimeline(), getSite().pageSizes)), {
    headers: { 'content-type': 'application/json' },
  });
