// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASTRO_ROOT_ENV, cacheDirFor, contentRoot } from './src/lib/content/locations.ts';
import { loadSiteConfig } from './src/lib/content/site-config.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { briefingMarkdownPlugin } from './src/lib/graph/briefing-policy-plugin.ts';
import { metaDescription } from './src/lib/publishing/meta-text.ts';
import { postbuild } from './src/integrations/postbuild.ts';
import { publishedFiles } from './src/integrations/published-files.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { starlightReplacements } from './src/integrations/starlight-replacements.ts';
import { starlightInlineScriptHashes } from './src/integrations/starlight-csp.ts';
import { cspDigestMemo } from './src/integrations/csp-digest-memo.ts';
import { pageCacheLinks } from './src/integrations/page-cache-links.ts';
import { siteUrlCheck } from './src/integrations/site-url.ts';
import { siteUrlFrom } from './src/lib/publishing/site-url.ts';

/** A file or folder of this project, as an absolute path: right whatever Astro's root is. */
const own = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));

// Which dataset to build: BRIEFING_CONTENT_ROOT (default src/content). Tests and benchmarks point
// it at other content roots and send the output to BRIEFING_OUT_DIR.
const site = loadSiteConfig(contentRoot(process.cwd()));

export default defineConfig({
  // The code is this project's (src/, public/), whatever the root; BRIEFING_ASTRO_ROOT gives a
  // build a root of its own for Astro's generated .astro/ folder (see ASTRO_ROOT_ENV).
  ...(process.env[ASTRO_ROOT_ENV] ? { root: process.env[ASTRO_ROOT_ENV] } : {}),
  srcDir: own('./src/'),
  publicDir: own('./public/'),
  // Where the site is published (BRIEFING_SITE_URL), for what is read elsewhere: canonical links,
  // previews, feeds, email snippets. Unset, a placeholder is used and the build says so once.
  site: siteUrlFrom(process.env).url,
  outDir: process.env.BRIEFING_OUT_DIR ? resolve(process.env.BRIEFING_OUT_DIR) : own('./dist/'),
  // One cache per content root (BRIEFING_CACHE_DIR, default node_modules/.astro, then a folder
  // named after the root), so switching or moving roots never reads another root's store.
  cacheDir: cacheDirFor(process.cwd()),
  trailingSlash: 'always',
  // Pages are rendered eight at a time: while one waits on the disk (an incremental build copies
  // every unchanged page from its cache), others render. Measured on 2 cores: a 1,000-page cold
  // build 33–37 s → 30 s, a 10,000-page build with nothing to render again 97 s → 81 s, the same
  // bytes. Peak memory at 1,000 pages was no higher, and at 10,000 pages the whole build's peak is
  // below a bare Starlight build's (0.91×, with scripts/build.ts's ASTRO_NODE_FLAGS).
  build: { concurrency: 8 },
  // Pages whose cache key (a hash of everything they show, src/lib/pages/page-list.ts) and code
  // are unchanged are copied from the previous build instead of rendered again.
  experimental: { incrementalBuild: true },
  // Starlight turns on prefetching of every link; it costs a script on every page before
  // interaction (over the reading budget) for little gain on a static site this light.
  prefetch: false,
  security: {
    // Astro hashes the scripts and styles it bundles; Starlight's few inline scripts are hashed
    // from its installed sources. Pagefind's search runs WebAssembly, which needs
    // 'wasm-unsafe-eval' (not 'unsafe-eval', and never 'unsafe-inline').
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: starlightInlineScriptHashes() },
    },
  },
  vite: {
    // No dependency pre-bundling in `astro dev`: the browser code imports no npm package (only our
    // own modules and Starlight's), so Vite's scan of every page for dependencies at startup, and
    // its re-bundling when a page first imports one, did nothing but cost 2–3 CPU-seconds a start.
    // A client script that imports an npm package must add it to `include`.
    optimizeDeps: { noDiscovery: true, include: [] },
    build: {
      rollupOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that the bundler warns
        // about once per briefing (withastro/astro#18087, open): a box of noise per briefing in
        // every build log. Only that warning is dropped; every other one is printed.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    // First the briefing policy (an MDX file with anything but Markdown and our components does
    // not compile), then mention anchors and heading ids that are unique on the page.
    processor: satteri({ mdastPlugins: [briefingMarkdownPlugin()] }),
    // Shiki writes inline styles, which the strict CSP forbids; briefings have no code blocks.
    syntaxHighlight: false,
  },
  integrations: [
    // Before anything renders: every content problem at once, or no build.
    contentCheck(),
    siteUrlCheck(),
    // Starlight's components that write `style` attributes, swapped for copies that use classes.
    starlightReplacements(),
    // Astro's digests of each page's inline styles and scripts, computed once per text.
    cspDigestMemo(),
    // Astro's incremental cache links the pages it keeps instead of writing and copying them.
    pageCacheLinks(),
    starlight({
      title: site.title,
      description: metaDescription(site.description),
      // Search is Pagefind's, but its index is built by our own step (src/integrations/search-index.ts),
      // after Astro has exited when built with `npm run build`. Pages still mark their body for
      // Pagefind, and the header search is our component, so Starlight shows it either way.
      pagefind: false,
      // Briefings have no code blocks (syntaxHighlight is off): no Expressive Code to load on
      // every build, nor its unused script and stylesheet in the output.
      expressiveCode: false,
      // The sidebar is navigation, not a reading order: no previous/next links.
      pagination: false,
      routeMiddleware: own('./src/route-data.ts'),
      customCss: [own('./src/styles/tokens.css'), own('./src/styles/search.css'), own('./src/styles/print.css')],
      components: {
        Head: own('./src/components/starlight/Head.astro'),
        PageTitle: own('./src/components/starlight/PageTitle.astro'),
        Search: own('./src/components/starlight/Search.astro'),
        MarkdownContent: own('./src/components/starlight/MarkdownContent.astro'),
      },
    }),
    // Starlight would add MDX with full static optimisation; headings must stay components so
    // briefings can give each one a permalink and a "copy link" button.
    mdx({ optimize: { ignoreElementNames: ['h2', 'h3'] } }),
    // Preview images, entity JSON, company feeds and email snippets, written beside the pages.
    publishedFiles(),
    // The link check, which keeps the pages' search extracts; then the search index from them, in
    // place of Starlight's step (its `pagefind` option is off above).
    postbuild(),
    searchIndex(),
  ],
});
