/**
 * Synthetic content root for benchmarks: `node_modules/.bin/node scripts/generate-corpus.ts
 * --pages 1000 --out <dir> [--seed 1]`.
 *
 * Deterministic: one seeded PRNG drives every choice, so the same seed and size give
 * byte-identical files. Every entry is marked synthetic (names "Synthetic Co 0001", prose starting
 * with "Synthetic") so a generated corpus can never be mistaken for real reporting. References are
 * drawn with a Zipf-like skew: a few companies, deals and people collect most relations, which is
 * what makes cross-link pages expensive at scale.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import type { PageSizes } from '../src/schemas/site.ts';

// Kept here rather than imported from src/schemas/common.ts: this file runs under plain Node
// (type stripping), which cannot resolve src/'s extensionless imports. A unit test checks the two
// lists agree.
/** The entity collections a corpus fills, in the order the content model lists them. */
export const CORPUS_COLLECTIONS = ['companies', 'people', 'deals', 'quotes', 'events', 'sources', 'briefings'] as const;
/** One of {@link CORPUS_COLLECTIONS}. */
export type CorpusCollection = (typeof CORPUS_COLLECTIONS)[number];

/** Share of the requested pages per collection (sums to 1). */
export const CORPUS_SHARES: Record<CorpusCollection, number> = {
  companies: 0.2,
  people: 0.15,
  deals: 0.2,
  quotes: 0.15,
  events: 0.15,
  sources: 0.05,
  briefings: 0.1,
};

/** Smallest corpus: enough for one entry per collection and two companies to make a deal. */
export const MIN_PAGES = 10;

/** Title of every generated site.yaml; also how {@link writeCorpus} recognises a corpus it may replace. */
export const CORPUS_TITLE = 'Synthetic benchmark corpus';

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** Total number of entity pages (entries over all collections). */
  pages: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /**
   * Page sizes for site.yaml (`pageSizes`); without them the site's defaults. Small ones give a
   * small corpus the cut lists, pages and windows of a large one (the tests' corpus).
   */
  pageSizes?: Partial<PageSizes>;
}

type Yaml = string | number | boolean | Yaml[] | { [key: string]: Yaml };
type YamlObject = { [key: string]: Yaml };

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeded choices used by the generator (all draws come from one stream, in a fixed order). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** An index in [0, n) with probability ∝ 1/(rank+1): index 0 is the most popular. */
  zipf(n: number): number;
  /** Up to `k` distinct Zipf-distributed indices in [0, n), in draw order. */
  zipfDistinct(n: number, k: number): number[];
}

/** A {@link Random} seeded with `seed`. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  // Cumulative Zipf weights per population size; built once per size, then binary-searched.
  const cumulative = new Map<number, Float64Array>();
  const table = (n: number): Float64Array => {
    let sums = cumulative.get(n);
    if (!sums) {
      sums = new Float64Array(n);
      let total = 0;
      for (let rank = 0; rank < n; rank++) sums[rank] = total += 1 / (rank + 1);
      cumulative.set(n, sums);
    }
    return sums;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let at = next() * total;
      for (const [value, weight] of choices) if ((at -= weight) < 0) return value;
      return choices[choices.length - 1]![0];
    },
    zipf: (n) => {
      const sums = table(n);
      const target = next() * sums[n - 1]!;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sums[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    zipfDistinct: (n, k) => {
      const want = Math.min(k, n);
      const chosen = new Set<number>();
      // Rejection keeps the skew; the bounded loop and the sequential fill keep tiny populations finite.
      for (let tries = 0; chosen.size < want && tries < want * 20; tries++) chosen.add(random.zipf(n));
      for (let i = 0; chosen.size < want; i++) chosen.add(i);
      return [...chosen];
    },
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// Synthetic text

const COMMON_WORDS = (
  'battery cell cathode anode supply chain plant capacity contract export import tariff market demand ' +
  'growth partner customer supplier investment output production line factory material copper foil ' +
  'lithium nickel cobalt manganese graphite separator electrolyte module pack vehicle model platform ' +
  'region europe asia quarter year forecast target shipment volume price margin cost share order ' +
  'agreement license patent technology research expansion joint venture subsidiary group board ' +
  'analyst report source estimate figure growth slowdown recovery policy subsidy regulation rule ' +
  'recycling refinery mine precursor logistics port rail warehouse schedule delay upgrade ramp ' +
  'yield quality audit certification standard grid storage charger software system design ' +
  'the a of to in for with on by from at as and while after before under over between new major ' +
  'local global early late first second next several many few strong weak steady stable higher lower'
).split(' ');

const SYLLABLES = 'ka lo mi ven tor ra sel nu qua dri zen po li mar fe tas ol bri kin sa del vo ru ne'.split(' ');

let pseudoWords: string[] | undefined;

/** A fixed vocabulary of made-up words (independent of the corpus seed) so the search index sees realistic word variety. */
function pseudoVocabulary(): string[] {
  if (!pseudoWords) {
    const random = createRandom(0x5eed);
    const words = new Set<string>();
    while (words.size < 1500) {
      let word = '';
      for (let i = random.int(2, 4); i > 0; i--) word += random.pick(SYLLABLES);
      words.add(word);
    }
    pseudoWords = [...words];
  }
  return pseudoWords;
}

/** One lower-case word: mostly domain words, sometimes a made-up one with a skewed frequency. */
function word(random: Random): string {
  if (random.chance(0.78)) return random.pick(COMMON_WORDS);
  const vocabulary = pseudoVocabulary();
  return vocabulary[random.zipf(vocabulary.length)]!;
}

/** Words of one sentence, without the full stop. */
function sentenceWords(random: Random, min = 8, max = 18): string[] {
  const words: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) words.push(word(random));
  if (words.length > 6 && random.chance(0.3)) words[random.int(2, words.length - 3)] += ',';
  return words;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One synthetic sentence, capitalised, with a full stop. */
export function syntheticSentence(random: Random, min = 8, max = 18): string {
  return `${capitalise(sentenceWords(random, min, max).join(' '))}.`;
}

/** A paragraph of `min`–`max` synthetic sentences. */
export function syntheticParagraph(random: Random, min = 3, max = 6): string {
  const sentences: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) sentences.push(syntheticSentence(random));
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Value types

/** Number of entries per collection for `pages` pages: shares by largest remainder, at least one each. */
export function corpusCounts(pages: number): Record<CorpusCollection, number> {
  if (!Number.isInteger(pages) || pages < MIN_PAGES) {
    throw new RangeError(`expected a whole number of pages of at least ${MIN_PAGES}, found ${pages}`);
  }
  const exact = CORPUS_COLLECTIONS.map((c) => CORPUS_SHARES[c] * pages);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = pages - counts.reduce((a, b) => a + b, 0);
  const byRemainder = CORPUS_COLLECTIONS.map((_, i) => i).sort(
    (a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b,
  );
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) counts[byRemainder[i]!]!++;
  // Raising empty collections to one can overshoot; give back from the largest.
  while (left < 0) {
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest]!--;
    left++;
  }
  return Object.fromEntries(CORPUS_COLLECTIONS.map((c, i) => [c, counts[i]!])) as Record<CorpusCollection, number>;
}

const COUNTRIES = ['KR', 'CN', 'JP', 'DE', 'HU', 'PL', 'ES', 'FR', 'SE', 'US', 'MX', 'IN', 'ID', 'GB', 'CZ', 'IT'];
const REGIONS = ['Europe', 'Southeast Asia', 'North America', 'Central Europe', 'East Asia'];
const CURRENCIES = ['USD', 'EUR', 'KRW', 'CNY', 'JPY', 'HUF', 'PLN'];
const QUALIFIERS = ['about', 'more-than', 'at-least', 'less-than', 'up-to'];
const OFFSETS = ['+09:00', '+08:00', '+00:00', '+01:00', '+02:00', '-05:00', 'Z'];

const COMPANY_KINDS = {
  'cell-maker': 'Battery cell maker (synthetic)',
  'materials-supplier': 'Materials supplier (synthetic)',
  automaker: 'Automaker (synthetic)',
  recycler: 'Recycler (synthetic)',
  'research-institute': 'Research institute (synthetic)',
  publisher: { label: 'Publisher (synthetic)', publishes: true },
};
const DEAL_KINDS = {
  'cell-supply': 'Cell supply (synthetic)',
  'materials-supply': 'Materials supply (synthetic)',
  'joint-venture': 'Joint venture (synthetic)',
  investment: 'Investment (synthetic)',
  acquisition: 'Acquisition (synthetic)',
  licensing: 'Licensing (synthetic)',
  loan: 'Loan (synthetic)',
};
const EVENT_KINDS = {
  'capacity-target': 'Capacity target (synthetic)',
  'construction-start': 'Construction start (synthetic)',
  'production-start': 'Production start (synthetic)',
  'office-opening': 'Office opening (synthetic)',
  'plant-closure': 'Plant closure (synthetic)',
  financing: 'Financing (synthetic)',
};
const UNITS: YamlObject = {
  GWh: { label: 'GWh' },
  t: { label: 'tons', singular: 'ton' },
  vehicles: { label: 'vehicles', singular: 'vehicle' },
  employees: { label: 'employees', singular: 'employee' },
  MW: { label: 'MW' },
  percent: { label: '%' },
};

type DealKind = keyof typeof DEAL_KINDS;

/** Party roles per deal kind: the two main roles, then the role of an optional third party. */
const DEAL_ROLES: Record<DealKind, [string, string, string]> = {
  'cell-supply': ['supplier', 'customer', 'partner'],
  'materials-supply': ['supplier', 'customer', 'partner'],
  'joint-venture': ['partner', 'partner', 'investor'],
  investment: ['investor', 'investee', 'investor'],
  acquisition: ['acquirer', 'target', 'lender'],
  licensing: ['licensor', 'licensee', 'partner'],
  loan: ['lender', 'borrower', 'lender'],
};

const PRODUCTS = [
  'cylindrical battery cells',
  'pouch cells',
  'prismatic cells',
  'copper foil',
  'cathode active material',
  'anode graphite',
  'separator film',
  'electrolyte',
  'battery packs',
  'recycled black mass',
];
const ROLE_TITLES = [
  'Chief executive',
  'Senior researcher',
  'Head of procurement',
  'Analyst',
  'Plant manager',
  'Spokesperson',
];
const FIGURE_LABELS: [string, string, 'year' | undefined][] = [
  ['Cell output', 'GWh', 'year'],
  ['Vehicle sales', 'vehicles', undefined],
  ['Materials shipped', 't', 'year'],
  ['Headcount', 'employees', undefined],
  ['Market share', 'percent', undefined],
  ['Storage capacity', 'MW', undefined],
];
const MONEY_LABELS = ['Annual revenue', 'Operating profit', 'Capital spending'];
const TOPICS = ['supply chains', 'trade barriers', 'capacity', 'materials', 'recycling', 'financing', 'policy'];
const SPEAKER_DESCRIPTIONS = ['a synthetic industry insider', 'a synthetic analyst', 'a synthetic company official'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An exact day `YYYY-MM-DD` in [fromYear, toYear]. */
function day(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  return `${year}-${pad(month)}-${pad(random.int(1, daysInMonth(year, month)))}`;
}

/**
 * A fuzzy date using the whole grammar of src/lib/values/fuzzy-date.ts: years, halves, quarters, months,
 * days, early/mid/late and "by end of" on any period but a day, and "<period> before <day>".
 */
export function fuzzyDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const period = (): string =>
    random.weighted<() => string>([
      [() => String(year), 3],
      [() => `${year}-H${random.int(1, 2)}`, 1],
      [() => `${year}-Q${random.int(1, 4)}`, 2],
      [() => `${year}-${pad(month)}`, 3],
    ])();
  const form = random.weighted([
    ['period', 40],
    ['day', 15],
    ['third', 25],
    ['by-end', 12],
    ['before', 8],
  ] as const);
  switch (form) {
    case 'period':
      return period();
    case 'day':
      return `${year}-${pad(month)}-${pad(random.int(1, daysInMonth(year, month)))}`;
    case 'third':
      return `${random.pick(['early', 'mid', 'late'])} ${period()}`;
    case 'by-end':
      return `by end of ${period()}`;
    case 'before': {
      // The bound must fall after the period's first day ("earlier this year", "earlier this month").
      if (random.chance(0.5)) return `${year} before ${year}-${pad(month)}-${pad(random.int(month === 1 ? 2 : 1, 28))}`;
      return `${year}-${pad(month)} before ${year}-${pad(month)}-${pad(random.int(2, daysInMonth(year, month)))}`;
    }
  }
}

/**
 * A timestamp with its offset, e.g. 2025-07-09T19:18:00+09:00. With seconds it looks like a YAML
 * timestamp, so js-yaml quotes it, as the schema asks authors to.
 */
function timestamp(random: Random, fromYear: number, toYear: number): string {
  const time = `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:00`;
  return `${day(random, fromYear, toYear)}T${time}${random.pick(OFFSETS)}`;
}

/** A round-ish positive number of the given magnitude range. */
function amount(random: Random, minExp: number, maxExp: number): number {
  const exp = random.int(minExp, maxExp);
  return random.int(1, 99) * 10 ** Math.max(0, exp - 1);
}

function quantity(random: Random, unit: string, per?: 'year'): YamlObject {
  const value = unit === 'percent' ? random.int(1, 60) : amount(random, 1, 6);
  const q: YamlObject = { value, unit };
  if (per) q['per'] = per;
  if (random.chance(0.3)) q['qualifier'] = random.pick(QUALIFIERS);
  return q;
}

function money(random: Random): YamlObject {
  const currency = random.pick(CURRENCIES);
  const m: YamlObject = { amount: amount(random, 6, currency === 'KRW' || currency === 'JPY' ? 12 : 10), currency };
  if (random.chance(0.4)) m['qualifier'] = random.pick(QUALIFIERS);
  if (random.chance(0.15)) m['estimated'] = true;
  if (random.chance(0.3)) {
    const other = CURRENCIES.filter((c) => c !== currency);
    m['converted'] = { amount: amount(random, 5, 9), currency: random.pick(other) };
  }
  return m;
}

/** A place with at least one of country, region or site. */
function place(random: Random): YamlObject {
  const p: YamlObject = {};
  const shape = random.weighted([
    ['country', 5],
    ['region', 2],
    ['site', 1],
    ['country+site', 2],
  ] as const);
  if (shape === 'country' || shape === 'country+site') p['country'] = random.pick(COUNTRIES);
  if (shape === 'region') p['region'] = random.pick(REGIONS);
  if (shape === 'site' || shape === 'country+site') p['site'] = `Synthetic site ${random.int(1, 400)}`;
  return p;
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** File-name id of the `index`-th (0-based) entry of a collection, e.g. `synthetic-co-0001`. */
export function corpusId(collection: CorpusCollection, index: number, count: number): string {
  const stem = {
    companies: 'co',
    people: 'person',
    deals: 'deal',
    quotes: 'quote',
    events: 'event',
    sources: 'source',
    briefings: 'briefing',
  }[collection];
  return `synthetic-${stem}-${number(index, count)}`;
}

/** 1-based display number, zero-padded to at least four digits. */
function number(index: number, count: number): string {
  return pad(index + 1, Math.max(4, String(count).length));
}

function siteYaml(pageSizes: Partial<PageSizes> | undefined): YamlObject {
  return {
    title: CORPUS_TITLE,
    tagline: 'Synthetic companies, deals, people and quotes for build benchmarks.',
    description: 'Synthetic content generated by scripts/generate-corpus.ts; not real companies, people or events.',
    lang: 'en',
    ...(pageSizes ? { pageSizes: { ...pageSizes } as YamlObject } : {}),
    vocabulary: { companyKinds: COMPANY_KINDS, dealKinds: DEAL_KINDS, eventKinds: EVENT_KINDS, units: UNITS },
  };
}

function dump(data: YamlObject): string {
  return yaml.dump(data, { lineWidth: 100, noRefs: true });
}

/**
 * Generates a complete content root of `pages` entity pages: relative path → file text
 * (`site.yaml`, `companies/synthetic-co-0001.yaml`, `briefings/synthetic-briefing-0001.mdx`, …).
 */
export function generateCorpus({ pages, seed = 1, pageSizes }: CorpusOptions): Map<string, string> {
  const random = createRandom(seed);
  const counts = corpusCounts(pages);
  const ids = Object.fromEntries(
    CORPUS_COLLECTIONS.map((c) => [c, Array.from({ length: counts[c] }, (_, i) => corpusId(c, i, counts[c]))]),
  ) as Record<CorpusCollection, string[]>;
  const num = (c: CorpusCollection, i: number) => number(i, counts[c]);
  const files = new Map<string, string>([['site.yaml', dump(siteYaml(pageSizes))]]);

  // Publishers are the last few companies, so the Zipf head (index 0, 1, …) is made of the
  // companies that deals, events and briefings revolve around.
  const publisherCount = Math.max(1, Math.round(counts.companies * 0.05));
  const firstPublisher = counts.companies - publisherCount;
  const businessCount = firstPublisher >= 2 ? firstPublisher : counts.companies;
  const company = () => ids.companies[random.zipf(businessCount)]!;
  const companies = (k: number) => random.zipfDistinct(businessCount, k).map((i) => ids.companies[i]!);
  const publisher = () => ids.companies[firstPublisher + random.zipf(publisherCount)]!;
  const zipfOf = (c: CorpusCollection) => ids[c][random.zipf(counts[c])]!;
  const sources = () => random.zipfDistinct(counts.sources, random.int(1, 2)).map((i) => ids.sources[i]!);
  const companyName = (id: string) => `Synthetic Co ${id.slice('synthetic-co-'.length)}`;

  // Companies ---------------------------------------------------------------------------------
  const kinds = Object.keys(COMPANY_KINDS).filter((k) => k !== 'publisher');
  ids.companies.forEach((id, i) => {
    const isPublisher = i >= firstPublisher;
    const c: YamlObject = { name: `Synthetic Co ${num('companies', i)}` };
    if (random.chance(0.3)) c['shortName'] = `SynCo ${i + 1}`;
    if (random.chance(0.2)) c['aliases'] = [`Synthetic Company ${num('companies', i)}`, `합성 회사 ${i + 1}`];
    c['kind'] = isPublisher ? 'publisher' : random.pick(kinds);
    c['country'] = random.pick(COUNTRIES);
    // Parents only point at lower indices, so ownership chains never loop; Zipf makes a few groups large.
    if (!isPublisher && i > 0 && random.chance(0.25))
      c['parent'] = ids.companies[random.zipf(Math.min(i, businessCount))]!;
    if (random.chance(0.6))
      c['ownership'] = random.pick(['state-owned', 'listed', 'private', 'government', 'non-profit']);
    c['description'] =
      `Synthetic ${isPublisher ? 'publisher' : 'company'} for benchmarks. ${syntheticSentence(random)}`;
    if (!isPublisher && random.chance(0.6)) {
      c['keyFigures'] = Array.from({ length: random.int(1, 3) }, () => {
        const figure: YamlObject = {};
        if (random.chance(0.75)) {
          const [label, unit, per] = random.pick(FIGURE_LABELS);
          figure['label'] = label;
          figure['quantity'] = quantity(random, unit, per);
        } else {
          figure['label'] = random.pick(MONEY_LABELS);
          figure['money'] = money(random);
        }
        figure['period'] = random.chance(0.7) ? String(random.int(2019, 2025)) : fuzzyDate(random, 2019, 2025);
        if (random.chance(0.4)) figure['note'] = `Synthetic note: ${sentenceWords(random, 4, 8).join(' ')}`;
        figure['source'] = zipfOf('sources');
        return figure;
      });
    }
    c['sources'] = sources();
    files.set(`companies/${id}.yaml`, dump(c));
  });

  // People ------------------------------------------------------------------------------------
  const employer = new Map<string, string>();
  ids.people.forEach((id, i) => {
    const p: YamlObject = { name: `Synthetic Person ${num('people', i)}` };
    if (random.chance(0.1)) p['nativeName'] = `합성 인물 ${i + 1}`;
    p['roles'] = Array.from(
      {
        length: random.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const),
      },
      () => {
        const role: YamlObject = { title: random.pick(ROLE_TITLES) };
        if (random.chance(0.9)) {
          role['organisation'] = company();
          if (!employer.has(id)) employer.set(id, role['organisation']);
        }
        if (random.chance(0.4)) {
          const from = random.int(2010, 2022);
          role['from'] = String(from);
          if (random.chance(0.4)) role['to'] = fuzzyDate(random, from + 1, 2025);
        }
        if (random.chance(0.5)) role['asOf'] = day(random, 2023, 2025);
        return role;
      },
    );
    if (random.chance(0.8)) p['description'] = `Synthetic person for benchmarks. ${syntheticSentence(random)}`;
    p['sources'] = sources();
    files.set(`people/${id}.yaml`, dump(p));
  });

  // Deals -------------------------------------------------------------------------------------
  const dealKinds = Object.keys(DEAL_KINDS) as DealKind[];
  ids.deals.forEach((id, i) => {
    const kind = random.pick(dealKinds);
    const roles = DEAL_ROLES[kind];
    const partyCount = counts.companies >= 3 && random.chance(0.25) ? 3 : 2;
    const parties = companies(partyCount).map((c, k) => ({ company: c, role: roles[k]! }));
    const product = random.pick(PRODUCTS);
    const d: YamlObject = {
      title: `Synthetic deal ${num('deals', i)}: ${companyName(parties[0]!.company)} and ${companyName(parties[1]!.company)} on ${product}`,
      kind,
      parties,
    };
    if (random.chance(0.7)) d['product'] = product;
    if (random.chance(0.5))
      d['volume'] = quantity(random, random.pick(['GWh', 't', 'vehicles']), random.chance(0.5) ? 'year' : undefined);
    if (random.chance(0.5)) d['value'] = money(random);
    if (random.chance(0.4)) {
      const term: YamlObject = {};
      if (random.chance(0.8)) term['start'] = fuzzyDate(random, 2024, 2029);
      if (!term['start'] || random.chance(0.6))
        term['duration'] = { value: random.int(1, 10), unit: random.pick(['years', 'months']) };
      d['term'] = term;
    }
    if (random.chance(0.5)) {
      d['places'] = Array.from({ length: random.int(1, 2) }, () => ({
        role: random.pick(['origin', 'delivery', 'use', 'production']),
        ...place(random),
      }));
    }
    d['status'] = random.pick(['reported', 'announced', 'signed', 'in-effect', 'completed', 'terminated']);
    if (random.chance(0.85)) d['announced'] = fuzzyDate(random, 2020, 2026);
    d['summary'] = `Synthetic deal for benchmarks. ${syntheticSentence(random)} ${syntheticSentence(random)}`;
    d['sources'] = sources();
    files.set(`deals/${id}.yaml`, dump(d));
  });

  // Events ------------------------------------------------------------------------------------
  ids.events.forEach((id, i) => {
    const status = random.weighted([
      ['happened', 45],
      ['planned', 25],
      ['expected', 20],
      ['postponed', 5],
      ['cancelled', 5],
    ] as const);
    const involved = companies(
      random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    );
    const kind = random.pick(Object.keys(EVENT_KINDS));
    const e: YamlObject = {
      title: `Synthetic event ${num('events', i)}: ${companyName(involved[0]!)} ${kind.replace(/-/g, ' ')}`,
      kind,
      // What has happened lies in the past; plans and forecasts lie ahead.
      date: status === 'happened' ? fuzzyDate(random, 2019, 2025) : fuzzyDate(random, 2025, 2030),
      status,
      companies: involved,
    };
    if (random.chance(0.6)) e['location'] = place(random);
    if (random.chance(0.4)) {
      e['figures'] = Array.from({ length: random.int(1, 2) }, () => {
        const [label, unit, per] = random.pick(FIGURE_LABELS);
        return { label, quantity: quantity(random, unit, per) };
      });
    }
    if (random.chance(0.3)) e['deals'] = random.zipfDistinct(counts.deals, random.int(1, 2)).map((k) => ids.deals[k]!);
    e['summary'] = `Synthetic event for benchmarks. ${syntheticSentence(random)}`;
    e['sources'] = sources();
    files.set(`events/${id}.yaml`, dump(e));
  });

  // Quotes ------------------------------------------------------------------------------------
  ids.quotes.forEach((id, i) => {
    const speaker: YamlObject = {};
    const shape = random.weighted([
      ['person+organisation', 4],
      ['person', 2],
      ['organisation', 2],
      ['description', 1],
      ['organisation+description', 1],
    ] as const);
    let person: string | undefined;
    if (shape.startsWith('person')) speaker['person'] = person = zipfOf('people');
    if (shape.includes('organisation')) speaker['organisation'] = (person && employer.get(person)) || company();
    if (shape.includes('description')) speaker['description'] = random.pick(SPEAKER_DESCRIPTIONS);
    const q: YamlObject = {
      text: `Synthetic remark ${num('quotes', i)}: ${sentenceWords(random, 10, 24).join(' ')}.`,
      speaker,
    };
    if (person && random.chance(0.7)) q['role'] = random.pick(ROLE_TITLES);
    if (random.chance(0.6)) q['date'] = fuzzyDate(random, 2022, 2025);
    q['context'] = `Synthetic context for benchmarks: ${sentenceWords(random, 6, 12).join(' ')}.`;
    const about: YamlObject = { companies: companies(random.int(1, 3)) };
    if (random.chance(0.5)) about['deals'] = [zipfOf('deals')];
    if (random.chance(0.3)) about['events'] = [zipfOf('events')];
    if (random.chance(0.2)) about['people'] = [zipfOf('people')];
    q['about'] = about;
    q['source'] = zipfOf('sources');
    files.set(`quotes/${id}.yaml`, dump(q));
  });

  // Sources -----------------------------------------------------------------------------------
  ids.sources.forEach((id, i) => {
    const s: YamlObject = {
      title: `Synthetic report ${num('sources', i)} on ${random.pick(TOPICS)}`,
      publisher: publisher(),
    };
    if (random.chance(0.7)) s['author'] = `Synthetic Author ${random.int(1, 40)}`;
    const published = timestamp(random, 2020, 2025);
    s['published'] = published;
    if (random.chance(0.2)) s['updated'] = timestamp(random, Number(published.slice(0, 4)) + 1, 2026);
    if (random.chance(0.7)) s['url'] = `https://example.com/synthetic/${id}`;
    s['language'] = 'en';
    if (random.chance(0.15)) s['translatedFrom'] = { language: 'ko', publication: publisher() };
    if (random.chance(0.6)) s['notes'] = `Synthetic source for benchmarks. ${syntheticSentence(random)}`;
    files.set(`sources/${id}.yaml`, dump(s));
  });

  // Briefings ---------------------------------------------------------------------------------
  ids.briefings.forEach((id, i) => {
    const title = `Synthetic briefing ${num('briefings', i)}: ${capitalise(random.pick(TOPICS))}`;
    const { frontmatter, body } = briefing(random, title, { counts, company, zipfOf, sources });
    files.set(`briefings/${id}.mdx`, `---\n${dump(frontmatter)}---\n\n${body}`);
  });

  return files;
}

interface Pickers {
  counts: Record<CorpusCollection, number>;
  company: () => string;
  zipfOf: (c: CorpusCollection) => string;
  sources: () => string[];
}

const COMPONENT: Record<Exclude<CorpusCollection, 'sources' | 'briefings'>, string> = {
  companies: 'Company',
  people: 'Person',
  deals: 'Deal',
  quotes: 'Quote',
  events: 'Event',
};
type Mentionable = keyof typeof COMPONENT;
interface Target {
  collection: Mentionable;
  id: string;
}

/**
 * One briefing: 5–15 distinct entities (fewer in tiny corpora), some mentioned twice, inline in
 * paragraphs and headings, at least one block deal or quote card and at least one citation.
 */
function briefing(random: Random, title: string, pick: Pickers): { frontmatter: YamlObject; body: string } {
  const { counts } = pick;
  const available = (Object.keys(COMPONENT) as Mentionable[]).reduce((n, c) => n + counts[c], 0);
  const want = Math.min(random.int(5, 15), available);
  const targets = new Map<string, Target>();
  const add = (collection: Mentionable, id: string) => targets.set(`${collection}/${id}`, { collection, id });
  // A card needs a deal or quote; choose it first so it is always there.
  const cardCollection: Mentionable = random.chance(0.5) ? 'deals' : 'quotes';
  add(cardCollection, pick.zipfOf(cardCollection));
  for (let tries = 0; targets.size < want && tries < want * 30; tries++) {
    const collection = random.weighted<Mentionable>([
      ['companies', 45],
      ['people', 15],
      ['deals', 15],
      ['events', 15],
      ['quotes', 10],
    ]);
    add(collection, collection === 'companies' ? pick.company() : pick.zipfOf(collection));
  }
  const list = [...targets.values()];
  const cards = list.filter((t) => t.collection === 'deals' || t.collection === 'quotes');
  const blocks = new Set(random.zipfDistinct(cards.length, random.int(1, 2)).map((k) => cards[k]!));
  // The rest appear inline; about a third of them a second time, further down.
  const inline = list.filter((t) => !blocks.has(t));
  const repeats = inline.filter(() => random.chance(0.3));
  const queue = [...inline, ...repeats, ...list.filter((t) => blocks.has(t) && random.chance(0.4))];
  const cited = pick.sources();
  const extraSources = cited.length < 2 && random.chance(0.3) ? [pick.zipfOf('sources')] : [];
  const sources = [...new Set([...cited, ...extraSources])];

  const inlineMention = (t: Target): string => {
    const tag = COMPONENT[t.collection];
    if (t.collection === 'companies' && random.chance(0.2))
      return `<${tag} id="${t.id}">${word(random)} group</${tag}>`;
    return `<${tag} id="${t.id}" />`;
  };
  const cite = () => `<Cite source="${random.pick(sources)}" />`;

  /** A paragraph of 2–4 sentences carrying up to `take` queued mentions. */
  const paragraph = (take: number, withCite: boolean): string => {
    const sentences: string[] = [];
    const mentions = queue.splice(0, take);
    const count = Math.max(2, Math.min(4, mentions.length + 1));
    for (let s = 0; s < count; s++) {
      const words = sentenceWords(random);
      // Mentions go after the first word so each sentence still opens with a capitalised word.
      for (const t of mentions.splice(0, s === count - 1 ? mentions.length : random.int(0, 2))) {
        const text = inlineMention(t);
        if (t.collection === 'events') words.push(text);
        else words.splice(random.int(1, words.length), 0, text);
      }
      if (withCite && s === count - 1) words.push(cite());
      sentences.push(`${capitalise(words.join(' '))}.`);
    }
    return sentences.join(' ');
  };

  const parts: string[] = [paragraph(random.int(1, 3), true)];
  const sectionCount = random.int(2, 4);
  const blockList = [...blocks];
  for (let s = 0; s < sectionCount; s++) {
    const headingWords = sentenceWords(random, 2, 5);
    let heading = capitalise(headingWords.join(' ')).replace(/,/g, '');
    // Headings name a company the text already covers, as an editor would.
    const covered = list.filter((t) => t.collection === 'companies');
    if (covered.length > 0 && random.chance(0.3)) heading += ` and <Company id="${random.pick(covered).id}" />`;
    parts.push(`## ${heading}`);
    const last = s === sectionCount - 1;
    const paragraphs = random.int(1, 3);
    for (let p = 0; p < paragraphs; p++) {
      const rest = sectionCount - s;
      parts.push(
        paragraph(last && p === paragraphs - 1 ? queue.length : Math.ceil(queue.length / rest), random.chance(0.4)),
      );
      // Cards stand on their own lines between paragraphs.
      if (blockList.length > 0 && (random.chance(0.5) || last)) {
        const card = blockList.shift()!;
        parts.push(`<${COMPONENT[card.collection]} id="${card.id}" />`);
      }
    }
  }
  for (const card of blockList) parts.push(`<${COMPONENT[card.collection]} id="${card.id}" />`);

  const published = day(random, 2024, 2026);
  const frontmatter: YamlObject = {
    title,
    description: `Synthetic briefing for benchmarks. ${syntheticSentence(random, 6, 12)}`,
    published,
  };
  if (random.chance(0.2)) {
    // A year later, on a day every month has (so 29 February never becomes an impossible day).
    const day = Math.min(Number(published.slice(8, 10)), 28);
    frontmatter['updated'] = `${Number(published.slice(0, 4)) + 1}${published.slice(4, 8)}${pad(day)}`;
  }
  frontmatter['summary'] =
    `Synthetic summary for benchmarks. ${syntheticSentence(random)} ${syntheticSentence(random)}`;
  frontmatter['topics'] = random.zipfDistinct(TOPICS.length, random.int(1, 3)).map((k) => TOPICS[k]!);
  const about: YamlObject = {};
  const aboutCompanies = list.filter((t) => t.collection === 'companies').slice(0, 3);
  if (aboutCompanies.length) about['companies'] = aboutCompanies.map((t) => t.id);
  const aboutDeals = list.filter((t) => t.collection === 'deals').slice(0, 2);
  if (aboutDeals.length) about['deals'] = aboutDeals.map((t) => t.id);
  frontmatter['about'] = about;
  frontmatter['sources'] = sources;
  return { frontmatter, body: `${parts.join('\n\n')}\n` };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes `files` under `dir`. An existing non-empty `dir` is replaced only when it holds a
 * previous synthetic corpus, so a mistyped `--out` cannot wipe real content.
 */
export function writeCorpus(dir: string, files: Map<string, string>): void {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    const site = join(root, 'site.yaml');
    const previous = existsSync(site) && readFileSync(site, 'utf8').includes(CORPUS_TITLE);
    if (!previous) throw new Error(`${root} is not empty and holds no synthetic corpus; refusing to overwrite it`);
    rmSync(root, { recursive: true, force: true });
  }
  for (const collection of CORPUS_COLLECTIONS) mkdirSync(join(root, collection), { recursive: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Number of entries per collection in a generated file map. */
export function countFiles(files: Map<string, string>): Record<CorpusCollection, number> {
  const counts = Object.fromEntries(CORPUS_COLLECTIONS.map((c) => [c, 0])) as Record<CorpusCollection, number>;
  for (const path of files.keys()) {
    const collection = path.split('/')[0] as CorpusCollection;
    if (collection in counts) counts[collection]++;
  }
  return counts;
}

function main(): void {
  const { values } = parseArgs({
    options: { pages: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.pages || !values.out) {
    console.error('usage: node scripts/generate-corpus.ts --pages 1000 --out <dir> [--seed 1]');
    process.exit(2);
  }
  const files = generateCorpus({ pages: Number(values.pages), seed: Number(values.seed) });
  writeCorpus(values.out, files);
  const counts = countFiles(files);
  console.log(
    `Wrote ${files.size} files to ${resolve(values.out)}: ` +
      CORPUS_COLLECTIONS.map((c) => `${counts[c]} ${c}`).join(', '),
  );
}

if (import.meta.main) main();
