import { mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { headingIdsOf, PAGE_IDS, uniqueHeadingIds } from '../../../src/lib/graph/heading-ids';

describe('uniqueHeadingIds', () => {
  test('slugs headings the way GitHub and Starlight do', () => {
    expect(
      uniqueHeadingIds(['A Korean cell maker inside a Chinese supply chain', 'Korea–China: what’s next?'], []),
    ).toEqual(['a-korean-cell-maker-inside-a-chinese-supply-chain', 'koreachina-whats-next']);
  });

  test('numbers a heading from 2 when its slug is reserved or already used', () => {
    expect(uniqueHeadingIds(['Sources', 'Sources', 'Covers', 'Intro', 'Intro'], ['sources', 'covers'])).toEqual([
      'sources-2',
      'sources-3',
      'covers-2',
      'intro',
      'intro-2',
    ]);
  });

  test('never takes a number another heading already has', () => {
    expect(uniqueHeadingIds(['Sources 2', 'Sources'], ['sources'])).toEqual(['sources-2', 'sources-3']);
  });

  test('gives a heading without text an id all the same', () => {
    expect(uniqueHeadingIds(['', '…'], [])).toEqual(['section', 'section-2']);
  });
});

describe('headingIdsOf', () => {
  const ids = (body: string) => headingIdsOf(mdxToMdast(body)).map((h) => h.id);

  test('keeps clear of every id the briefing page has: title, sections, Starlight, search', () => {
    const body = PAGE_IDS.map((id) => `## ${id}`).join('\n\n');
    const result = ids(body);
    expect(result).toEqual(PAGE_IDS.map((id) => `${id}-2`));
    expect(PAGE_IDS).toEqual(expect.arrayContaining(['_top', 'covers', 'sources']));
  });

  test('keeps clear of mention anchors and card titles, however often the entity is mentioned', () => {
    const body = `<Company id="catl" /> <Company id="catl" />\n\n<Deal id="x" />\n\n## Companies CATL\n\n## Companies CATL 2\n\n## Deals x title\n\n## Deals x\n`;
    expect(ids(body)).toEqual(['companies-catl-3', 'companies-catl-2-2', 'deals-x-title-2', 'deals-x-2']);
  });

  test('finds headings nested in quotes and lists, in document order', () => {
    expect(ids(`## One\n\n> ## Two\n\n- ## One\n`)).toEqual(['one', 'two', 'one-2']);
  });
});
