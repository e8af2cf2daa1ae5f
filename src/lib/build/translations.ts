/**
 * Starlight's `t()`, the UI strings of a locale, asked the same few dozen questions on every page
 * (the skip link, the search and theme labels, the table of contents...): each call runs
 * i18next's translation, 2.7 s of Astro's rendering thread at 10,000 pages. A string asked for by
 * its key alone is the same on every page of a locale, so it is looked up once per build; a call
 * with options (interpolation, counts) goes to i18next every time.
 */

/**
 * What Starlight hands a page as `Astro.locals.t`: a function (with i18next's overloads, hence the
 * loose type), with `all`, `exists` and `dir`.
 */
export type Translate = (...args: any[]) => any;

/** The strings asked for by key alone, per locale, for the whole build. */
const remembered = new Map<string, Map<string, string>>();

/**
 * `t` that remembers what it returned for a key asked for alone, in `locale` (the page's locale:
 * Starlight makes one `t` per page and locale). Its other properties are `t`'s.
 */
export function rememberTranslations<T extends Translate>(t: T, locale: string, memo = remembered): T {
  let strings = memo.get(locale);
  if (!strings) memo.set(locale, (strings = new Map()));
  const known = strings;
  const translate = function (this: unknown, key: unknown, ...options: unknown[]) {
    if (options.length > 0 || typeof key !== 'string') return t.call(this, key, ...options);
    let text = known.get(key);
    if (text === undefined) {
      text = t.call(this, key) as string;
      known.set(key, text);
    }
    return text;
  };
  return Object.assign(translate, t) as T;
}
