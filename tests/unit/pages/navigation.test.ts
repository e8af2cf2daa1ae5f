import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { buildSidebar, sidebarInput } from '../../../src/lib/pages/navigation';
import { paginate } from '../../../src/lib/pages/pagination';
import { fixtureVocabulary, minimalInput } from '../../support/content';

describe('buildSidebar', () => {
  const input = {
    latestBriefings: [{ title: 'B1', href: '/briefings/b1/' }],
    allBriefings: { label: 'All briefings', href: '/briefings/' },
    tools: [{ label: 'Timeline', href: '/timeline/' }],
    indexes: [{ collection: 'companies' as const, label: 'Companies', href: '/companies/' }],
    labels: { briefings: 'Briefings', browse: 'Browse' },
  };

  test('lists latest briefings, tools and indexes, marking the current page', () => {
    const sidebar = buildSidebar(input, '/companies/');
    expect(sidebar.map((e) => e.label)).toEqual(['Briefings', 'Timeline', 'Browse']);
    const browse = sidebar[2]!;
    expect(browse.type === 'group' && browse.entries[0]).toMatchObject({ label: 'Companies', isCurrent: true });
  });
});

describe('sidebarInput', () => {
  test('holds nothing that changes when an entity is added, so no page changes with it', () => {
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    const input = minimalInput();
    const initech = structuredClone(input.companies.find((c) => c.id === 'globex')!);
    input.companies.push({ ...initech, id: 'initech', filePath: 'companies/initech.yaml' });
    input.companies.at(-1)!.data.name = 'Initech';
    expect(sidebarInput(buildGraph(input, fixtureVocabulary))).toEqual(sidebarInput(graph));
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
