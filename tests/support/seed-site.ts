import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/generate-corpus.ts';
import { encodePng } from '../../src/lib/publishing/png';
import { buildSite, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { FIXTURES } from './scenario';

/** The day test builds take as today (the timeline marks it between past and future). */
export const TEST_TODAY = '2026-11-26';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's shared builds go (`<siteDir>` for the bundled dataset, `<siteDir>-<name>` for others). */
    siteDir: string;
  }
}

/** A site several test files read: built once per run, by whichever file asks first. */
export interface SharedSite {
  /** Its built output. */
  dist: string;
  /** The content root it was built from. */
  contentRoot: string;
}

interface Spec {
  /** Fixture folder under tests/fixtures to copy (ignored when `root` is given). */
  fixture?: string;
  /** A content root to build as it is (the bundled dataset). */
  root?: string;
  /** Changes to the copied fixture, applied before the build. */
  prepare?: (contentRoot: string) => void;
  /** Writes the whole content root (instead of copying a fixture). */
  create?: (contentRoot: string) => void;
  env?: Record<string, string>;
}

const built = new Map<string, Promise<SharedSite>>();

/** What a shared build printed, kept beside the site; and the mark of a finished build. */
const OUTPUT_FILE = 'build-output.txt';
const DONE_FILE = '.shared-build-done';
/** Files a shared build writes beside the site: not part of what the build publishes. */
export const SHARED_BUILD_FILES = [OUTPUT_FILE, DONE_FILE];

/**
 * The shared build `name`: built once per test run, in any worker, under a lock; every other
 * file (in any worker) waits for it and reads the same output. Unit runs never ask, so they
 * never build.
 */
export function sharedSite(name: string, spec: Spec): Promise<SharedSite> {
  let site = built.get(name);
  if (!site) {
    site = buildOnce(name, spec);
    built.set(name, site);
  }
  return site;
}

async function buildOnce(name: string, spec: Spec): Promise<SharedSite> {
  const base = inject('siteDir');
  const dist = name === 'seed' ? base : `${base}-${name}`;
  const contentRoot = spec.root ?? `${dist}-content`;
  const done = join(dist, DONE_FILE);
  const lock = `${dist}.lock`;
  // Without the parent folder the lock could never be taken, and every worker would wait forever.
  await mkdir(dirname(dist), { recursive: true });
  for (;;) {
    if (existsSync(done)) return { dist, contentRoot };
    try {
      await mkdir(lock, { recursive: false });
      break;
    } catch {
      // Another worker is building; a lock older than 10 minutes is left over from a killed run.
      const info = await stat(lock).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > 600_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(done)) return { dist, contentRoot };
    if (!spec.root) {
      rmSync(contentRoot, { recursive: true, force: true });
      if (spec.create) spec.create(contentRoot);
      else cpSync(join(FIXTURES, spec.fixture ?? 'minimal'), contentRoot, { recursive: true });
      spec.prepare?.(contentRoot);
    }
    const result = await buildSite({ contentRoot, outDir: dist, env: { BRIEFING_TODAY: TEST_TODAY, ...spec.env } });
    if (!result.ok) throw new Error(`The shared site "${name}" did not build:\n${result.output.slice(-4000)}`);
    writeFileSync(join(dist, OUTPUT_FILE), result.output);
    writeFileSync(done, '');
    return { dist, contentRoot };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** The bundled dataset, built once per test run. */
export async function seedSite(): Promise<string> {
  return (await sharedSite('seed', { root: join(PROJECT_ROOT, 'src/content') })).dist;
}

/** What a shared build printed. */
export function buildOutput(site: Pick<SharedSite, 'dist'>): string {
  return readFileSync(join(site.dist, OUTPUT_FILE), 'utf8');
}

/** The hostile fixture: every free-text field holds script, HTML and head-escaping payloads. */
export function hostileSite(): Promise<SharedSite> {
  return sharedSite('hostile', { fixture: 'hostile' });
}

/**
 * The site URL and campaign parameters the edited site is built with (and the pipeline test's
 * builds, which it equals): a site with its own address, as a team would publish it.
 */
export const CONFIGURED = {
  BRIEFING_SITE_URL: 'https://news.example.org',
  BRIEFING_UTM: 'utm_source=newsletter&utm_medium=email',
} as const;

/** What `editedSite` appends to the minimal briefing: everything a briefing may use. */
export const ALLOWED_BRIEFING_PART = `
## Sources

Escaped \\{braces\\} and 1 \\< 2, **bold**, _italic_, \`<code>\`, a [site link](/companies/acme-widgets/), a
[relative one](#sources), [another site](https://example.com/a?b=1), [the desk](mailto:desk@example.com)
and [a reference][ref].

![A red chart](./chart.png)

## Covers

| Year | Widgets |
| ---- | ------- |
| 2024 | 500     |

## Companies acme widgets

## _top

## Sources

[ref]: https://example.com/ref
`;

/** A briefing the edits below do not touch (its email files and feed entries stay as they were). */
export const QUIET_WEEK = `---
title: Quiet week
description: Synthetic briefing the editor's changes do not touch.
published: 2024-01-04
summary: Synthetic briefing that mentions nothing the edits change.
sources: [test-gazette-2024-01-02]
---

Nothing happened <Cite source="test-gazette-2024-01-02" />.
`;

/**
 * An editor's changes to a copy of the minimal fixture (with {@link QUIET_WEEK} beside it): Globex
 * renamed Globex SA (its old id kept in `previousIds`, so its old URL redirects), a person added,
 * the plant-opening event removed, and the briefing using everything a briefing may (Markdown,
 * links of every allowed kind, a local image, a table, headings named like the page's own ids).
 * `editedSite()` builds the result; tests/build/pipeline.test.ts makes the same changes between
 * two builds and compares its incremental build with that one, byte for byte.
 */
export function applyEdits(root: string): void {
  const globex = readFileSync(join(root, 'companies/globex.yaml'), 'utf8');
  writeFileSync(
    join(root, 'companies/globex-sa.yaml'),
    globex.replace('name: Globex', 'name: Globex SA\npreviousIds: [globex]'),
  );
  rmSync(join(root, 'companies/globex.yaml'));
  rmSync(join(root, 'events/acme-plant-opening.yaml'));
  writeFileSync(join(root, 'people/john-roe.yaml'), 'name: John Roe\nsources: [test-gazette-2024-01-02]\n');
  for (const [file, from, to] of [
    ['deals/acme-globex-widgets.yaml', 'company: globex', 'company: globex-sa'],
    ['briefings/widgets-weekly.mdx', '<Company id="globex">', '<Company id="globex-sa">'],
    ['briefings/widgets-weekly.mdx', ' <Event id="acme-plant-opening" />', ''],
  ] as const) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`applyEdits: "${from}" is not in ${file}`);
    writeFileSync(path, text.replace(from, to));
  }
  // A 4×3 red chart beside the briefing, as an author would add one.
  const red = new Uint8Array(4 * 3 * 4).map((_, i) => (i % 4 === 0 || i % 4 === 3 ? 255 : 0));
  writeFileSync(join(root, 'briefings/chart.png'), encodePng(4, 3, red));
  const briefing = join(root, 'briefings/widgets-weekly.mdx');
  writeFileSync(briefing, `${readFileSync(briefing, 'utf8')}${ALLOWED_BRIEFING_PART}`);
}

/**
 * The minimal fixture with {@link QUIET_WEEK}, after {@link applyEdits}, built with its own site URL
 * and campaign parameters ({@link CONFIGURED}).
 */
export function editedSite(): Promise<SharedSite> {
  return sharedSite('edited', {
    fixture: 'minimal',
    env: { ...CONFIGURED },
    prepare: (root) => {
      writeFileSync(join(root, 'briefings/quiet-week.mdx'), QUIET_WEEK);
      applyEdits(root);
    },
  });
}

/** Pages of the synthetic corpus `corpusSite` builds. */
export const CORPUS_PAGES = 200;

/**
 * The corpus site's page sizes (site.yaml's `pageSizes`): small, so that 200 pages have what a
 * large corpus has with the default sizes: entity sections cut short with full lists of several
 * pages, paginated indexes, a timeline too long to show whole, in pages. (At the default sizes
 * that took 600 pages, and its build was a tenth of the test run.)
 */
export const CORPUS_PAGE_SIZES = {
  index: 15,
  section: 5,
  fullList: 10,
  timeline: 100,
  timelineWindow: 60,
  timelinePage: 50,
} as const;

/** A seeded synthetic corpus (scripts/generate-corpus.ts) of {@link CORPUS_PAGES} pages, built. */
export function corpusSite(): Promise<SharedSite> {
  return sharedSite('corpus', {
    create: (root) => writeCorpus(root, generateCorpus({ pages: CORPUS_PAGES, seed: 7, pageSizes: CORPUS_PAGE_SIZES })),
  });
}
