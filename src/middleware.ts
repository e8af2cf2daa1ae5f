import { defineMiddleware } from 'astro:middleware';
import { currentPrescan, isScannablePage } from './lib/build/link-prescan';
import { rememberTranslations } from './lib/build/translations';

// During a build, remembers Starlight's UI strings, and hands each rendered page's HTML to the link
// check's prescan, which parses it on another core while the next pages render
// (src/lib/build/link-prescan.ts). Outside a build (astro dev, or a build without the check) there
// is no prescan and the response passes untouched.
export const onRequest = defineMiddleware(async (context, next) => {
  // A build looks up each of Starlight's UI strings once (src/lib/build/translations.ts); the dev
  // server asks i18next every time, so edited translations show at once.
  const { t } = context.locals;
  if (t && !import.meta.env.DEV) context.locals.t = rememberTranslations(t, context.currentLocale ?? '');
  const response = await next();
  const prescan = currentPrescan();
  if (!prescan || !isScannablePage(response)) return response;
  // The bytes Astro will write, not text: no decoding and encoding again on the rendering thread.
  const html = new Uint8Array(await response.arrayBuffer());
  prescan.add(html, context.url.pathname);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
