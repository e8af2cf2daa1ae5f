/**
 * Just enough HTML tokenising for checks and rewrites over built pages: start tags outside
 * comments and `<script>`/`<style>` elements, and their attributes. Built pages are well-formed
 * (Astro writes them), so this needs no full parser and is fast enough for every page of a large
 * build. Attribute values may contain `<`, `>` and even "<script>": quotes are respected.
 */

/** A comment, or a start tag whose quoted attribute values may contain anything but their quote. */
const TOKEN = /<!--[\s\S]*?-->|<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const ATTRIBUTE = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const RAW_TEXT = new Set(['script', 'style']);

/** Decodes the entities Astro writes in attribute values. */
export function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Name of a tag, lower-cased: `a` for `<a href="…">`. */
export function tagName(tag: string): string {
  return /^<([a-zA-Z][\w:-]*)/.exec(tag)![1]!.toLowerCase();
}

/** The attributes of one start tag, decoded. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const body = tag.replace(/^<[a-zA-Z][\w:-]*/, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!.toLowerCase(), decodeAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/**
 * Calls `visit` for every start tag outside comments and script/style text, in document order,
 * with its position. A `<script>` or `<style>` tag itself is visited; its text is skipped.
 */
export function scanTags(html: string, visit: (tag: string, start: number, end: number) => void): void {
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html))) {
    const token = match[0];
    if (token.startsWith('<!--')) continue;
    const start = match.index;
    const end = start + token.length;
    visit(token, start, end);
    const name = tagName(token);
    if (RAW_TEXT.has(name) && !token.endsWith('/>')) {
      const close = html.toLowerCase().indexOf(`</${name}`, end);
      TOKEN.lastIndex = close === -1 ? html.length : close;
    }
  }
}

/** Calls `visit` for every start tag outside comments and script/style text. */
export function forEachTag(html: string, visit: (tag: string) => void): void {
  scanTags(html, (tag) => visit(tag));
}

/** Replaces start tags for which `rewrite` returns a string; everything else stays byte for byte. */
export function rewriteTags(html: string, rewrite: (tag: string) => string | undefined): string {
  let out = '';
  let last = 0;
  scanTags(html, (tag, start, end) => {
    const next = rewrite(tag);
    if (next === undefined || next === tag) return;
    out += html.slice(last, start) + next;
    last = end;
  });
  return last === 0 ? html : out + html.slice(last);
}
