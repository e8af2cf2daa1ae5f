import { z } from 'astro/zod';

const vocabularyId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a lowercase id with hyphens, such as "cell-maker"' });

/** A closed list of values: id → label shown to readers, e.g. `cell-maker: Cell maker`. */
const termsSchema = z
  .record(vocabularyId, z.string().trim().min(1))
  .refine((terms) => Object.keys(terms).length > 0, { error: 'expected at least one entry' });

/** A unit of measure: id → how readers see it. */
const unitSchema = z.strictObject({
  /** Label after a number, e.g. "GWh" or "tons". */
  label: z.string().trim().min(1),
  /** Label after the number 1, when it differs, e.g. "vehicle". */
  singular: z.string().trim().min(1).optional(),
});

/**
 * `site.yaml` at the content root: what this beat is called and the vocabulary its content may
 * use. Everything specific to one beat lives here or in content, never in code.
 */
export const siteSchema = z.strictObject({
  /** Site title in the header and page titles, e.g. "Briefing: EV batteries". */
  title: z.string().trim().min(1),
  /** One sentence under the title on the home page. */
  tagline: z.string().trim().min(1),
  /** Meta description of the site, one or two sentences. */
  description: z.string().trim().min(1),
  /** BCP 47 language of the content, e.g. "en". */
  lang: z.string().default('en'),
  /** Closed lists that content fields are checked against. */
  vocabulary: z.strictObject({
    /** Kinds of organisation, e.g. `automaker: Automaker`. */
    companyKinds: termsSchema,
    /** Kinds of deal, e.g. `cell-supply: Cell supply`. */
    dealKinds: termsSchema,
    /** Kinds of event, e.g. `construction-start: Construction start`. */
    eventKinds: termsSchema,
    /** Units of quantities, e.g. `GWh: { label: GWh }`. */
    units: z.record(z.string().regex(/^[A-Za-z%][A-Za-z0-9%-]*$/), unitSchema),
  }),
});

export type SiteConfig = z.output<typeof siteSchema>;
export type Vocabulary = SiteConfig['vocabulary'];
