import { ENTITY_COLLECTIONS, type Ref } from '../../schemas/common';
import { refKey } from '../graph/graph';
import { Digests, trackedInputs, type Dependency, type UnitInputs, type Units } from '../pages/dependencies';
import { companyFeedUrl, emailUrl, entityJsonUrl, entityUrl } from '../routes';
import { emailBriefing, emailHtml, emailLinks, emailTextFile } from './email';
import { entityJsonText, type ExportIndex } from './entity-json';
import { companyRssFeed } from './feeds';
import { textKey } from './published-files';

/**
 * The texts a build publishes beside each entity's page: its JSON document, a company's feed, a
 * briefing's email snippets (HTML and text), and the same JSON document and feed at every id a
 * renamed entity had. They are strings of data the build holds, but at 10,000 pages making them
 * all (about 14,000) took about 2 s of every build, edit builds included.
 *
 * So, like the page list with an entity's pages (src/lib/pages/dependencies.ts), a build keeps for
 * each entity what its texts read and the key of each text in the text store (the hash of its
 * bytes, see published-files.ts). The next build gives an entity whose reads all give the same
 * digests its previous keys: the writer links the stored text without making it, and makes it
 * only if the store no longer has it.
 */

/** What the texts are made from: a view's inputs, and the export tables' rows by entity. */
export interface TextInputs extends UnitInputs {
  exports: ExportIndex;
}

/** The kinds of text beside the pages: an entity's JSON document, a company's feed, a briefing's email snippets. */
export type BesideTextKind = 'json' | 'feed' | 'email-html' | 'email-txt';

/** Where the text of `kind` about the entity at `at` (its id, or a previous id) is published. */
export function besideTextPath(kind: BesideTextKind, at: Ref): string {
  switch (kind) {
    case 'json':
      return entityJsonUrl(at);
    case 'feed':
      return companyFeedUrl(at as Ref<'companies'>);
    case 'email-html':
      return emailUrl(at as Ref<'briefings'>, 'html');
    case 'email-txt':
      return emailUrl(at as Ref<'briefings'>, 'txt');
  }
}

/** The kinds of text a renamed entity's previous ids keep serving (tools and feed readers do not follow HTML redirects). */
const KEPT_AT_PREVIOUS_IDS: ReadonlySet<BesideTextKind> = new Set(['json', 'feed']);

/**
 * One text beside the pages: its kind, the entity id it is published at, where, its key in the
 * text store if known, and how to make it.
 */
export interface BesideText {
  kind: BesideTextKind;
  at: Ref;
  path: string;
  /** The hash of its bytes (textKey), when a record of an earlier build says it. */
  key?: string;
  text: () => string | Promise<string>;
}

/** What a record keeps of an entity's texts: each one's kind and key. */
export type StoredTexts = { kind: BesideTextKind; key: string }[];

/** Checks a record's stored texts as read from the cache file (see unit-cache.ts). */
export function storedTexts(value: unknown): value is StoredTexts {
  return (
    Array.isArray(value) &&
    value.every(
      (text: unknown) =>
        !!text &&
        typeof text === 'object' &&
        typeof (text as { kind?: unknown }).kind === 'string' &&
        typeof (text as { key?: unknown }).key === 'string',
    )
  );
}

/** The file the records of the texts are kept in (in the cache folder, beside the page list's). */
export const TEXT_UNITS_FILE = 'text-units.json';

/** How a company's feed becomes text (@astrojs/rss's getRssString, which the Astro glue passes in). */
export type RssText = (feed: ReturnType<typeof companyRssFeed>) => string | Promise<string>;

/**
 * The texts of one entity, by kind. Everything is read before it returns (what it reads is
 * recorded then); only a feed's text may be made later.
 */
function entityTexts(
  from: TextInputs,
  ref: Ref,
  { rss, campaign }: { rss: RssText; campaign: string },
): { kind: BesideTextKind; text: string | Promise<string> }[] {
  const node = from.graph.node(ref);
  const texts: { kind: BesideTextKind; text: string | Promise<string> }[] = [
    { kind: 'json', text: entityJsonText(from, node, from.exports) },
  ];
  if (ref.collection === 'companies') {
    const feed = companyRssFeed(from.graph, ref as Ref<'companies'>, from.site, from.siteUrl, from.today);
    texts.push({ kind: 'feed', text: rss(feed) });
  }
  if (ref.collection === 'briefings') {
    const briefing = ref as Ref<'briefings'>;
    const email = emailBriefing(
      from.graph,
      from.site,
      from.graph.node(briefing),
      from.body(briefing),
      emailLinks(from.siteUrl, campaign),
      from.today,
    );
    texts.push({ kind: 'email-html', text: emailHtml(email) });
    texts.push({ kind: 'email-txt', text: emailTextFile(email) });
  }
  return texts;
}

/**
 * Every text beside the pages, in a stable order: each entity's (see above), then the JSON
 * document and, for a company, the feed at each previous id of a renamed entity (tools and feed
 * readers keep the addresses they were given, and do not follow HTML redirects).
 *
 * With `units`, an entity whose recorded reads all give the same digests gets its texts' keys from
 * the previous build's record (each text made only if asked for), and this build's records are
 * put in `units.next`; without, every text is made.
 */
export async function besideTexts(
  inputs: TextInputs,
  {
    rss,
    campaign,
    units,
    digests: shared,
  }: {
    rss: RssText;
    /** Campaign parameters for the email snippets' links (see emailLinks). */
    campaign: string;
    units?: Units<StoredTexts> | undefined;
    /** The page list's digests of this build's reads, shared (see Digests.extended). */
    digests?: Digests | undefined;
  },
): Promise<BesideText[]> {
  const options = { rss, campaign };
  const digests = units && (shared ? shared.extended(inputs) : new Digests(inputs));
  // What every text depends on besides its reads: the campaign is not one of the inputs.
  const digest = (deps: readonly Dependency[]) => `${digests!.all(deps)} ${campaign}`;
  const byEntity = new Map<string, Promise<BesideText[]>>();
  for (const collection of ENTITY_COLLECTIONS) {
    for (const node of inputs.graph.all(collection)) {
      const ref = node.ref;
      const made = (from: TextInputs) => entityTexts(from, ref, options);
      const placed = (kind: BesideTextKind) => ({ kind, at: ref, path: besideTextPath(kind, ref) });
      let texts: Promise<BesideText[]>;
      if (!units)
        texts = Promise.resolve(made(inputs).map(({ kind, text }) => ({ ...placed(kind), text: () => text })));
      else {
        texts = units.part(entityUrl(ref), {
          inputs,
          track: (from, deps) => trackedInputs(from, deps, { exports: 'maps' }),
          digest,
          build: (from): Promise<BesideText[]> => {
            const texts = made(from);
            return Promise.all(
              texts.map(async ({ kind, text }) => {
                const made = await text;
                return { ...placed(kind), key: textKey(made), text: () => made };
              }),
            );
          },
          store: async (built) => (await built).map(({ kind, key }) => ({ kind, key: key! })),
          restore: async (stored) => {
            let texts: Map<BesideTextKind, string | Promise<string>> | undefined;
            const text = (kind: BesideTextKind) => {
              texts ??= new Map(made(inputs).map((t) => [t.kind, t.text]));
              const found = texts.get(kind);
              if (found === undefined)
                throw new Error(`The record of the texts beside ${entityUrl(ref)} is out of date.`);
              return found;
            };
            return stored.map(({ kind, key }) => ({ ...placed(kind), key, text: () => text(kind) }));
          },
        });
      }
      byEntity.set(refKey(ref), texts);
    }
  }
  await units?.settled();
  const all = (await Promise.all(byEntity.values())).flat();
  for (const { from, to } of inputs.graph.redirects()) {
    for (const text of await byEntity.get(refKey(to))!) {
      if (KEPT_AT_PREVIOUS_IDS.has(text.kind)) all.push({ ...text, at: from, path: besideTextPath(text.kind, from) });
    }
  }
  return all;
}
