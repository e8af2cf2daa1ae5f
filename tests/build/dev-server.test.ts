import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent, checkContentAndImages } from '../../src/lib/content/check';
import { encodePng } from '../../src/lib/publishing/png';
import { escapeMarkup } from '../../src/lib/values/escape';
import { buildEnvironment, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { scenario } from '../support/scenario';

// One `astro dev` on a copy of the minimal fixture, for every step: a content mistake shows the
// content check's lines in the terminal and in the browser (status 500, never the stale page
// nor a bare error page), and fixing it brings the page back without a restart.

const root = scenario({});
let server: ChildProcess;
let output = '';
let origin = '';

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Fetches `path` until `until` holds for the response (the server notices changes in a moment). */
async function fetchUntil(path: string, until: (status: number, body: string) => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  let last = { status: 0, body: '' };
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
      last = { status: response.status, body: await response.text() };
      if (until(last.status, last.body)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // What Astro's content layer said of each change (its reloads), which a flood of repeated errors
  // would push out of the terminal's tail.
  const reloads = output
    .split('\n')
    .filter((line) => /Reloaded data from|Failed to reload|\[content\]|problems any more/.test(line))
    .slice(-40)
    .join('\n');
  throw new Error(
    `${path} never matched; last ${last.status}:\n${last.body.slice(0, 2000)}\n--- content layer:\n${reloads}\n--- terminal:\n${output.slice(-3000)}`,
  );
}

const file = (path: string) => join(root, path);
const original = (path: string) => readFileSync(join(PROJECT_ROOT, 'tests/fixtures/minimal', path), 'utf8');
/** What the content check says now, as the build and check:content print it (paths from the project). */
const expectedLines = () => checkContent(root, PROJECT_ROOT).problems;

beforeAll(async () => {
  // The dev server writes the project's own .astro/ (a dev server needs the code inside its root);
  // test builds each have a root of their own (buildSite()), so they go on meanwhile.
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...buildEnvironment(),
        BRIEFING_CONTENT_ROOT: root,
        BRIEFING_CACHE_DIR: `${root}.cache`,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await fetchUntil('/companies/globex/', (status) => status === 200, 120_000);
}, 180_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    process.kill(server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) process.kill(server.pid, 'SIGKILL');
  }
});

describe('astro dev while an author edits content', () => {
  test('shows each mistake as the build does, in the terminal and the browser, and recovers when fixed', async () => {
    // 1. A misspelt field (a schema problem).
    const globex = original('companies/globex.yaml');
    writeFileSync(file('companies/globex.yaml'), globex.replace('country: FR', 'contry: FR'));
    const schema = await fetchUntil('/companies/globex/', (status) => status === 500);
    let lines = expectedLines();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(schema.body).toContain(`<li><code>${escapeMarkup(line)}</code></li>`);
      expect(output).toContain(line);
    }
    expect(schema.body).not.toContain('"contry"');
    // Every page is replaced while the content is broken, not only the broken entry's.
    expect((await fetch(`${origin}/deals/acme-globex-widgets/`, { headers: { accept: 'text/html' } })).status).toBe(
      500,
    );

    // 2. Fixed, and a reference across files broken instead (a graph problem): its line, not a bare error page.
    writeFileSync(file('companies/globex.yaml'), globex);
    const deal = original('deals/acme-globex-widgets.yaml');
    writeFileSync(file('deals/acme-globex-widgets.yaml'), deal.replace('company: globex', 'company: globx'));
    const graph = await fetchUntil(
      '/deals/acme-globex-widgets/',
      (status, body) => status === 500 && body.includes('globx'),
    );
    lines = expectedLines();
    expect(lines).toEqual([expect.stringContaining('parties[1].company: expected the id of an existing company')]);
    expect(graph.body).toContain(escapeMarkup(lines[0]!));
    expect(graph.body).not.toContain('InvalidContent');

    // 3. Fixed, and a briefing links to a page the site does not have.
    writeFileSync(file('deals/acme-globex-widgets.yaml'), deal);
    const briefing = original('briefings/widgets-weekly.mdx');
    writeFileSync(file('briefings/widgets-weekly.mdx'), `${briefing}\nSee [the gone page](/companies/gone/).\n`);
    const link = await fetchUntil(
      '/briefings/widgets-weekly/',
      (status, body) => status === 500 && body.includes('gone'),
    );
    lines = expectedLines();
    expect(lines).toEqual([
      expect.stringMatching(/expected a link to a page of this site, found "\/companies\/gone\/"/),
    ]);
    expect(link.body).toContain(escapeMarkup(lines[0]!));
    expect(output).toContain(lines[0]);

    // 4. Fixed, and the briefing shows an image cut off after its header (a broken download).
    const chart = encodePng(4, 3, new Uint8Array(4 * 3 * 4).fill(200));
    writeFileSync(file('briefings/chart.png'), chart.subarray(0, 40));
    writeFileSync(file('briefings/widgets-weekly.mdx'), `${briefing}\n![A chart](./chart.png)\n`);
    const image = await fetchUntil(
      '/briefings/widgets-weekly/',
      (status, body) => status === 500 && body.includes('chart.png'),
    );
    lines = (await checkContentAndImages(root, PROJECT_ROOT)).problems;
    expect(lines).toEqual([expect.stringMatching(/found "\.\/chart\.png", and it is not a whole PNG image \(/)]);
    expect(image.body).toContain(escapeMarkup(lines[0]!));
    expect(output).toContain(lines[0]);

    // 5. All fixed, with a new description: the page renders again, from the new content.
    rmSync(file('briefings/chart.png'));
    writeFileSync(file('briefings/widgets-weekly.mdx'), briefing);
    writeFileSync(
      file('companies/globex.yaml'),
      globex.replace('Synthetic widget buyer for tests.', 'Globex, edited in dev.'),
    );
    const fixed = await fetchUntil(
      '/companies/globex/',
      (status, body) => status === 200 && body.includes('Globex, edited in dev.'),
    );
    expect(fixed.body).toContain('<h1');
    expect(output).toContain('The content has no problems any more');
  });
});

describe('astro dev serves the files a build writes beside the pages', () => {
  test('preview images, entity JSON, company feeds and email snippets, from their routes', async () => {
    const get = async (path: string) => {
      const response = await fetch(`${origin}${path}`);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const card = await get('/og/companies/acme-widgets.png');
    expect([card.status, card.type]).toEqual([200, 'image/png']);
    expect(card.bytes.subarray(1, 4).toString()).toBe('PNG');
    const json = await get('/companies/acme-widgets.json');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.bytes.toString())).toMatchObject({ id: 'acme-widgets' });
    const feed = await get('/companies/acme-widgets/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.bytes.toString()).toContain('<rss');
    const email = await get('/briefings/widgets-weekly/email.txt');
    expect(email.status).toBe(200);
    expect(email.bytes.toString()).toContain('Widgets');
  });
});
