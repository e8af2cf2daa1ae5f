import type { EntityCollection } from '../schemas/common';

/** Interface copy (English). Content copy lives in content files; beat vocabulary in site.yaml. */
export const ui = {
  collections: {
    companies: { singular: 'Company', plural: 'Companies' },
    people: { singular: 'Person', plural: 'People' },
    deals: { singular: 'Deal', plural: 'Deals' },
    quotes: { singular: 'Quote', plural: 'Quotes' },
    events: { singular: 'Event', plural: 'Events' },
    sources: { singular: 'Source', plural: 'Sources' },
    briefings: { singular: 'Briefing', plural: 'Briefings' },
  } satisfies Record<EntityCollection, { singular: string; plural: string }>,
  home: {
    latestBriefings: 'Latest briefings',
    explore: 'Explore the knowledge base',
    allBriefings: 'All briefings',
  },
  nav: {
    browse: 'Browse',
    timeline: 'Timeline',
    search: 'Search',
  },
  briefing: {
    published: 'Published',
    updated: 'Updated',
    covers: 'What this briefing covers',
    sources: 'Sources',
  },
  partyRoles: {
    supplier: 'Supplier',
    customer: 'Customer',
    partner: 'Partner',
    investor: 'Investor',
    investee: 'Investee',
    acquirer: 'Acquirer',
    target: 'Target',
    licensor: 'Licensor',
    licensee: 'Licensee',
    lender: 'Lender',
    borrower: 'Borrower',
  },
  dealStatus: {
    reported: 'Reported',
    announced: 'Announced',
    signed: 'Signed',
    'in-effect': 'In effect',
    completed: 'Completed',
    terminated: 'Terminated',
  },
  eventStatus: {
    happened: 'Happened',
    planned: 'Planned',
    expected: 'Expected',
    postponed: 'Postponed',
    cancelled: 'Cancelled',
  },
  ownership: {
    'state-owned': 'State-owned',
    listed: 'Listed',
    private: 'Private',
    government: 'Government body',
    'non-profit': 'Non-profit',
  },
  placeRoles: {
    origin: 'Shipped from',
    delivery: 'Delivered to',
    use: 'Used at',
    production: 'Produced at',
  },
} as const;
