import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { settledWatcher } from '../../../src/lib/content/settled-watcher';

// `astro dev` while an editor saves a file by truncating it and then writing it: the watcher may
// report one change while the file is still empty. The content must be read again once it is whole.

const work = mkdtempSync(join(tmpdir(), 'settled-watcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A watcher that records what was added to it, and a listener that records what it read. */
function setUp(name: string) {
  const file = join(work, name);
  const real = Object.assign(new EventEmitter(), {
    added: [] as string[],
    add(path: string) {
      this.added.push(path);
    },
  });
  const watcher = settledWatcher(real, { settleMs: 30 });
  const read: string[] = [];
  return { file, real, watcher, read, listener: (path: string) => void read.push(readFileSync(path, 'utf8')) };
}

describe('settledWatcher', () => {
  test('a change seen half way through a save is read again once the file is whole', async () => {
    const { file, real, watcher, read, listener } = setUp('deal.yaml');
    watcher.on('change', listener);
    writeFileSync(file, ''); // truncated: the watcher reports it now
    real.emit('change', file);
    writeFileSync(file, 'title: Fixed\n'); // the rest of the save, with no event of its own
    await sleep(80);
    expect(read).toEqual(['', 'title: Fixed\n']);
  });

  test('a change seen whole is read once; "add" is settled too; other events and methods are the watcher’s', async () => {
    const { file, real, watcher, read, listener } = setUp('company.yaml');
    writeFileSync(file, 'name: Acme\n');
    watcher.on('change', listener);
    watcher.on('add', listener);
    const removed: string[] = [];
    watcher.on('unlink', (path: string) => void removed.push(path));
    real.emit('change', file);
    await sleep(80);
    expect(read).toEqual(['name: Acme\n']);

    writeFileSync(file, '');
    real.emit('add', file);
    writeFileSync(file, 'name: Acme Corp\n');
    await sleep(80);
    expect(read).toEqual(['name: Acme\n', '', 'name: Acme Corp\n']);

    real.emit('unlink', file);
    expect(removed).toEqual([file]);
    watcher.add(join(work, 'other.yaml'));
    expect(real.added).toEqual([join(work, 'other.yaml')]);
  });
});
