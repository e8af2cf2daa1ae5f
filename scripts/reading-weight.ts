/**
 * What a reader downloads to see a page: per page type, gzipped HTML, the CSS that blocks first
 * render, and the JavaScript that runs before interaction (module scripts and everything they
 * import statically; code loaded later on intent, such as search, is not counted).
 *
 *   node_modules/.bin/node scripts/reading-weight.ts [dist] [--json out.json]
 *
 * Budgets (from the performance issue): HTML + first-render CSS ≤ 14 KB, JavaScript ≤ 5 KB, gzipped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

export const BUDGET = { htmlPlusCss: 14 * 1024, javascript: 5 * 1024 };

/** One page of each type a reader meets. */
export const PAGE_TYPES: Record<string, (dist: string) => string | undefined> = {
  home: () => '/',
  briefing: (dist) => firstPage(dist, 'briefings'),
  company: (dist) => firstPage(dist, 'companies'),
  person: (dist) => firstPage(dist, 'people'),
  deal: (dist) => firstPage(dist, 'deals'),
  quote: (dist) => firstPage(dist, 'quotes'),
  event: (dist) => firstPage(dist, 'events'),
  source: (dist) => firstPage(dist, 'sources'),
  index: () => '/companies/',
  timeline: () => '/timeline/',
  search: () => '/search/',
};

function firstPage(dist: string, collection: string): string | undefined {
  const html = readFileSync(join(dist, collection, 'index.html'), 'utf8');
  const match = new RegExp(`href="(/${collection}/[a-z0-9-]+/)"`).exec(html);
  return match?.[1];
}

const gz = (text: string | Buffer) => gzipSync(text).length;

function fileOf(dist: string, url: string): string {
  return join(dist, decodeURIComponent(url.split('?')[0]!.split('#')[0]!));
}

/** A module and every module it imports statically, each once (dynamic `import()` is skipped). */
function staticModuleGraph(dist: string, entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry) || !existsSync(fileOf(dist, entry))) return [];
  seen.add(entry);
  const code = readFileSync(fileOf(dist, entry), 'utf8');
  const imports = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  for (const spec of imports) {
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const resolved = spec.startsWith('/') ? spec : posix.join(posix.dirname(entry), spec);
    staticModuleGraph(dist, resolved, seen);
  }
  return [...seen];
}

export interface PageWeight {
  type: string;
  path: string;
  html: number;
  css: number;
  javascript: number;
  htmlPlusCss: number;
}

/** Gzipped bytes of one built page's HTML, render-blocking CSS and pre-interaction JavaScript. */
export function pageWeight(dist: string, type: string, path: string): PageWeight {
  const html = readFileSync(fileOf(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
  const stylesheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/media="print"/.test(tag))
    .map((tag) => /href="([^"]+)"/.exec(tag)![1]!);
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const css =
    stylesheets.reduce((sum, href) => sum + gz(readFileSync(fileOf(dist, href))), 0) +
    (inlineStyles.length ? gz(inlineStyles.join('')) : 0);
  const modules = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g))
    for (const file of staticModuleGraph(dist, m[1]!)) modules.add(file);
  const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .join('');
  const javascript =
    [...modules].reduce((sum, file) => sum + gz(readFileSync(fileOf(dist, file))), 0) +
    (inlineScripts ? gz(inlineScripts) : 0);
  const htmlBytes = gz(html);
  return { type, path, html: htmlBytes, css, javascript, htmlPlusCss: htmlBytes + css };
}

/** Every page type's weight in a built site. */
export function readingWeights(dist: string): PageWeight[] {
  return Object.entries(PAGE_TYPES).flatMap(([type, pick]) => {
    const path = pick(dist);
    return path && existsSync(fileOf(dist, path.endsWith('/') ? `${path}index.html` : path))
      ? [pageWeight(dist, type, path)]
      : [];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'string' } } });
  const dist = positionals[0] ?? 'dist';
  const weights = readingWeights(dist);
  console.log('type        HTML      CSS       HTML+CSS  JS        budget (HTML+CSS ≤ 14 KB, JS ≤ 5 KB)');
  for (const w of weights) {
    const ok = w.htmlPlusCss <= BUDGET.htmlPlusCss && w.javascript <= BUDGET.javascript;
    console.log(
      `${w.type.padEnd(12)}${kb(w.html).padEnd(10)}${kb(w.css).padEnd(10)}${kb(w.htmlPlusCss).padEnd(10)}${kb(w.javascript).padEnd(10)}${ok ? 'within' : 'OVER'}`,
    );
  }
  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ budget: BUDGET, pages: weights }, null, 2));
    console.log(`wrote ${values.json}`);
  }
}
