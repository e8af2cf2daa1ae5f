import { ENTITY_COLLECTIONS, ID_PATTERN, TEXT_LIMITS, type EntityCollection } from '../../schemas/common';
import { skeleton } from '../values/confusables';
import { nearest } from '../values/suggest';

/**
 * The id of a new entry: made from its name (a slug of its Latin letters and digits) or given,
 * and refused when it breaks the id rules, is taken (by a file or a previous id) or reads like an
 * id already taken in its collection.
 */

/** Latin letters that no Unicode decomposition turns into ASCII, as they are usually written. */
const LATIN_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŋ: 'ng',
  ħ: 'h',
};

/** Longest id made from a name, in characters (whole words only): ids are URLs people paste. */
export const MADE_ID_MAX = 60;

export type IdResult = { ok: true; id: string } | { ok: false; problem: string };

/**
 * The id a name gives: lowercase Latin letters and digits joined by single hyphens ("Škoda Auto"
 * → `skoda-auto`, "LG Energy Solution" → `lg-energy-solution`), cut at a word to at most
 * {@link MADE_ID_MAX} characters. A name with letters of other scripts ("최재희", "LG에너지솔루션")
 * is refused, not guessed: its romanisation is the author's call (`--id`).
 */
export function idFromName(name: string): IdResult {
  const latin = (part: string) =>
    Array.from(part.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(), (c) => LATIN_LETTERS[c] ?? c).join('');
  const text = latin(name);
  const foreign = [...new Set(Array.from(name.normalize('NFC')))].filter(
    (c) => /\p{L}/u.test(c) && /[^\p{ASCII}]/u.test(latin(c)),
  );
  if (foreign.length > 0) {
    return {
      ok: false,
      problem: `"${name}" has letters that are not Latin (${foreign.slice(0, 5).join(' ')}), so its id is not obvious: give one with --id, romanised as your sources write the name (lowercase Latin letters, digits and hyphens, such as --id lg-energy-solution)`,
    };
  }
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) {
    return { ok: false, problem: `"${name}" has no letters or digits to make an id from: give one with --id` };
  }
  let id = words[0]!.slice(0, MADE_ID_MAX);
  for (const word of words.slice(1)) {
    if (id.length + 1 + word.length > MADE_ID_MAX) break;
    id += `-${word}`;
  }
  return { ok: true, id };
}

/** The ids a collection already uses: each file's id, and each previous id (a redirect) with its owner. */
export type TakenIds = Record<EntityCollection, Map<string, string>>;

/** An empty {@link TakenIds}. */
export function noTakenIds(): TakenIds {
  return Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [c, new Map()])) as unknown as TakenIds;
}

/** A key under which ids that read alike are equal (`catl` and `cat1`, `modern` and `modem`). */
function idSkeleton(id: string): string {
  return skeleton(id.replace(/-/g, ''));
}

/**
 * Why `id` cannot be a new entry of `collection`, or undefined when it can: it must follow the
 * id rules, be no file's id and no previous id, and not read like one of them.
 */
export function newIdProblem(collection: EntityCollection, id: string, taken: TakenIds): string | undefined {
  if (!ID_PATTERN.test(id)) {
    return `expected an id of lowercase letters, digits and single hyphens (such as "lg-energy-solution"), found "${id}"`;
  }
  if (id.length > TEXT_LIMITS.id) return `expected an id of at most ${TEXT_LIMITS.id} characters, found ${id.length}`;
  const ids = taken[collection];
  const owner = ids.get(id);
  if (owner !== undefined) {
    return owner === id
      ? `${collection}/${id} already exists: edit it, or give the new entry another id with --id`
      : `"${id}" is a previous id of ${collection}/${owner} (its old URL redirects there): give the new entry another id with --id`;
  }
  const key = idSkeleton(id);
  for (const [other, ownerOf] of ids) {
    if (idSkeleton(other) === key) {
      const whose =
        ownerOf === other ? `the id of ${collection}/${other}` : `a previous id of ${collection}/${ownerOf}`;
      return `"${id}" reads like "${other}", ${whose}: readers would confuse their links. Give the new entry a distinct id with --id, or edit the existing one`;
    }
  }
  return undefined;
}

/** The nearest existing id, for a "did you mean" hint. */
export function nearestId(collection: EntityCollection, id: string, taken: TakenIds): string | undefined {
  return nearest(
    id,
    [...taken[collection]].filter(([other, owner]) => other === owner).map(([other]) => other),
  );
}
