/** Shortens `text` to at most `max` characters at a word boundary, ending in "…". */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Never split a character written as two UTF-16 units (an emoji, a rare CJK character).
  const cut = clean.slice(0, /[\ud800-\udbff]/.test(clean[max - 2] ?? '') ? max - 2 : max - 1);
  // Cut at the last space, unless the cut already ends a word or that would lose too much.
  const space = clean[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text `<bdi>`, for
 * places that take no markup (`<option>`), so a right-to-left name cannot reorder what follows.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * `text` broken into lines of at most `width` characters at spaces (a longer word, such as a
 * URL, gets a line of its own), each line after the first starting with `indent`.
 */
export function wrap(text: string, width = 72, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length ? indent : '';
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push((lines.length ? indent : '') + line);
  return lines.join('\n');
}
