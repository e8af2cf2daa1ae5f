import { describe, expect, test } from 'vitest';
import { buildSidebar } from '../../../src/lib/pages/navigation';
import { paginate } from '../../../src/lib/pages/pagination';
import { pageSections } from '../../../src/lib/pages/sections';

describe('buildSidebar', () => {
  const input = {
    currentPath: '/companies/',
    latestBriefings: [{ title: 'B1', href: '/briefings/b1/' }],
    allBriefings: { label: 'All briefings', href: '/briefings/', count: 7 },
    tools: [{ label: 'Timeline', href: '/timeline/' }],
    indexes: [{ collection: 'companies' as const, label: 'Companies', href: '/companies/', count: 11 }],
    labels: { briefings: 'Briefings', browse: 'Browse' },
  };

  test('lists latest briefings, tools and indexes with counts, marking the current page', () => {
    const sidebar = buildSidebar(input);
    expect(sidebar.map((e) => e.label)).toEqual(['Briefings', 'Timeline', 'Browse']);
    const browse = sidebar[2]!;
    expect(browse.type === 'group' && browse.entries[0]).toMatchObject({
      label: 'Companies',
      isCurrent: true,
      badge: { text: '11' },
    });
  });

  test('does not grow with the corpus: its size depends only on what it is given', () => {
    const small = JSON.stringify(buildSidebar(input)).length;
    const big = JSON.stringify(
      buildSidebar({ ...input, allBriefings: { ...input.allBriefings, count: 1_000_000 } }),
    ).length;
    expect(big - small).toBeLessThanOrEqual(6);
  });
});

describe('paginate', () => {
  test('splits into pages of a size, always at least one', () => {
    expect(paginate([], 2)).toEqual([{ page: 1, last: 1, items: [] }]);
    expect(paginate([1, 2, 3], 2)).toEqual([
      { page: 1, last: 2, items: [1, 2] },
      { page: 2, last: 2, items: [3] },
    ]);
  });
});

describe('pageSections', () => {
  test('drops empty sections and indexes the rest by id', () => {
    const { list, at } = pageSections({ deals: ['Deals', 2], people: ['People', 0] });
    expect(list).toEqual([{ id: 'deals', title: 'Deals', count: 2 }]);
    expect(at.deals?.title).toBe('Deals');
    expect(at.people).toBeUndefined();
  });
});
