import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getSidebar } from './data';
import { buildSidebar } from './lib/pages/navigation';

// Starlight route middleware: every page (ours and Starlight's own) gets the same bounded sidebar.
export const onRequest = defineRouteMiddleware(async (context) => {
  context.locals.starlightRoute.sidebar = buildSidebar(await getSidebar(), context.url.pathname);
});
