/**
 * The baseline: a bare Starlight site with the same number of plain Markdown pages, built as its
 * own Astro project in a temp dir from the files in scripts/bench/bare-template/.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createRandom, syntheticParagraph, syntheticSentence } from '../generate-corpus.ts';
import { outputRecorder, PROJECT_ROOT } from '../lib/build-site.ts';
import { measureBuild, type SiteMetrics } from './measure.ts';
import { startTreeSampler } from './process-tree.ts';

/** Template of the bare site (package.json, astro.config.mjs, src/content.config.ts). */
export const BARE_TEMPLATE = join(import.meta.dirname, 'bare-template');

/** Slug of the `index`-th (0-based) page: page-0001 … page-9999, page-10000 … (the sidebar names the first four). */
export function barePageSlug(index: number): string {
  return `page-${String(index + 1).padStart(4, '0')}`;
}

/** Title of the `index`-th (0-based) page: a search query for the bare site, as a company's name is for ours. */
export function barePageTitle(index: number): string {
  return `Synthetic page ${String(index + 1).padStart(4, '0')}`;
}

/** Markdown of one bare page: frontmatter, then a few paragraphs with one heading. */
function barePage(index: number, seed: number): string {
  const random = createRandom(seed * 1_000_003 + index);
  const paragraphs = Array.from({ length: random.int(3, 5) }, () => syntheticParagraph(random));
  paragraphs.splice(1, 0, `## ${syntheticSentence(random, 2, 5).replace(/[.,]/g, '')}`);
  return [
    '---',
    `title: ${barePageTitle(index)}`,
    `description: Synthetic page for the bare baseline. ${syntheticSentence(random, 5, 10)}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

/**
 * Mirrors `from` into `to` with hard links (directories recreated, symlinks copied as symlinks):
 * a real node_modules inside the bare project that costs neither copying nor disk space.
 */
export function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else linkSync(source, target);
  }
}

/**
 * Creates the bare project in `root`, without pages (see {@link writeBarePages}).
 *
 * Its node_modules are hard links to this project's packages, not a symlink: Starlight injects
 * its routes by real file path, and Astro 7 cannot compile .astro files outside the project root
 * (it reads their absolute paths as root-relative). A symlinked node_modules would also make Vite
 * write its cache (always <root>/node_modules/.vite) into the briefing site's own cache. Dot
 * folders (.vite, .astro caches) are left out. `root` must be on the same filesystem as this
 * project (see {@link sameFilesystem}).
 */
export function createBareSite(root: string): void {
  cpSync(BARE_TEMPLATE, root, { recursive: true });
  linkTree(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), (name) => name.startsWith('.'));
}

/**
 * Replaces the bare site's pages with `pages` Markdown pages and clears its output and content
 * cache (Astro's cacheDir), so the next build renders everything, as the briefing site's does.
 */
export function writeBarePages(root: string, pages: number, seed: number): void {
  const docs = join(root, 'src/content/docs');
  for (const dir of [docs, join(root, 'dist'), join(root, 'node_modules/.astro')])
    rmSync(dir, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  for (let i = 0; i < pages; i++) writeFileSync(join(docs, `${barePageSlug(i)}.md`), barePage(i, seed));
}

/** True when `dir` is on the same filesystem as this project, so hard links into node_modules work. */
export function sameFilesystem(dir: string): boolean {
  return statSync(dir).dev === statSync(PROJECT_ROOT).dev;
}

/** Runs `astro build --root <root>` for the bare site and measures it like the briefing site. */
export async function buildBareSite(root: string): Promise<SiteMetrics> {
  const sampler = startTreeSampler();
  const called = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done, fail) => {
    const recorder = outputRecorder();
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('BRIEFING_')));
    // Starlight as shipped: plain `astro build`, without our build's ASTRO_NODE_FLAGS.
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root],
      {
        cwd: root,
        env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => recorder.add('stdout', chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => recorder.add('stderr', chunk));
    child.on('error', (error) => {
      sampler.stop();
      fail(error);
    });
    child.on('close', (exit) => done({ code: exit, output: recorder.done().output }));
  });
  const ended = performance.now();
  const sample = sampler.stop();
  if (code !== 0) throw new Error(`The bare Starlight site did not build (exit ${code}):\n${output.slice(-4000)}`);
  return measureBuild({ outDir: join(root, 'dist'), output, called, ended, sample });
}
