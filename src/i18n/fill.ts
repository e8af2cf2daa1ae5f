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
