/**
 * A seeded set of varied link-preview cards for measuring the card renderer: every card type the
 * site makes (company, deal, quote, briefing, person, index, home), titles from one word to past
 * what fits, ledes, quotes of every length, zero to four facts, and names in Chinese, Korean and
 * Japanese as well as Latin with diacritics. Synthetic words only; plain Node can run it.
 */
import type { OgCard } from '../../src/lib/publishing/og-card.ts';
import { createRandom, type Random } from '../generate-corpus.ts';

const WORDS = [
  'battery',
  'cathode',
  'anode',
  'separator',
  'electrolyte',
  'copper',
  'foil',
  'plant',
  'supply',
  'cells',
  'lithium',
  'nickel',
  'cylindrical',
  'pouch',
  'prismatic',
  'module',
  'pack',
  'recycling',
  'joint',
  'venture',
  'gigafactory',
  'expansion',
  'agreement',
  'synthetic',
  'materials',
  'capacity',
  'Europe',
  'Hungary',
  'Spain',
  'Korea',
  'China',
  'investment',
  'long-term',
  'strategic',
  'next-generation',
  'solid-state',
  'precursor',
];
const LATIN_NAMES = [
  'Synthetic Co',
  'Société Synthétique',
  'Łódź Cells',
  'Ærø Materials',
  'Nordvolt Synthetic',
  'Ünal Enerji',
  'Ελληνική Synthetic',
  'Синтетика',
  'Công ty Tổng hợp',
];
const CJK_NAMES = [
  '宁德时代',
  '比亚迪',
  '奇瑞汽车',
  '国轩高科',
  '亿纬锂能',
  '中创新航',
  'LG에너지솔루션',
  '삼성SDI',
  '기아',
  '현대자동차',
  '롯데에너지머티리얼즈',
  '솔루스첨단소재',
  '대외경제정책연구원',
  'パナソニック エナジー',
  'トヨタ自動車',
  '日産自動車',
  '村田製作所',
  'ジーエス・ユアサ',
];
const KINDS = ['Cell maker', 'Automaker', 'Materials supplier', 'Research institute', 'Publisher'];
const COUNTRIES = ['South Korea', 'China', 'Japan', 'Germany', 'Hungary', 'Spain', 'Poland', 'United States'];
const SITE = 'Briefing: EV batteries';

function words(random: Random, min: number, max: number): string {
  const n = random.int(min, max);
  return Array.from({ length: n }, () => random.pick(WORDS)).join(' ');
}

function sentence(random: Random, min: number, max: number): string {
  const text = words(random, min, max);
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Whether names may be Chinese, Korean or Japanese (the satori renderer could not draw them). */
let withCjk = true;

function name(random: Random): string {
  const cjk = random.chance(0.3);
  return cjk && withCjk ? random.pick(CJK_NAMES) : `${random.pick(LATIN_NAMES)} ${random.int(1, 9999)}`;
}

function company(random: Random): OgCard {
  const aliases = Array.from({ length: random.int(0, 3) }, () => name(random));
  const facts: OgCard['facts'] = [];
  if (aliases.length) facts.push({ label: 'Also known as', value: aliases.join(', ') });
  if (random.chance(0.6)) facts.push({ label: 'Subsidiaries', value: `${name(random)}, ${name(random)}` });
  if (random.chance(0.7)) facts.push({ label: 'Deals', value: String(random.int(1, 400)) });
  if (random.chance(0.5)) facts.push({ label: 'Capacity', value: `${random.int(5, 900)} GWh (2025)` });
  return {
    type: 'Company',
    kicker: `${random.pick(KINDS)} · ${random.pick(COUNTRIES)}`,
    title: name(random),
    lede: sentence(random, 6, 26).slice(0, 160),
    facts: facts.slice(0, 4),
    site: SITE,
  };
}

function deal(random: Random): OgCard {
  return {
    type: 'Deal',
    kicker: random.pick(['Cell supply', 'Joint venture', 'Materials supply', 'Investment']),
    title: `${name(random)} to ${words(random, 2, 18)} with ${name(random)}`,
    facts: [
      { label: 'Supplier', value: name(random) },
      { label: 'Customer', value: name(random) },
      ...(random.chance(0.7) ? [{ label: 'Value', value: `more than ₩${random.int(1, 999)} billion KRW` }] : []),
      ...(random.chance(0.5)
        ? [{ label: 'Volume', value: `${random.int(1, 90)} GWh a year, ${words(random, 2, 9)}` }]
        : []),
    ].slice(0, 4),
    site: SITE,
  };
}

function quote(random: Random): OgCard {
  const text = sentence(random, 4, 50).slice(0, 280);
  return {
    type: 'Quote',
    title: `“${text.slice(0, 60)}…”`,
    quote: { text, speaker: `${name(random)}, ${words(random, 1, 6)}, ${name(random)}` },
    facts: [],
    site: SITE,
  };
}

function briefing(random: Random): OgCard {
  return {
    type: 'Briefing',
    title: sentence(random, 3, 20),
    date: `Published ${random.int(1, 28)} July 2025${random.chance(0.3) ? ' · updated 2 August 2025' : ''}`,
    facts: [],
    site: SITE,
  };
}

function generic(random: Random): OgCard {
  const type = random.pick(['Person', 'Event', 'Source', 'Index', 'Page']);
  return {
    type,
    ...(random.chance(0.3) ? { kicker: `Page ${random.int(1, 9)} of ${random.int(10, 99)}` } : {}),
    title: type === 'Person' ? name(random) : sentence(random, 1, 14),
    facts: [],
    site: SITE,
  };
}

/**
 * `count` varied cards, the same for the same seed; with `cjk: false`, names that would have been
 * Chinese, Korean or Japanese are Latin instead (the same random draws, so otherwise the same cards).
 */
export function benchCards(count: number, seed = 1, { cjk = true } = {}): OgCard[] {
  const random = createRandom(seed);
  const makers = [company, deal, quote, briefing, generic] as const;
  withCjk = cjk;
  try {
    return Array.from({ length: count }, (_, i) => makers[i % makers.length]!(random));
  } finally {
    withCjk = true;
  }
}
