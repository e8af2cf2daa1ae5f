// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { contentRoot, loadSiteConfig } from './src/lib/site-config.ts';
import { mentionAnchors } from './src/lib/mention-anchors.ts';

// Which dataset to build: BRIEFING_CONTENT_ROOT (default src/content). Tests and benchmarks point
// it at other content roots and send the output to BRIEFING_OUT_DIR.
const site = loadSiteConfig(contentRoot(process.cwd()));

export default defineConfig({
  site: process.env.BRIEFING_SITE_URL || 'https://briefing.example.com',
  outDir: process.env.BRIEFING_OUT_DIR || './dist',
  cacheDir: process.env.BRIEFING_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  markdown: {
    processor: satteri({ mdastPlugins: [mentionAnchors] }),
  },
  integrations: [
    starlight({
      title: site.title,
      description: site.description,
      pagefind: true,
      routeMiddleware: './src/route-data.ts',
    }),
  ],
});
