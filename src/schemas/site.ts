import { z } from 'astro/zod';
import { boundedText, TEXT_LIMITS } from './common';

const vocabularyId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a lowercase id with hyphens, such as "cell-maker"' });

/** A label readers see, e.g. "Battery cell maker". */
const labelSchema = boundedText({ max: TEXT_LIMITS.name, noun: 'a label' });
/** A sentence or two: what a term means (for editors), the site's tagline and description. */
const descriptionSchema = boundedText({ max: TEXT_LIMITS.prose, prose: true });

/** One term of a list, in full. */
export interface Term {
  /** Shown to readers, e.g. "Publisher". */
  label: string;
  /** What the term means, for editors. */
  description?: string | undefined;
}

/** One kind of organisation, in full. */
export interface CompanyKind extends Term {
  /** True when organisations of this kind publish the sources content cites (newspapers, agencies). */
  publishes: boolean;
}

/** A term: its label alone (`cell-maker: Cell maker`), or `{ label, description }`. */
const termSchema = z.union([
  labelSchema.transform((label): Term => ({ label })),
  z.strictObject({
    /** Label shown to readers, e.g. "Cell supply". */
    label: labelSchema,
    /** What the term means, for editors. */
    description: descriptionSchema.optional(),
  }),
]);

/** A kind of organisation: its label alone, or `{ label, description, publishes }`. */
const companyKindSchema = z.union([
  labelSchema.transform((label): CompanyKind => ({ label, publishes: false })),
  z.strictObject({
    /** Label shown to readers, e.g. "Publisher". */
    label: labelSchema,
    /** What the kind means, for editors. */
    description: descriptionSchema.optional(),
    /** `true` when organisations of this kind may be a source's publisher. Default false. */
    publishes: z.boolean().default(false),
  }),
]);

/** A closed list of values: id → term, e.g. `cell-maker: Cell maker`. */
function termsSchema<T extends z.ZodType>(term: T) {
  return z
    .record(vocabularyId, term)
    .refine((terms) => Object.keys(terms).length > 0, { error: 'expected at least one entry' });
}

const labels = (terms: Record<string, Term>): Record<string, string> =>
  Object.fromEntries(Object.entries(terms).map(([id, term]) => [id, term.label]));

/** A unit of measure: id → how readers see it. */
const unitSchema = z.strictObject({
  /** Label after a number, e.g. "GWh" or "tons". */
  label: labelSchema,
  /** Label after the number 1, when it differs, e.g. "vehicle". */
  singular: labelSchema.optional(),
});

/**
 * The page sizes a site.yaml without `pageSizes` gets. They keep every page's HTML bounded however
 * large the corpus grows; a beat may choose others (the test corpus uses small ones, so a small
 * corpus has the cut lists, pages and windows a large one has).
 */
export const DEFAULT_PAGE_SIZES = Object.freeze({
  index: 100,
  section: 20,
  fullList: 100,
  timeline: 400,
  timelineWindow: 300,
  timelinePage: 250,
});

const pageSize = (fallback: number) => z.number().int().min(1).max(10_000).default(fallback);

const pageSizesSchema = z
  .strictObject({
    /** Entities per page of an index (/companies/, …). Default 100. */
    index: pageSize(DEFAULT_PAGE_SIZES.index),
    /** Items an entity page shows per section; the rest are on the section's full list. Default 20. */
    section: pageSize(DEFAULT_PAGE_SIZES.section),
    /** Items per page of a section's full list. Default 100. */
    fullList: pageSize(DEFAULT_PAGE_SIZES.fullList),
    /** The timeline page shows every item up to this many, else a window around today. Default 400. */
    timeline: pageSize(DEFAULT_PAGE_SIZES.timeline),
    /** Items around today the timeline page shows when the timeline is longer than `timeline`. Default 300. */
    timelineWindow: pageSize(DEFAULT_PAGE_SIZES.timelineWindow),
    /** Items per page of the full chronological timeline. Default 250. */
    timelinePage: pageSize(DEFAULT_PAGE_SIZES.timelinePage),
  })
  .refine((sizes) => sizes.timelineWindow <= sizes.timeline, {
    path: ['timelineWindow'],
    error: 'expected at most pageSizes.timeline (the window around today is part of a timeline too long to show whole)',
  });

/** How many items each kind of page holds before the rest go to further pages (site.yaml's `pageSizes`). */
export type PageSizes = z.output<typeof pageSizesSchema>;

/**
 * `site.yaml` at the content root: what this beat is called and the vocabulary its content may
 * use. Everything specific to one beat lives here or in content, never in code.
 */
export const siteSchema = z.strictObject({
  /** Site title in the header and page titles, e.g. "Briefing: EV batteries". */
  title: boundedText({ max: TEXT_LIMITS.title, noun: 'a title' }),
  /** One sentence under the title on the home page. */
  tagline: descriptionSchema,
  /** Meta description of the site, one or two sentences. */
  description: descriptionSchema,
  /** BCP 47 language of the content, e.g. "en". */
  lang: z.string().default('en'),
  /**
   * How many items each kind of page holds before the rest go to further pages; every key is
   * optional, with the default its description names, e.g. `pageSizes: { index: 50 }`.
   */
  pageSizes: pageSizesSchema.prefault({}),
  /**
   * Closed lists that content fields are checked against. Each term is a label, or a mapping
   * with its label and a description (and, for company kinds, `publishes: true` for kinds that
   * publish sources), e.g. `publisher: { label: Publisher, publishes: true }`.
   */
  vocabulary: z
    .strictObject({
      /** Kinds of organisation, e.g. `automaker: Automaker`; sources need a kind with `publishes: true`. */
      companyKinds: termsSchema(companyKindSchema),
      /** Kinds of deal, e.g. `cell-supply: Cell supply`. */
      dealKinds: termsSchema(termSchema),
      /** Kinds of event, e.g. `construction-start: Construction start`. */
      eventKinds: termsSchema(termSchema),
      /** Units of quantities, e.g. `GWh: { label: GWh }`. */
      units: z.record(z.string().regex(/^[A-Za-z%][A-Za-z0-9%-]*$/), unitSchema),
    })
    .transform(({ companyKinds, dealKinds, eventKinds, units }) => ({
      /** Company kind id → label, e.g. `automaker` → "Automaker". */
      companyKinds: labels(companyKinds),
      /** Deal kind id → label. */
      dealKinds: labels(dealKinds),
      /** Event kind id → label. */
      eventKinds: labels(eventKinds),
      units,
      /** Every term in full (label, description; for company kinds, whether it publishes). */
      terms: { companyKinds, dealKinds, eventKinds },
    })),
});

export type SiteConfig = z.output<typeof siteSchema>;
export type Vocabulary = SiteConfig['vocabulary'];

/** Ids of the company kinds whose organisations publish sources (`publishes: true` in site.yaml). */
export function publishingKinds(vocabulary: Vocabulary): string[] {
  return Object.entries(vocabulary.terms.companyKinds)
    .filter(([, kind]) => kind.publishes)
    .map(([id]) => id);
}
