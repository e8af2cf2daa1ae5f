/** Starlight's translation function as pages get it (`Astro.locals.t`), as far as this needs it. */
export type Translate = (
  key: 'heading.anchorLabel',
  options: { title: string; interpolation: { escapeValue: false } },
) => string;

/** Stands for the title while the label's words are looked up once (no heading contains it). */
const TITLE = '\u0000';

/** Per language: the words of the label before and after the title, or null when the title is not in them once. */
const around = new Map<string, readonly [string, string] | null>();

/**
 * The accessible name of a heading's permalink, as Starlight's AnchorHeading writes it ("Section
 * titled “Deals (3)”", from its `heading.anchorLabel` translation), for a heading of plain text.
 * The translation is looked up once per language, not once per heading: a site's pages repeat
 * their section headings tens of thousands of times, and each lookup costs more than the rest of
 * the heading. The title is plain text here; the page escapes it where it writes the label.
 */
export function anchorLabel(t: Translate, lang: string, title: string): string {
  let parts = around.get(lang);
  if (parts === undefined) {
    const words = t('heading.anchorLabel', { title: TITLE, interpolation: { escapeValue: false } });
    const at = words.indexOf(TITLE);
    parts = at === -1 || words.indexOf(TITLE, at + 1) !== -1 ? null : [words.slice(0, at), words.slice(at + 1)];
    around.set(lang, parts);
  }
  if (parts === null) return t('heading.anchorLabel', { title, interpolation: { escapeValue: false } });
  return parts[0] + title + parts[1];
}
