/**
 * Starlight's `<StarlightPage>` checks the frontmatter it is given against the `docs` collection's
 * schema, and builds that schema anew for every page it renders (`getStarlightPageFrontmatter` in
 * Starlight 0.42 calls the schema function with a new context each time). Building it is most of
 * the cost: about 1 ms a page against a few microseconds to check frontmatter with a schema built
 * before, 8% of the time a 10,000-page build spends rendering pages.
 *
 * Every one of those calls gets the same context: an `image` helper that accepts an imported
 * image object, which closes over nothing of the page. So the schema built for the first of them
 * serves them all. Any other call (Astro's content layer checking the `docs` files, whose `image`
 * helper resolves paths relative to each file) builds its own, as before.
 */

/** What names the image helper of `<StarlightPage>`'s context: its error message mentions the component. */
export const STARLIGHT_PAGE_IMAGE_HELPER = '<StarlightPage>';

/** The context a collection's schema function is called with (Astro's `SchemaContext`, the part used here). */
export interface SchemaFunctionContext {
  image: (...args: never[]) => unknown;
}

/** True for the context `<StarlightPage>` builds for every page (see {@link STARLIGHT_PAGE_IMAGE_HELPER}). */
export function isStarlightPageContext(context: SchemaFunctionContext): boolean {
  return String(context.image).includes(STARLIGHT_PAGE_IMAGE_HELPER);
}

/**
 * `schema`, building what it returns once for all of `<StarlightPage>`'s calls, and for every other
 * call as before.
 */
export function reusedForStarlightPages<C extends SchemaFunctionContext, S>(
  schema: (context: C) => S,
): (context: C) => S {
  let forPages: S | undefined;
  return (context) => (isStarlightPageContext(context) ? (forPages ??= schema(context)) : schema(context));
}
