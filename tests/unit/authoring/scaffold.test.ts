import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { placeholderLines, scaffold, type ScaffoldRequest } from '../../../src/lib/authoring/scaffold';
import { checkContent, readContent } from '../../../src/lib/content/check';
import { parseYaml, splitMdx } from '../../../src/lib/content/documents';
import { scenario } from '../../support/scenario';

const TODAY = '2024-02-01';
const OPTIONS = { siteUrl: 'https://widgets.example.org', today: TODAY };

/** Scaffolds into `root` and writes the file, as `npm run new` does; returns the result. */
function make(root: string, type: string, name: string, options: ScaffoldRequest['options'] = []) {
  const result = scaffold({ type, name, options }, { reading: readContent(root, root), today: TODAY });
  if (result.ok) writeFileSync(join(root, result.file), result.text, { flag: 'wx' });
  return result;
}

function ok(result: ReturnType<typeof make>) {
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result;
}

describe('scaffold', () => {
  test('writes a file of every type that passes the whole content check as written', () => {
    const root = scenario({});
    const files = [
      ok(
        make(root, 'company', 'Initech Widgets', [
          ['kind', 'maker'],
          ['country', 'US'],
          ['parent', 'acme-widgets'],
        ]),
      ),
      ok(make(root, 'person', 'Bill Lumbergh')),
      ok(make(root, 'source', 'Initech signs up for widgets', [['published', '2024-01-20T10:00+00:00']])),
      ok(
        make(root, 'deal', 'Acme to supply Initech', [
          ['supplier', 'acme-widgets'],
          ['customer', 'initech-widgets'],
        ]),
      ),
      ok(
        make(root, 'quote', 'Yeah, if you could supply those widgets, that would be great', [
          ['person', 'bill-lumbergh'],
          ['organisation', 'initech-widgets'],
        ]),
      ),
      ok(
        make(root, 'event', 'Initech opens a widget store', [
          ['date', 'early 2024-03'],
          ['status', 'planned'],
          ['company', 'initech-widgets'],
        ]),
      ),
      ok(make(root, 'briefing', 'Widgets, now with Initech')),
    ];
    expect(files.map((f) => f.file)).toEqual([
      'companies/initech-widgets.yaml',
      'people/bill-lumbergh.yaml',
      'sources/initech-signs-up-for-widgets.yaml',
      'deals/acme-to-supply-initech.yaml',
      'quotes/bill-lumbergh-yeah-if-you-could-supply-those.yaml',
      'events/initech-opens-a-widget-store.yaml',
      'briefings/widgets-now-with-initech.mdx',
    ]);
    expect(checkContent(root, root, OPTIONS).problems).toEqual([]);
    // Each YAML file names its JSON Schema for the editor; prose to write is marked.
    for (const file of files.filter((f) => f.file.endsWith('.yaml'))) {
      expect(file.text.split('\n')[0]).toBe(
        `# yaml-language-server: $schema=../.schemas/${file.collection}.schema.json`,
      );
    }
    // What is left to write, as check:content lists it: the prose of all but the person and source.
    expect(placeholderLines(files.map((f) => ({ path: f.file, text: f.text })))).toEqual([
      'companies/initech-widgets.yaml line 10',
      'deals/acme-to-supply-initech.yaml line 20',
      'quotes/bill-lumbergh-yeah-if-you-could-supply-those.yaml line 9',
      'events/initech-opens-a-widget-store.yaml line 13',
      'briefings/widgets-now-with-initech.mdx line 5',
    ]);
  });

  test('cites the most recent source unless told, and says so', () => {
    const root = scenario({});
    ok(make(root, 'source', 'A later report', [['published', '2024-03-01T08:00+01:00']]));
    const person = ok(make(root, 'person', 'Jo Bloggs'));
    expect(person.text).toContain('# The most recent source, filled in by npm run new');
    expect(person.text).toContain('sources: [a-later-report]');
    expect(person.notes[0]).toBe(
      'It cites the most recent source, a-later-report; if its facts come from another, change "sources".',
    );
    const chosen = ok(make(root, 'person', 'Jo Other', [['source', 'test-gazette-2024-01-02']]));
    expect(chosen.text).toContain('sources: [test-gazette-2024-01-02]');
  });

  test('writes a briefing whose examples mention existing entries, one of each component', () => {
    const root = scenario({});
    const briefing = ok(make(root, 'briefing', 'Widgets monthly'));
    const mdx = splitMdx(briefing.text);
    expect(mdx.ok).toBe(true);
    const body = mdx.ok ? mdx.value.body : '';
    for (const component of ['Company', 'Person', 'Deal', 'Event', 'Quote', 'Cite'])
      expect(body).toContain(`<${component} `);
    expect(body).toContain('<Deal id="acme-globex-widgets" />');
    const frontmatter = mdx.ok ? parseYaml(mdx.value.frontmatter) : undefined;
    expect(frontmatter?.ok && frontmatter.value).toMatchObject({ title: 'Widgets monthly', published: TODAY });
  });

  test('marks mentions of collections that are still empty with placeholders the check reports', () => {
    const root = scenario({ 'quotes/jane-doe-widgets.yaml': null, 'briefings/widgets-weekly.mdx': null });
    const briefing = ok(make(root, 'briefing', 'Widgets monthly'));
    expect(briefing.notes[1]).toMatch(/^There is no quote yet: the example mentions of them name placeholder ids/);
    const problems = checkContent(root, root, OPTIONS).problems;
    expect(problems).toHaveLength(2);
    for (const line of problems) {
      expect(line).toMatch(
        /^briefings\/widgets-monthly\.mdx: body line \d+ <Quote id="todo-quote-id">: expected the id of an existing quote/,
      );
    }
  });

  test('asks for what it cannot know, all at once, and writes nothing', () => {
    const root = scenario({});
    expect(make(root, 'company', 'Globex')).toEqual({
      ok: false,
      problems: [
        '(id from the name): companies/globex already exists: edit it, or give the new entry another id with --id',
        '--kind: expected one of maker (Widget maker), publisher (Publisher), found nothing (say which with --kind <value>)',
        '--country: expected the home country as an ISO 3166-1 code such as "KR", found nothing',
        '"Globex" reads like "Globex", a name of companies/globex: is it the same company? Edit that file (add an alias), or give the new one a name readers can tell apart',
      ],
    });
    expect(
      make(root, 'deal', 'Acme buys Globex', [
        ['acquirer', 'acme-widget'],
        ['status', 'rumoured'],
      ]),
    ).toEqual({
      ok: false,
      problems: [
        '--acquirer: expected the id of an existing company (a file in companies/), found "acme-widget" (did you mean "acme-widgets"?)',
        'expected at least two parties, each as --<role> <company id> (roles: supplier, customer, partner, investor, investee, acquirer, target, licensor, licensee, lender, borrower), found 1',
        '--status: expected one of reported, announced, signed, in-effect, completed, terminated, found "rumoured"',
      ],
    });
    const event = make(root, 'event', 'Acme closes a plant', [
      ['date', '2024-13'],
      ['company', 'acme-widgets'],
    ]);
    expect(!event.ok && event.problems).toEqual([
      '--date: expected a date such as 2025, 2025-H1, 2025-Q3, 2025-06 or 2025-07-09, optionally prefixed by early/mid/late/"by end of", or "2025 before 2025-07-09" (there is no month 13), found "2024-13"',
      '--status: expected one of happened, planned, expected, postponed, cancelled, found nothing (say which with --status <value>)',
    ]);
    expect(make(root, 'widget', 'X')).toEqual({
      ok: false,
      problems: ['expected a type, one of company, person, deal, quote, event, source, briefing, found "widget"'],
    });
    expect(checkContent(root, root, OPTIONS).problems).toEqual([]);
  });

  test('refuses to cite when there is no source yet, saying how to add one', () => {
    const root = scenario({});
    const empty = readContent(root, root);
    empty.input.sources = [];
    const result = scaffold({ type: 'person', name: 'Jo Bloggs', options: [] }, { reading: empty, today: TODAY });
    expect(!result.ok && result.problems[0]).toMatch(
      /^there is no source to cite yet: add the article first \(npm run new -- source/,
    );
  });

  test('scaffolds on any content root: the vocabulary is read from its site.yaml', () => {
    const root = scenario({});
    const site = readFileSync(join(root, 'site.yaml'), 'utf8');
    writeFileSync(
      join(root, 'site.yaml'),
      site.replace('plant-opening: Plant opening', 'plant-opening: Plant opening\n    recall: Recall'),
    );
    const event = make(root, 'event', 'Acme recalls widgets', [
      ['date', '2024-01'],
      ['status', 'happened'],
      ['company', 'acme-widgets'],
      ['kind', 'recall'],
    ]);
    expect(ok(event).text).toContain('kind: recall  # plant-opening (Plant opening), recall (Recall)');
    expect(checkContent(root, root, OPTIONS).problems).toEqual([]);
  });
});
