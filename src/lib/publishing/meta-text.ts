import { clip } from '../values/text';

// Bounds for what goes into <meta> tags. Kept apart from head-tags.ts so astro.config.mjs can use
// them without loading the graph.

/**
 * Longest page description in meta tags (description, og:description, twitter:description), in
 * characters: more than link previews and search results show, and never a whole article.
 */
export const META_DESCRIPTION_MAX = 300;
/** Longest title in meta tags; content titles are shorter by schema, this bounds composed ones. */
export const META_TITLE_MAX = 200;

/** A page description fit for meta tags: one line, at most {@link META_DESCRIPTION_MAX} characters. */
export function metaDescription(text: string): string {
  return clip(text, META_DESCRIPTION_MAX);
}
