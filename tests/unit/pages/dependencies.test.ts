import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { Digests, digestOf, trackedInputs, Untrackable, type UnitInputs } from '../../../src/lib/pages/dependencies';
import { entityPage } from '../../../src/lib/pages/entity-page';
import { minimalInput, pageContextFor } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));

function inputsFor(input = minimalInput(), today?: string): UnitInputs {
  const graph = buildGraph(input, site.vocabulary);
  return { ...pageContextFor(graph, site, undefined, today), body: () => 'Body.' };
}

describe('digestOf', () => {
  test('tells apart values JSON alone would confuse, and is the same for equal values', () => {
    expect(digestOf({ a: 1, b: [1, 'x'] })).toBe(digestOf({ a: 1, b: [1, 'x'] }));
    expect(digestOf({ a: undefined })).not.toBe(digestOf({}));
    expect(digestOf([undefined])).not.toBe(digestOf([null]));
    expect(digestOf(new Map([['k', 1]]))).not.toBe(digestOf({}));
    expect(digestOf(new Set([1]))).not.toBe(digestOf(new Set([2])));
    expect(digestOf(new URL('https://a.example/'))).not.toBe(digestOf(new URL('https://b.example/')));
    expect(digestOf({ n: NaN })).not.toBe(digestOf({ n: null }));
    expect(digestOf({ n: NaN })).not.toBe(digestOf({ n: Infinity }));
    expect(digestOf('1')).not.toBe(digestOf(1));
  });

  test('refuses what it cannot see into', () => {
    expect(() => digestOf({ f: () => 1 })).toThrow(Untrackable);
    expect(() => digestOf([new (class Thing {})()])).toThrow(Untrackable);
  });
});

describe('trackedInputs', () => {
  test('records every read a view makes: graph calls with their arguments, timeline lookups, the day', () => {
    const inputs = inputsFor();
    const deps = new Set<string>();
    const tracked = trackedInputs(inputs, deps);
    const view = entityPage(tracked, { collection: 'companies', id: 'globex' });
    // The same view as from the inputs themselves.
    expect(view).toEqual(entityPage(inputs, { collection: 'companies', id: 'globex' }));
    const reads = [...deps].map((dep) => JSON.parse(dep) as [string, unknown[]?]);
    expect(reads).toContainEqual(['graph.node', [{ collection: 'companies', id: 'globex' }]]);
    expect(reads.map(([path]) => path)).toEqual(
      expect.arrayContaining(['graph.outgoing', 'graph.incoming', 'timeline.byCompany.get', 'site']),
    );
  });

  test('a read of a whole Map, an unknown field and arguments JSON cannot keep are recorded too', () => {
    const inputs = { ...inputsFor(), extra: { n: 1 } } as UnitInputs;
    const deps = new Set<string>();
    const tracked = trackedInputs(inputs, deps) as UnitInputs & { extra: { n: number } };
    void tracked.timeline.byCompany.size;
    void tracked.extra.n;
    tracked.graph.get({ collection: 'companies', id: 'globex', extra: () => 1 } as never);
    expect([...deps]).toEqual(['["timeline.byCompany"]', '["extra"]', expect.stringContaining('unrecordable')]);
    // That last read never gives the digest it gave: what made it is built again.
    const digests = new Digests(inputs);
    expect(new Digests(inputs).all([...deps])).not.toBe(digests.all([...deps]));
  });
});

describe('Digests', () => {
  const ref = JSON.stringify(['graph.node', [{ collection: 'companies', id: 'globex' }]]);

  test('a read gives the same digest on the same content and another once what it returns changed', () => {
    const before = new Digests(inputsFor());
    expect(new Digests(inputsFor()).of(ref)).toBe(before.of(ref));
    const renamed = minimalInput();
    renamed.companies.find((c) => c.id === 'globex')!.data.name = 'Globex Corporation';
    expect(new Digests(inputsFor(renamed)).of(ref)).not.toBe(before.of(ref));
    // Another company's read is unchanged.
    const other = JSON.stringify(['graph.node', [{ collection: 'companies', id: 'acme-widgets' }]]);
    expect(new Digests(inputsFor(renamed)).of(other)).toBe(before.of(other));
  });

  test('extended to inputs with more fields: the added reads are digested, the others shared, not digested again', () => {
    const inputs = inputsFor();
    const digests = new Digests(inputs);
    const first = digests.of(ref);
    const rows = new Map([['companies/globex', { name: 'Globex' }]]);
    const extended = digests.extended({ ...inputs, exports: { rows } });
    const row = JSON.stringify(['exports.rows.get', ['companies/globex']]);
    expect(extended.of(row)).toBe(new Digests({ exports: { rows } }).of(row));
    expect(extended.of(ref)).toBe(first);
    // Shared: once digested by either, a read is not digested again (the inputs are one build's).
    rows.set('companies/globex', { name: 'Globex Corporation' });
    expect(digests.of(row)).toBe(extended.of(row));
    expect(new Digests({ exports: { rows } }).of(row)).not.toBe(extended.of(row));
  });

  test('a read that fails (a deleted entity) never matches', () => {
    const gone = JSON.stringify(['graph.node', [{ collection: 'companies', id: 'no-such-company' }]]);
    const digests = new Digests(inputsFor());
    expect(digests.of(gone)).not.toBe(new Digests(inputsFor()).of(gone));
  });
});
