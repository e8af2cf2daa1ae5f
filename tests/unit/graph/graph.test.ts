import { describe, expect, test } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-errors';
import { buildGraph, entityTitle, refKey, type GraphInput } from '../../../src/lib/graph/graph';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const acme = { collection: 'companies', id: 'acme-widgets' } as const;
const globex = { collection: 'companies', id: 'globex' } as const;
const deal = { collection: 'deals', id: 'acme-globex-widgets' } as const;
const briefing = { collection: 'briefings', id: 'widgets-weekly' } as const;
const source = { collection: 'sources', id: 'test-gazette-2024-01-02' } as const;

function problems(input: GraphInput): string[] {
  try {
    buildGraph(input, fixtureVocabulary);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('buildGraph relations', () => {
  const graph = buildGraph(minimalInput(), fixtureVocabulary);

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
  const graph = buildGraph(minimalInput(), fixtureVocabulary);

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

describe('buildGraph relations that cannot be true', () => {
  const company = (input: GraphInput, id: string) => input.companies.find((c) => c.id === id)!;

  test('rejects a parent cycle once, naming every file in it', () => {
    const input = minimalInput();
    company(input, 'acme-widgets').data.parent = { collection: 'companies', id: 'globex' };
    expect(problems(input)).toEqual([
      'companies/acme-widgets.yaml: parent: expected a chain of parents that ends, found the cycle acme-widgets → globex → acme-widgets (also companies/globex.yaml).',
    ]);
  });

  test('rejects a longer parent cycle, starting at its first id, and leaves chains that end alone', () => {
    const input = minimalInput();
    company(input, 'acme-widgets').data.parent = { collection: 'companies', id: 'test-gazette' };
    company(input, 'test-gazette').data.parent = { collection: 'companies', id: 'globex' };
    expect(problems(input)).toEqual([
      'companies/acme-widgets.yaml: parent: expected a chain of parents that ends, found the cycle acme-widgets → test-gazette → globex → acme-widgets (also companies/test-gazette.yaml, companies/globex.yaml).',
    ]);
  });

  test('rejects a company on both sides of a deal', () => {
    const input = minimalInput();
    input.deals[0]!.data.parties[1]!.company = { collection: 'companies', id: 'acme-widgets' };
    expect(problems(input)).toEqual([
      'deals/acme-globex-widgets.yaml: parties[1].company: expected each company once among the parties (a company cannot deal with itself), found "acme-widgets" as customer, already parties[0].company as supplier.',
    ]);
  });

  test('rejects a company listed twice in one role of a deal', () => {
    const input = minimalInput();
    input.deals[0]!.data.parties.push({ company: { collection: 'companies', id: 'globex' }, role: 'customer' });
    expect(problems(input)).toEqual([
      'deals/acme-globex-widgets.yaml: parties[2].company: expected each company once among the parties (a company cannot deal with itself), found "globex" as customer, already parties[1].company as customer.',
    ]);
  });

  test('rejects the same reference twice in one list, in every kind of list', () => {
    const input = minimalInput();
    input.events[0]!.data.companies.push({ collection: 'companies', id: 'acme-widgets' });
    input.companies[0]!.data.sources.push(input.companies[0]!.data.sources[0]!);
    input.briefings[0]!.data.about.companies.push(input.briefings[0]!.data.about.companies[0]!);
    expect(problems(input)).toEqual([
      'companies/acme-widgets.yaml: sources[1]: expected each source once in "sources", found "test-gazette-2024-01-02" again (already sources[0]).',
      'events/acme-plant-opening.yaml: companies[1]: expected each company once in "companies", found "acme-widgets" again (already companies[0]).',
      'briefings/widgets-weekly.mdx: about.companies[1]: expected each company once in "about.companies", found "acme-widgets" again (already about.companies[0]).',
    ]);
  });

  test('allows one source for several key figures and one organisation for several roles', () => {
    const input = minimalInput();
    const source = { collection: 'sources', id: 'test-gazette-2024-01-02' } as const;
    const figure = { label: 'Widgets', quantity: { value: 1, unit: 'widgets' }, period: { text: '2024' }, source };
    company(input, 'globex').data.keyFigures = [figure, figure] as never;
    const person = input.people[0]!.data;
    person.roles.push({ ...person.roles[0]!, title: 'Chair' });
    expect(problems(input)).toEqual([]);
  });

  test('rejects a previous id listed twice by one entry', () => {
    const input = minimalInput();
    company(input, 'globex').data.previousIds = ['globex-sa', 'globex-sa'];
    expect(problems(input)).toEqual([
      'companies/globex.yaml: previousIds[1]: expected each previous id once, found "globex-sa" again (already previousIds[0]).',
    ]);
  });

  test('rejects a source published by a company of a kind that does not publish', () => {
    const input = minimalInput();
    input.sources[0]!.data.publisher = { collection: 'companies', id: 'acme-widgets' };
    input.sources[0]!.data.translatedFrom = { language: 'de', publication: { collection: 'companies', id: 'globex' } };
    expect(problems(input)).toEqual([
      'sources/test-gazette-2024-01-02.yaml: publisher: expected a publishing organisation (a company of kind "publisher"), found "acme-widgets", a company of kind "maker".',
      'sources/test-gazette-2024-01-02.yaml: translatedFrom.publication: expected a publishing organisation (a company of kind "publisher"), found "globex", a company of kind "maker".',
    ]);
  });

  test('says how to mark a kind as publishing when site.yaml marks none', () => {
    const vocabulary = structuredClone(fixtureVocabulary);
    vocabulary.terms.companyKinds['publisher']!.publishes = false;
    expect(() => buildGraph(minimalInput(), vocabulary)).toThrow(
      'sources/test-gazette-2024-01-02.yaml: publisher: expected a publishing organisation (a company of a kind with "publishes: true" in site.yaml, which no kind has yet), found "test-gazette", a company of kind "publisher".',
    );
  });
});

describe('buildGraph names that look alike', () => {
  test("rejects a company whose name is another company's in look-alike letters, naming both files", () => {
    const input = minimalInput();
    // "Асме Widgets" with Cyrillic А, с and е.
    input.companies.find((c) => c.id === 'globex')!.data.name = '\u0410\u0441m\u0435 Widgets';
    expect(problems(input)).toEqual([
      'companies/globex.yaml: name: expected a name no other company has or resembles, found "\u0410\u0441m\u0435 Widgets", which reads like "Acme Widgets" (name of companies/acme-widgets.yaml).',
    ]);
  });

  test('compares names, short names and aliases across companies', () => {
    const input = minimalInput();
    const globex = input.companies.find((c) => c.id === 'globex')!.data;
    globex.shortName = 'ACME';
    globex.aliases = ['Test-Gazette'];
    expect(problems(input)).toEqual([
      'companies/globex.yaml: shortName: expected a name no other company has or resembles, found "ACME", which reads like "Acme" (shortName of companies/acme-widgets.yaml).',
      // Files are compared in order, so the later one is reported, naming the earlier one.
      'companies/test-gazette.yaml: name: expected a name no other company has or resembles, found "Test Gazette", which reads like "Test-Gazette" (aliases[0] of companies/globex.yaml).',
    ]);
  });

  test('compares people with people', () => {
    const input = minimalInput();
    input.people.push({ ...structuredClone(input.people[0]!), id: 'jane-doe-2', filePath: 'people/jane-doe-2.yaml' });
    input.people[1]!.data.name = 'JANE D0E';
    expect(problems(input)).toEqual([
      'people/jane-doe-2.yaml: name: expected a name no other person has or resembles, found "JANE D0E", which reads like "Jane Doe" (name of people/jane-doe.yaml).',
    ]);
  });

  test("lets one entity repeat its own name and lets a person share a company's name", () => {
    const input = minimalInput();
    input.companies.find((c) => c.id === 'acme-widgets')!.data.aliases = ['ACME WIDGETS'];
    input.people[0]!.data.name = 'Globex';
    expect(problems(input)).toEqual([]);
  });
});

describe('entityTitle', () => {
  test('names a quote by its first 12 words, and by at most 100 characters however long its words are', () => {
    const input = minimalInput();
    const quote = input.quotes[0]!.data;
    quote.text = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(entityTitle('quotes', quote)).toBe('“one two three four five six seven eight nine ten eleven twelve…”');
    quote.text = `${'x'.repeat(500)} y`;
    expect(entityTitle('quotes', quote)).toBe(`“${'x'.repeat(99)}…”`);
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
      buildGraph(input, fixtureVocabulary)
        .all('briefings')
        .map((b) => b.ref.id),
    ).toEqual(['widgets-weekly', 'older']);
  });
});
