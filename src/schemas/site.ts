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
