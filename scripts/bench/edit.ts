/**
 * The benchmark's incremental edit: which generated company to edit (the one whose number of
 * relations is closest to the "a company with ~20 relations") and the edit itself, one
 * field that shows on pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Relations the edited company has, about. */
export const EDIT_RELATIONS = 20;
/** What the edit appends to the company's name. */
export const EDIT_SUFFIX = ' (edited)';

/** Ids of generated entries: `synthetic-co-0001`, `synthetic-deal-0042`, … */
const ENTRY_ID = /\bsynthetic-(?:co|person|deal|quote|event|source|briefing)-\d+\b/g;

/** The entry id of a corpus file path (`companies/synthetic-co-0001.yaml` → `synthetic-co-0001`). */
function entryId(path: string): string | undefined {
  return /^[a-z]+\/(synthetic-[a-z]+-\d+)\.(?:ya?ml|mdx?)$/.exec(path)?.[1];
}

/**
 * Relations of every company of a generated corpus (relative path → text, as
 * `generateCorpus` returns it): the number of other entries it is linked with, either way (its
 * deals, events, quotes, people, sources, parent and subsidiaries, briefings about or mentioning it).
 */
export function companyRelations(files: Map<string, string>): Map<string, number> {
  const linked = new Map<string, Set<string>>();
  const link = (a: string, b: string) => (linked.get(a) ?? linked.set(a, new Set()).get(a)!).add(b);
  for (const [path, text] of files) {
    const self = entryId(path);
    if (!self) continue;
    if (self.startsWith('synthetic-co-') && !linked.has(self)) linked.set(self, new Set());
    for (const [other] of text.matchAll(ENTRY_ID)) {
      if (other === self) continue;
      if (self.startsWith('synthetic-co-')) link(self, other);
      if (other.startsWith('synthetic-co-')) link(other, self);
    }
  }
  return new Map([...linked].map(([id, set]) => [id, set.size]));
}

/** The company to edit: relations closest to `target`; on a tie the one with more, then the first id. */
export function pickEditTarget(
  relations: Map<string, number>,
  target = EDIT_RELATIONS,
): { id: string; relations: number } {
  let best: { id: string; relations: number } | undefined;
  for (const [id, count] of [...relations].sort(([a], [b]) => a.localeCompare(b))) {
    const closer =
      !best ||
      Math.abs(count - target) < Math.abs(best.relations - target) ||
      (Math.abs(count - target) === Math.abs(best.relations - target) && count > best.relations);
    if (closer) best = { id, relations: count };
  }
  if (!best) throw new Error('The corpus has no companies to edit.');
  return best;
}

/**
 * Appends {@link EDIT_SUFFIX} to the `name:` of `companies/<id>.yaml` under `contentRoot`, leaving
 * every other byte as it was; returns the new name.
 */
export function editCompanyName(contentRoot: string, id: string): string {
  const file = join(contentRoot, 'companies', `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  const { name } = yaml.load(text) as { name: string };
  const edited = `${name}${EDIT_SUFFIX}`;
  const next = text.replace(/^name: .*$/m, `name: ${JSON.stringify(edited)}`);
  if ((yaml.load(next) as { name: string }).name !== edited) throw new Error(`Could not edit the name in ${file}`);
  writeFileSync(file, next);
  return edited;
}
