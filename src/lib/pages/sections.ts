/** A titled section of an entity page that has something to show. */
export interface PageSection<K extends string = string> {
  id: K;
  title: string;
  count: number;
}

/**
 * The sections of a page from `{ id: [title, count] }`, dropping empty ones: `list` feeds
 * "On this page", `at.<id>` is the section to render (undefined when empty).
 */
export function pageSections<K extends string>(defs: Record<K, readonly [title: string, count: number]>) {
  const list = (Object.entries(defs) as [K, readonly [string, number]][])
    .filter(([, [, count]]) => count > 0)
    .map(([id, [title, count]]): PageSection<K> => ({ id, title, count }));
  const at = Object.fromEntries(list.map((s) => [s.id, s])) as Partial<Record<K, PageSection<K>>>;
  return { list, at };
}
