/** Fills `{name}` placeholders of a copy string; unknown placeholders stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/**
 * The copy before and after one `{name}` placeholder, so a component can put markup (such as
 * `<bdi>` around a name) between them: `aroundPlaceholder('Full timeline for {name}', 'name')`.
 */
export function aroundPlaceholder(template: string, name: string): [string, string] {
  const at = template.indexOf(`{${name}}`);
  if (at === -1) return [template, ''];
  return [template.slice(0, at), template.slice(at + name.length + 2)];
}

// Made once: a build counts things tens of thousands of times, and making either costs ten times
// what using it does. `count.toLocaleString('en')` formats with the same default options.
const pluralRules = new Intl.PluralRules('en');
const counts = new Intl.NumberFormat('en');

/** A count with its noun: `{ one: '1 deal', other: '{count} deals' }` → "1 deal", "3 deals". */
export function plural(count: number, forms: { one: string; other: string }): string {
  return fill(pluralRules.select(count) === 'one' ? forms.one : forms.other, { count: counts.format(count) });
}
