import { describe, expect, test } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-errors';
import { buildGraph, refKey, type GraphInput } from '../../../src/lib/graph/graph';
import { minimalInput } from '../../support/content';

const acme = { collection: 'companies', id: 'acme-widgets' } as const;
const globex = { collection: 'companies', id: 'globex' } as const;
const deal = { collection: 'deals', id: 'acme-globex-widgets' } as const;
const briefing = { collection: 'briefings', id: 'widgets-weekly' } as const;
const source = { collection: 'sources', id: 'test-gazette-2024-01-02' } as const;

function problems(input: GraphInput): string[] {
  try {
    buildGraph(input);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('buildGraph relations', () => {
  const graph = buildGraph(minimalInput());

  test('indexes every entity and counts them', () => {
    expect(graph.counts()).toEqual({
      companies: 3,
      people: 1,
      deals: 1,
      quotes: 1,
      events: 1,
      sources: 1,
      briefings: 1,
    });
    expect(graph.node(acme).title).toBe('Acme Widgets');
  });

  test('a deal party is visible from the deal and from the company, with its role', () => {
    expect(graph.outgoing(deal, 'party').map((e) => [e.to.id, e.role])).toEqual([
      ['acme-widgets', 'supplier'],
      ['globex', 'customer'],
    ]);
    expect(graph.incoming(globex, 'party').map((e) => [e.from.id, e.role])).toEqual([
      ['acme-globex-widgets', 'customer'],
    ]);
  });

  test('a parent lists its subsidiary and the subsidiary its parent', () => {
    expect(graph.outgoing(globex, 'parent').map((e) => e.to.id)).toEqual(['acme-widgets']);
    expect(graph.incoming(acme, 'parent').map((e) => e.from.id)).toEqual(['globex']);
  });

  test('a source lists everything that cites it', () => {
    const citing = new Set(graph.incoming(source, 'cites').map((e) => refKey(e.from)));
    expect(citing).toEqual(
      new Set([
        'companies/test-gazette',
        'companies/acme-widgets',
        'companies/globex',
        'people/jane-doe',
        'deals/acme-globex-widgets',
        'quotes/jane-doe-widgets',
        'events/acme-plant-opening',
        'briefings/widgets-weekly',
      ]),
    );
  });

  test('every edge is listed at both of its ends', () => {
    for (const collection of ['companies', 'people', 'deals', 'quotes', 'events', 'sources', 'briefings'] as const) {
      for (const node of graph.all(collection)) {
        for (const edge of graph.outgoing(node.ref)) expect(graph.incoming(edge.to)).toContain(edge);
        for (const edge of graph.incoming(node.ref)) expect(graph.outgoing(edge.from)).toContain(edge);
      }
    }
  });
});

describe('buildGraph backlinks', () => {
  const graph = buildGraph(minimalInput());

  test('an inline mention links back with its anchor and sentence', () => {
    const mentions = graph.incoming(globex, 'mentions');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      from: briefing,
      mention: {
        anchor: 'companies-globex',
        context: [
          { collection: 'companies', id: 'acme-widgets' },
          ' will supply ',
          { collection: 'companies', id: 'globex', text: 'its customer' },
          '.',
        ],
      },
    });
  });

  test('frontmatter "about" and inline mentions are both recorded', () => {
    expect(graph.incoming(acme, 'about').map((e) => e.from)).toEqual([briefing]);
    expect(graph.incoming(acme, 'mentions').map((e) => e.mention?.anchor)).toEqual(['companies-acme-widgets']);
  });
});

describe('buildGraph checks', () => {
  test('names the file, field and unknown id, with the nearest id as a hint', () => {
    const input = minimalInput();
    input.deals[0]!.data.parties[1]!.company.id = 'globx';
    expect(problems(input)).toEqual([
      'deals/acme-globex-widgets.yaml: parties[1].company: expected the id of an existing company (a file in companies/), found "globx" (did you mean "globex"?).',
    ]);
  });

  test('names an unknown id in a briefing body with its line and component', () => {
    const input = minimalInput();
    input.briefings[0]!.body = `Text about <Company id="acme-widget" />.\n`;
    expect(problems(input)).toEqual([
      'briefings/widgets-weekly.mdx: body line 10 <Company id="acme-widget">: expected the id of an existing company (a file in companies/), found "acme-widget" (did you mean "acme-widgets"?).',
    ]);
  });

  test('names a briefing that is about an unknown entity', () => {
    const input = minimalInput();
    input.briefings[0]!.data.about.people.push({ collection: 'people', id: 'john-doe' });
    expect(problems(input)).toEqual([
      'briefings/widgets-weekly.mdx: about.people[0]: expected the id of an existing person (a file in people/), found "john-doe" (did you mean "jane-doe"?).',
    ]);
  });

  test('points from a previous id to the current one', () => {
    const input = minimalInput();
    input.companies.find((c) => c.id === 'globex')!.data.previousIds = ['globex-corp'];
    input.deals[0]!.data.parties[1]!.company.id = 'globex-corp';
    expect(problems(input)[0]).toMatch(/found "globex-corp", which is a previous id of "globex"; use "globex"\.$/);
  });

  test('rejects duplicate ids and previous ids that clash', () => {
    const input = minimalInput();
    input.companies.push({ ...input.companies[0]!, filePath: 'companies/copy.yml' });
    input.companies.find((c) => c.id === 'globex')!.data.previousIds = ['acme-widgets'];
    expect(problems(input)).toEqual([
      expect.stringMatching(
        /^companies\/copy\.yml: \(file name\): expected a unique id, found "acme-widgets", which companies\/acme-widgets\.yaml already uses\.$/,
      ),
      'companies/globex.yaml: previousIds[0]: expected an id no live company uses, found "acme-widgets", the id of companies/acme-widgets.yaml.',
    ]);
  });

  test('rejects an entry that refers to itself', () => {
    const input = minimalInput();
    input.companies.find((c) => c.id === 'globex')!.data.parent = { collection: 'companies', id: 'globex' };
    expect(problems(input)).toEqual([
      'companies/globex.yaml: parent: expected a reference to another entry, found "globex", this entry itself.',
    ]);
  });

  test('collects every problem before failing', () => {
    const input = minimalInput();
    input.deals[0]!.data.parties[0]!.company.id = 'nope-one';
    input.events[0]!.data.companies[0]!.id = 'nope-two';
    expect(problems(input)).toHaveLength(2);
  });
});

describe('buildGraph order', () => {
  test('lists briefings newest first', () => {
    const input = minimalInput();
    const older = structuredClone(input.briefings[0]!);
    older.id = 'older';
    older.data.published = '2023-05-01';
    input.briefings.push(older);
    expect(
      buildGraph(input)
        .all('briefings')
        .map((b) => b.ref.id),
    ).toEqual(['widgets-weekly', 'older']);
  });
});
