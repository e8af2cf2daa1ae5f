import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getGraph } from './data';
import { ui } from './i18n/ui';
import { buildSidebar } from './lib/pages/navigation';
import { aboutUrl, entityUrl, indexUrl, searchUrl, timelineUrl } from './lib/routes';
import { ENTITY_COLLECTIONS } from './schemas/common';

/** How many briefings the sidebar lists before "All briefings". */
const SIDEBAR_BRIEFINGS = 5;

// Starlight route middleware: every page (ours and Starlight's own) gets the same bounded sidebar.
export const onRequest = defineRouteMiddleware(async (context) => {
  const graph = await getGraph();
  const counts = graph.counts();
  context.locals.starlightRoute.sidebar = buildSidebar({
    currentPath: context.url.pathname,
    latestBriefings: graph
      .all('briefings')
      .slice(0, SIDEBAR_BRIEFINGS)
      .map((b) => ({ title: b.title, href: entityUrl(b.ref) })),
    allBriefings: { label: ui.home.allBriefings, href: indexUrl('briefings'), count: counts.briefings },
    tools: [
      { label: ui.nav.timeline, href: timelineUrl() },
      { label: ui.nav.search, href: searchUrl() },
      { label: ui.nav.about, href: aboutUrl() },
    ],
    indexes: ENTITY_COLLECTIONS.filter((c) => c !== 'briefings').map((collection) => ({
      collection,
      label: ui.collections[collection].plural,
      href: indexUrl(collection),
      count: counts[collection],
    })),
    labels: { briefings: ui.collections.briefings.plural, browse: ui.nav.browse },
  });
});
