// @ts-check
// Baseline for scripts/bench.ts: a bare Starlight site with the same number of plain Markdown
// pages as the benchmarked corpus and a small fixed sidebar. scripts/bench/bare-site.ts copies this
// folder into a temp dir, writes src/content/docs/page-0001.md …, and builds it there.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  // Same URL settings as the briefing site, so both write a sitemap and the same file layout.
  site: 'https://bare.example.com',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'Synthetic bare Starlight baseline',
      pagefind: true,
      // Fixed and small: the corpus always has at least these pages (see MIN_PAGES).
      sidebar: [
        { label: 'Synthetic page 1', slug: 'page-0001' },
        { label: 'Synthetic page 2', slug: 'page-0002' },
        { label: 'Synthetic page 3', slug: 'page-0003' },
        { label: 'Synthetic page 4', slug: 'page-0004' },
      ],
    }),
  ],
});
