import type { GraphInput } from '../../src/lib/graph/graph';
import { parseFuzzyDate } from '../../src/lib/values/fuzzy-date';
import { minimalInput } from './content';

/**
 * The minimal fixture plus a synthetic supply chain: `companies` makers `maker-01`…, and for
 * each i a deal in which maker i supplies maker i+1 (a chain), plus one in which maker 01
 * supplies every other maker (a hub), and one partnership that is not supply. Synthetic names.
 */
export function supplyChainInput(companies: number): GraphInput {
  const input = minimalInput();
  const company = input.companies.find((c) => c.id === 'globex')!;
  const deal = input.deals[0]!;
  const id = (i: number) => `maker-${String(i).padStart(2, '0')}`;
  for (let i = 1; i <= companies; i++) {
    input.companies.push({
      ...structuredClone(company),
      id: id(i),
      filePath: `companies/${id(i)}.yaml`,
      data: {
        ...structuredClone(company.data),
        name: `Synthetic Maker ${String.fromCharCode(64 + i)}${i}`,
        parent: undefined,
      },
    });
  }
  const party = (i: number, role: 'supplier' | 'customer' | 'partner') => ({
    company: { collection: 'companies' as const, id: id(i) },
    role,
  });
  const addDeal = (name: string, parties: ReturnType<typeof party>[], announced: string) =>
    input.deals.push({
      ...structuredClone(deal),
      id: name,
      filePath: `deals/${name}.yaml`,
      data: {
        ...structuredClone(deal.data),
        title: `Synthetic deal ${name}`,
        parties,
        announced: parseFuzzyDate(announced),
      },
    });
  for (let i = 1; i < companies; i++)
    addDeal(`chain-${id(i)}`, [party(i, 'supplier'), party(i + 1, 'customer')], `2024-0${(i % 9) + 1}`);
  for (let i = 3; i <= companies; i++) addDeal(`hub-${id(i)}`, [party(1, 'supplier'), party(i, 'customer')], '2025');
  addDeal('partnership', [party(1, 'partner'), party(2, 'partner')], '2025-Q2');
  return input;
}
