import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import {
  FileStore,
  offerPublishedFiles,
  pagesRendered,
  outputFile,
  takePublishedFiles,
  whenPagesRendered,
  textKey,
  writePublishedFiles,
  type PublishedFile,
} from '../../../src/lib/publishing/published-files';

const work = mkdtempSync(join(tmpdir(), 'published-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = () => {
  const dir = join(work, `f${folders++}`);
  mkdirSync(dir);
  return dir;
};

describe('outputFile', () => {
  test('maps a URL path under the base to a file of the output, decoding each segment', () => {
    expect(outputFile('/out', '/companies/acme.json')).toBe('/out/companies/acme.json');
    expect(outputFile('/out', '/docs/og/companies/acme.png', '/docs')).toBe('/out/og/companies/acme.png');
    expect(outputFile('/out', '/docs/og/caf%C3%A9.png', '/docs/')).toBe('/out/og/café.png');
  });

  test('refuses any path that could land outside the output or is not a file', () => {
    for (const path of [
      'companies/acme.json',
      '/companies/',
      '/companies//acme.json',
      '/../acme.json',
      '/companies/%2e%2e/%2e%2e/acme.json',
      '/companies/a%2Fb.json',
      '/companies/a%5Cb.json',
      '/companies/a%00.json',
      '/companies/%E0%A4%A.json',
      '/',
    ]) {
      expect(() => outputFile('/out', path), path).toThrow(/Not a file path of the site under \//);
    }
    expect(() => outputFile('/out', '/other/acme.json', '/docs/')).toThrow('under /docs/');
  });
});

describe('writePublishedFiles', () => {
  test('writes text and links stored files, counting those this build made', async () => {
    const out = folder();
    const store = new FileStore(folder(), '.png');
    await store.write('old', 'cached bytes');
    await store.write('new', 'drawn bytes');
    const files: PublishedFile[] = [
      { path: '/companies/acme.json', text: () => '{"name":"Acme"}' },
      { path: '/companies/acme/feed.xml', text: async () => '<rss/>' },
      { path: '/og/companies/acme.png', stored: async () => ({ file: store.file('old'), made: false }) },
      { path: '/og/index.png', stored: async () => ({ file: store.file('new'), made: true }) },
    ];
    const report = await writePublishedFiles(out, files);
    expect(report).toEqual({ files: 4, made: 1, copied: 0, textsNew: 0, textsKept: 0 });
    expect(readFileSync(join(out, 'companies/acme.json'), 'utf8')).toBe('{"name":"Acme"}');
    expect(readFileSync(join(out, 'companies/acme/feed.xml'), 'utf8')).toBe('<rss/>');
    expect(readFileSync(join(out, 'og/companies/acme.png'), 'utf8')).toBe('cached bytes');
    // A link, not a copy: the output's file is the stored one.
    expect(statSync(join(out, 'og/index.png')).ino).toBe(statSync(store.file('new')).ino);
  });

  test('with a text store: texts are stored once by their bytes and linked; the next build writes only new ones', async () => {
    const texts = new FileStore(join(folder(), 'texts'));
    const first = folder();
    const files = (name: string): PublishedFile[] => [
      { path: '/companies/acme.json', text: () => `{"name":"${name}"}` },
      { path: '/companies/acme/feed.xml', text: async () => '<rss/>' },
      // A renamed company's feed at its old id: the same text, stored once.
      { path: '/companies/old-acme/feed.xml', text: () => '<rss/>' },
    ];
    expect(await writePublishedFiles(first, files('Acme'), { texts })).toMatchObject({ files: 3, textsNew: 2 });
    expect(readFileSync(join(first, 'companies/acme.json'), 'utf8')).toBe('{"name":"Acme"}');
    expect(statSync(join(first, 'companies/acme/feed.xml')).ino).toBe(
      statSync(join(first, 'companies/old-acme/feed.xml')).ino,
    );
    expect(texts.keys()).toHaveLength(2);

    const second = folder();
    expect(await writePublishedFiles(second, files('Acme Corp'), { texts })).toMatchObject({ textsNew: 1 });
    expect(readFileSync(join(second, 'companies/acme.json'), 'utf8')).toBe('{"name":"Acme Corp"}');
    expect(readFileSync(join(second, 'companies/acme/feed.xml'), 'utf8')).toBe('<rss/>');
    // The unchanged feed is the first build's file; the old name's text left the store, and the
    // first build's output, which links it, keeps its bytes.
    expect(statSync(join(second, 'companies/acme/feed.xml')).ino).toBe(
      statSync(join(first, 'companies/acme/feed.xml')).ino,
    );
    expect(texts.keys()).toHaveLength(2);
    expect(readFileSync(join(first, 'companies/acme.json'), 'utf8')).toBe('{"name":"Acme"}');

    // Never overwrites, with a store too.
    await expect(
      writePublishedFiles(second, [{ path: '/companies/acme.json', text: () => 'x' }], { texts }),
    ).rejects.toThrow('A page and a published file both want /companies/acme.json.');
  });

  test('a text with a recorded key is linked from the store without being made, and made while the store lacks it', async () => {
    const texts = new FileStore(join(folder(), 'texts'));
    const made: string[] = [];
    const text = (path: string, value: string) => () => {
      made.push(path);
      return value;
    };
    const first = folder();
    await writePublishedFiles(first, [{ path: '/companies/acme.json', text: text('first', '{"name":"Acme"}') }], {
      texts,
    });
    const key = textKey('{"name":"Acme"}');
    expect(texts.keys()).toEqual([key]);

    const second = folder();
    const files = (): PublishedFile[] => [
      { path: '/companies/acme.json', key, text: text('kept', '{"name":"Acme"}') },
      // A key the store does not have (its text was pruned, or never written): made and stored.
      { path: '/companies/globex.json', key: textKey('{"name":"Globex"}'), text: text('missing', '{"name":"Globex"}') },
    ];
    expect(await writePublishedFiles(second, files(), { texts })).toMatchObject({ textsKept: 1, textsNew: 1 });
    expect(made).toEqual(['first', 'missing']);
    expect(readFileSync(join(second, 'companies/acme.json'), 'utf8')).toBe('{"name":"Acme"}');
    expect(statSync(join(second, 'companies/acme.json')).ino).toBe(statSync(texts.file(key)).ino);
    expect(readFileSync(join(second, 'companies/globex.json'), 'utf8')).toBe('{"name":"Globex"}');
    // The kept key counts as used: the store keeps it.
    expect(texts.keys().sort()).toEqual([key, textKey('{"name":"Globex"}')].sort());

    // Without a store, a key means nothing: the text is made and written.
    const plain = folder();
    expect(await writePublishedFiles(plain, files())).toMatchObject({ textsKept: 0 });
    expect(made.slice(2)).toEqual(['kept', 'missing']);
  });

  test('a new text is written where it is published and that file is stored, without a second copy', async () => {
    const texts = new FileStore(join(folder(), 'texts'));
    const out = folder();
    await writePublishedFiles(out, [{ path: '/companies/acme.json', text: () => '{"name":"Acme"}' }], { texts });
    const key = textKey('{"name":"Acme"}');
    expect(statSync(texts.file(key)).ino).toBe(statSync(join(out, 'companies/acme.json')).ino);
    // A store that already has the key (another build stored it meanwhile) keeps its file.
    const other = folder();
    const store = new FileStore(texts.dir);
    const before = statSync(texts.file(key)).ino;
    await writeFile(join(other, 'same.json'), '{"name":"Acme"}');
    expect(await store.adopt(key, join(other, 'same.json'))).toBe(true);
    expect(statSync(texts.file(key)).ino).toBe(before);
    expect(readdirSync(texts.dir)).toEqual([`${key}`]);
  });

  test('texts are written while stored files wait for their images', async () => {
    const out = folder();
    const store = new FileStore(folder(), '.png');
    await store.write('card', 'drawn bytes');
    let draw!: () => void;
    const drawing = new Promise<void>((resolve) => (draw = resolve));
    const waiting: PublishedFile[] = Array.from({ length: 20 }, (_, i) => ({
      path: `/og/${i}.png`,
      stored: async () => {
        await drawing;
        return { file: store.file('card'), made: i === 0 };
      },
    }));
    const texts: PublishedFile[] = Array.from({ length: 40 }, (_, i) => ({ path: `/t/${i}.json`, text: () => `${i}` }));
    // The images first in the list, more of them than the writes at once.
    const written = writePublishedFiles(out, [...waiting, ...texts], {
      concurrency: 4,
      texts: new FileStore(folder()),
    });
    await vi.waitFor(() => expect(readdirSync(join(out, 't'))).toHaveLength(40));
    expect(readdirSync(join(out, 'og'))).toEqual([]);
    draw();
    expect(await written).toMatchObject({ files: 60, made: 1, textsNew: 40 });
    expect(readdirSync(join(out, 'og'))).toHaveLength(20);
  });

  test('copies a stored file when it cannot be linked (the store is on another disk)', async () => {
    const out = folder();
    const store = new FileStore(folder(), '.png');
    await store.write('k', 'bytes');
    const acrossDisks = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    const texts = new FileStore(join(folder(), 'texts'));
    const report = await writePublishedFiles(
      out,
      [
        { path: '/og/a.png', stored: async () => ({ file: store.file('k'), made: false }) },
        { path: '/a.json', text: () => '{"a":1}' },
      ],
      { linkFile: acrossDisks, texts },
    );
    expect(report.copied).toBe(1);
    // A new text that cannot be linked into the store is written there too.
    expect(texts.read(textKey('{"a":1}')).toString()).toBe('{"a":1}');
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('{"a":1}');
    expect(statSync(join(out, 'a.json')).ino).not.toBe(statSync(texts.file(textKey('{"a":1}'))).ino);
    expect(readFileSync(join(out, 'og/a.png'), 'utf8')).toBe('bytes');
    expect(statSync(join(out, 'og/a.png')).ino).not.toBe(statSync(store.file('k')).ino);
    // Any other failure to link is the build's failure.
    const denied = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    await expect(
      writePublishedFiles(out, [{ path: '/og/b.png', stored: async () => ({ file: store.file('k'), made: false }) }], {
        linkFile: denied,
      }),
    ).rejects.toThrow('EACCES');
  });

  test('never overwrites: a path a page took, or two files at one path, fail and name it', async () => {
    const out = folder();
    mkdirSync(join(out, 'companies'));
    writeFileSync(join(out, 'companies/acme.json'), 'a page Astro wrote');
    await expect(writePublishedFiles(out, [{ path: '/companies/acme.json', text: () => 'x' }])).rejects.toThrow(
      'A page and a published file both want /companies/acme.json.',
    );
    expect(readFileSync(join(out, 'companies/acme.json'), 'utf8')).toBe('a page Astro wrote');
    const twice: PublishedFile[] = [
      { path: '/b.json', text: () => '1' },
      { path: '/b.json', text: () => '2' },
    ];
    await expect(writePublishedFiles(out, twice)).rejects.toThrow('Two published files at /b.json.');
    await expect(writePublishedFiles(out, [{ path: '/../escape.json', text: () => 'x' }])).rejects.toThrow(
      'Not a file path',
    );
  });

  test('a file that cannot be made fails the build', async () => {
    const out = folder();
    const files: PublishedFile[] = [
      {
        path: '/og/a.png',
        stored: async () => {
          throw new Error('ENOTDIR: not a directory, open /cache/og/x.png');
        },
      },
    ];
    await expect(writePublishedFiles(out, files)).rejects.toThrow('ENOTDIR');
  });
});

describe('FileStore', () => {
  test('a store whose folder was removed makes it again', async () => {
    const dir = join(folder(), 'store');
    const store = new FileStore(dir, '.png');
    await store.write('a', 'A');
    rmSync(dir, { recursive: true });
    await store.write('b', 'B');
    expect(store.keys()).toEqual(['b']);
  });

  test('writes of one key at once, from two stores of one folder, both succeed and leave one whole file', async () => {
    const dir = join(folder(), 'store');
    const [one, two] = [new FileStore(dir, '.png'), new FileStore(dir, '.png')];
    const big = (c: string) => c.repeat(200_000);
    await Promise.all([one.write('k', big('a')), two.write('k', big('b')), one.write('k', big('a'))]);
    expect([big('a'), big('b')]).toContain(one.read('k').toString());
    expect(one.keys()).toEqual(['k']);
  });

  test('keeps each key’s file whole and prunes the keys a build no longer uses', async () => {
    const store = new FileStore(join(folder(), 'store'), '.png');
    expect(store.has('a')).toBe(false);
    expect(store.prune(new Set())).toBe(0);
    await store.write('a', 'A');
    await store.write('b', 'B');
    expect(store.read('a').toString()).toBe('A');
    expect(store.prune(new Set(['b']))).toBe(1);
    expect([store.has('a'), store.has('b')]).toEqual([false, true]);
  });
});

describe('offerPublishedFiles', () => {
  test('hands the offered list to the one who takes it, once', async () => {
    const files: PublishedFile[] = [{ path: '/a.json', text: () => '{}' }];
    offerPublishedFiles(Promise.resolve(files));
    expect(await takePublishedFiles()).toBe(files);
    expect(takePublishedFiles()).toBeUndefined();
  });

  test('a list that failed to be made is not an unhandled rejection before it is taken', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    offerPublishedFiles(Promise.reject(new Error('graph failed')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', record);
    expect(unhandled).toEqual([]);
    await expect(takePublishedFiles()).rejects.toThrow('graph failed');
  });
});

describe('whenPagesRendered', () => {
  test('runs what was registered when the pages are rendered, once', () => {
    const calls: string[] = [];
    whenPagesRendered(() => calls.push('cards'));
    whenPagesRendered(() => calls.push('other'));
    expect(calls).toEqual([]);
    pagesRendered();
    expect(calls).toEqual(['cards', 'other']);
    pagesRendered();
    expect(calls).toEqual(['cards', 'other']);
  });
});
