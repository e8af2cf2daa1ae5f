/**
 * Interface copy (English) of the data the site publishes for tools and spreadsheets: the
 * download links, the titles and descriptions of the exported tables and of every field (they
 * go into datapackage.json, which tools show to their users), and the hover preview of an
 * entity. Kept apart from `ui.ts` so each area's strings live together; `{name}` placeholders
 * are filled by {@link fill}.
 */
export const dataUi = {
  downloads: {
    /** Accessible name of the list of download links. */
    label: 'Download the data',
    /** Before the links on an index page. */
    lead: 'Download:',
    csv: '{title} (CSV)',
    dataset: 'All data (JSON)',
    datapackage: 'Data package (datapackage.json)',
    /** After the links: where the formats are explained. */
    help: 'About the data files',
  },
  package: {
    description:
      '{site} Every row cites the published sources it comes from (source_ids) and links to its page on the site (page_url); the sources are listed under "sources" and in sources.csv. Dates keep the precision the source gives, with the earliest and latest day they can mean; money stays in the reported currency, with any conversion only as reported; quotes are verbatim.',
    dataset:
      'Every table above in one JSON file: {"tables": {"<table name>": [rows]}}, each row an object with the fields of that table, typed (numbers, booleans, lists as arrays, missing values as null).',
    formulas:
      'Text cells that a spreadsheet would read as a formula (beginning with =, +, -, @, a tab or CR) start with an apostrophe in the CSV files; dataset.json has the text unchanged.',
  },
  tables: {
    companies: { title: 'Companies', description: 'One row per company, institute or publisher.' },
    'key-figures': {
      title: 'Key figures',
      description: 'One row per key figure of a company (a count, measure or amount over a period), with its source.',
    },
    people: { title: 'People', description: 'One row per person.' },
    'person-roles': {
      title: 'Person roles',
      description: 'One row per position a person held, as the sources give it.',
    },
    deals: {
      title: 'Deals',
      description: 'One row per deal, with the parties in one pair of columns per role (names, and ids to join on).',
    },
    quotes: { title: 'Quotes', description: 'One row per quote: the words verbatim, who said them and where.' },
    events: { title: 'Events', description: 'One row per event that happened or is planned or expected.' },
    'event-figures': { title: 'Event figures', description: 'One row per figure an event is about.' },
    sources: { title: 'Sources', description: 'One row per published source that facts on the site cite.' },
    briefings: {
      title: 'Briefings',
      description: 'One row per briefing: its headline, summary and what it covers (the text is on its page).',
    },
  },
  /** Descriptions of fields, by what they hold; `{what}` names the thing, e.g. "the deal". */
  fields: {
    id: 'Id of {what}: its file name and the last part of its address, stable across builds.',
    pageUrl: 'Address of {what} on the site, where it is shown with its sources.',
    sourceIds: 'Ids of the sources (rows of sources.csv) that {what} comes from, comma-separated.',
    sourceSelf: 'The id of this source itself, so every table can be joined to sources the same way.',
    previousIds:
      'Ids {what} was published under before, comma-separated; their old addresses redirect to the current page.',
    name: 'Name of {what} as the sources give it.',
    title: 'Headline of {what}.',
    summary: 'Two or three sentences on {what}, in the site’s own words.',
    description: 'Two or three sentences on {what}, in the site’s own words.',
    shortName: 'Short name readers know, if any.',
    aliases: 'Other names, including names in their own script, as a JSON array of strings.',
    kind: 'Kind of {what}: an id from the site’s vocabulary.',
    kindLabel: 'Kind of {what} as readers see it (the vocabulary’s label).',
    country: 'Home country: ISO 3166-1 alpha-2 code.',
    countryName: 'Home country in English.',
    parentId: 'Id of the parent company, if any.',
    parentName: 'Name of the parent company, if any.',
    ownership: 'Ownership as the source states it.',
    companyId: 'Id of the company (a row of companies.csv).',
    companyName: 'Name of the company.',
    figureLabel: 'What the figure measures.',
    note: 'Short context in the site’s own words.',
    nativeName: 'Name in its native script, where certain.',
    organisationIds: 'Ids of the organisations the person held positions at, comma-separated.',
    personId: 'Id of the person (a row of people.csv).',
    personName: 'Name of the person.',
    roleTitle: 'Title of the position as the source gives it.',
    organisationId: 'Id of the organisation (a row of companies.csv), if the source names one.',
    organisationName: 'Name of the organisation, if the source names one.',
    status: 'How far {what} has got, as the source reports it.',
    partyIds: 'Ids of the companies that are {role} in the deal, comma-separated.',
    partyNames:
      'Names of the companies that are {role} in the deal, separated by "; " (for reading; join on {role}_ids).',
    product: 'What changes hands.',
    durationValue: 'Length of the term, in whole units.',
    durationUnit: 'Unit of the term’s length: years or months.',
    places:
      'Places of the deal as a JSON array of objects with role (origin, delivery, use or production), country (ISO code), region and site, each only if the source gives it.',
    text: 'The words exactly as the source prints them, without quotation marks.',
    speakerPersonId: 'Id of the person who said it, if named.',
    speakerPersonName: 'Name of the person who said it, if named.',
    speakerOrganisationId: 'Id of the speaker’s organisation, or of the organisation speaking as itself.',
    speakerOrganisationName: 'Name of that organisation.',
    speakerDescription: 'How the source describes a speaker it does not name, e.g. "an industry insider".',
    speakerRole: 'The speaker’s role when speaking.',
    context: 'What prompted the remark, in the site’s own words.',
    aboutIds: 'Ids of the {collection} the quote is about, comma-separated.',
    coversIds: 'Ids of the {collection} the briefing is about or mentions, comma-separated.',
    companyIds: 'Ids of the companies involved, comma-separated.',
    companyNames: 'Names of the companies involved, separated by "; " (for reading; join on company_ids).',
    locationCountry: 'Country where it takes place: ISO 3166-1 alpha-2 code.',
    locationRegion: 'Wider region where it takes place, when the source names no country.',
    locationSite: 'The site as the source describes it.',
    dealIds: 'Ids of related deals, comma-separated.',
    eventId: 'Id of the event (a row of events.csv).',
    eventTitle: 'Headline of the event.',
    publisherId: 'Id of the publisher (a row of companies.csv).',
    publisherName: 'Name of the publisher.',
    author: 'Byline as printed.',
    published: 'When it was published, with its time-zone offset (seconds are :00 where the source gives minutes).',
    updated: 'When it was last updated, with its time-zone offset.',
    url: 'Address of the original publication, where known.',
    language: 'Language of the text the site read: BCP 47 code.',
    translatedFromLanguage: 'For a translation: language of the original, BCP 47 code.',
    translatedFromId: 'For a translation: id of the original’s publisher.',
    translatedFromName: 'For a translation: name of the original’s publisher.',
    notes: 'What a reader should know about the source, in the site’s own words.',
    briefingDescription: 'One sentence on the briefing, for previews.',
    briefingPublished: 'Day the briefing was published on the site.',
    briefingUpdated: 'Day of its last substantive update, if any.',
    topics: 'Topics as a JSON array of short phrases.',
  },
  /** Descriptions of the columns every fuzzy date, amount of money and quantity becomes. */
  values: {
    dateText:
      '{what}, with the precision the source gives, as written: a year (2025), half (2025-H1), quarter (2025-Q3), month (2025-06) or day (2025-07-09), possibly "early", "mid", "late" or "by end of" one, or "2025 before 2025-07-09".',
    dateEarliest: '{what}: the earliest day it can mean.',
    dateLatest: '{what}: the latest day it can mean.',
    amount: '{what}: the amount in units of its currency (not thousands or millions).',
    currency: '{what}: ISO 4217 code of the amount.',
    moneyQualifier: '{what}: how the source bounds the amount ("more-than" for "exceeds"); empty when exact.',
    estimated: '{what}: true when the source calls the amount an estimate.',
    convertedAmount:
      '{what}: the same amount in another currency, only as the source reports it (never converted by the site).',
    convertedCurrency: '{what}: ISO 4217 code of the reported conversion.',
    quantity: '{what}: the number as the source gives it.',
    unit: '{what}: unit id from the site’s vocabulary.',
    unitLabel: '{what}: unit as readers see it.',
    per: '{what}: rate period (year, month or day), for rates such as an annual capacity.',
    quantityQualifier: '{what}: how the source bounds the number ("about" for "roughly"); empty when exact.',
  },
  /** What each dated, priced or counted field is, for the descriptions above. */
  what: {
    company: 'the company',
    figure: 'the key figure',
    person: 'the person',
    deal: 'the deal',
    quote: 'the quote',
    event: 'the event',
    source: 'the source',
    briefing: 'the briefing',
    period: 'Period the figure describes',
    figureQuantity: 'Figure as a quantity',
    figureMoney: 'Figure as an amount of money',
    roleFrom: 'When the position began',
    roleTo: 'When the position ended',
    roleAsOf: 'A day the source shows the position held',
    dealVolume: 'Volume',
    dealValue: 'Value',
    termStart: 'Start of the term (first delivery or start)',
    announced: 'When the deal was announced or first reported',
    quoteDate: 'When it was said, if the source says',
    eventDate: 'When it happens or happened',
  },
  preview: {
    /** Label of a count in a preview card, e.g. "Deals: 3". */
    deals: 'Deals',
    quotes: 'Quotes',
  },
} as const;

export { fill } from './fill';
