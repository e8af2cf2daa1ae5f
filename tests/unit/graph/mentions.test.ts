import { describe, expect, test } from 'vitest';
import { extractMentions, mentionAnchor } from '../../../src/lib/graph/mentions';

describe('mentionAnchor', () => {
  test('numbers repeat mentions from the second one', () => {
    expect(mentionAnchor('companies', 'catl', 1)).toBe('companies-catl');
    expect(mentionAnchor('companies', 'catl', 3)).toBe('companies-catl-3');
  });
});

describe('extractMentions', () => {
  const body = `Intro with <Company id="acme" /> and <Company id="globex">its buyer</Company> <Cite source="gazette" />.

<Deal id="acme-globex" />

## Heading with <Person id="jane" />

- A list item naming <Company id="acme" /> again <Event id="opening" />.

\`\`\`mdx
<Company id="not-a-mention" />
\`\`\`
`;

  test('finds every mention in document order, skipping code', () => {
    const { mentions } = extractMentions(body);
    expect(mentions.map((m) => `${m.component}:${m.id}:${m.anchor}`)).toEqual([
      'Company:acme:companies-acme',
      'Company:globex:companies-globex',
      'Cite:gazette:sources-gazette',
      'Deal:acme-globex:deals-acme-globex',
      'Person:jane:people-jane',
      'Company:acme:companies-acme-2',
      'Event:opening:events-opening',
    ]);
  });

  test('gives each mention the sentence around it, with names as references and markers dropped', () => {
    const { mentions } = extractMentions(body);
    expect(mentions[0]!.context).toEqual([
      'Intro with ',
      { collection: 'companies', id: 'acme' },
      ' and ',
      { collection: 'companies', id: 'globex', text: 'its buyer' },
      '.',
    ]);
    expect(mentions[5]!.context).toEqual(['A list item naming ', { collection: 'companies', id: 'acme' }, ' again.']);
  });

  test('gives a block mention the paragraph before it', () => {
    const deal = extractMentions(body).mentions.find((m) => m.component === 'Deal')!;
    expect(deal.context[0]).toBe('Intro with ');
  });

  test('reports a mention without a literal id, with its line', () => {
    const { malformed } = extractMentions('Text\n\n<Company name="acme" /> and <Person id={x} />\n');
    expect(malformed).toEqual([
      { component: 'Company', line: 3, problem: '<Company> needs id="…" with a literal id' },
      { component: 'Person', line: 3, problem: '<Person> needs id="…" with a literal id' },
    ]);
  });
});
