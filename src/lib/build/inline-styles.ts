import { decodeAttribute, rewriteTags } from './html';

/**
 * Moves `style="…"` attributes out of HTML into classes, so a strict Content Security Policy
 * (no 'unsafe-inline' for styles) applies every style. Starlight writes a few (icon sizes, table
 * of contents depth, select widths); inline `<script>` and `<style>` elements are left untouched,
 * since their CSP hashes cover their exact text.
 */

const STYLE_ATTR = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const CLASS_ATTR = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** FNV-1a hash of a string, as 8 hex digits: stable class names across builds. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The class that carries a declaration block, e.g. `is-3f2a9c1b` for "--depth: 0;". */
export function classForStyle(declarations: string): string {
  return `is-${shortHash(normalizeDeclarations(declarations))}`;
}

function normalizeDeclarations(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * Moves one start tag's `style` attribute into a class: returns the rewritten tag (or undefined
 * when it has none) and records the declarations, normalised, under their class name.
 */
export function moveStyleOfTag(tag: string, styles: Map<string, string>): string | undefined {
  const style = STYLE_ATTR.exec(tag);
  if (!style) return undefined;
  const declarations = normalizeDeclarations(decodeAttribute(style[1] ?? style[2] ?? ''));
  let next = tag.replace(STYLE_ATTR, '');
  if (!declarations) return next;
  const name = classForStyle(declarations);
  styles.set(name, declarations);
  const existing = CLASS_ATTR.exec(next);
  if (existing) {
    const classes = (existing[1] ?? existing[2] ?? '').trim();
    return next.replace(CLASS_ATTR, ` class="${classes ? `${classes} ` : ''}${name}"`);
  }
  next = next.replace(/^<([a-zA-Z][\w:-]*)/, `<$1 class="${name}"`);
  return next;
}

/**
 * Rewrites one HTML document: every `style` attribute becomes a class. Returns the new HTML and
 * the declaration blocks found (normalised), keyed by class name.
 */
export function moveInlineStyles(html: string): { html: string; styles: Map<string, string> } {
  const styles = new Map<string, string>();
  return { html: rewriteTags(html, (tag) => moveStyleOfTag(tag, styles)), styles };
}

/**
 * Every style declaration block that could be moved, found by a quick text search: a superset
 * (it may include look-alikes inside scripts), good enough to write the stylesheet up front.
 */
export function findStyleDeclarations(html: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const match of html.matchAll(new RegExp(STYLE_ATTR.source, 'gi'))) {
    const declarations = normalizeDeclarations(decodeAttribute(match[1] ?? match[2] ?? ''));
    if (declarations) styles.set(classForStyle(declarations), declarations);
  }
  return styles;
}

/**
 * A stylesheet for the moved declarations. `!important` keeps the precedence they had as inline
 * styles over class rules.
 */
export function stylesheetFor(styles: Map<string, string>): string {
  return [...styles]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, declarations]) => {
      const important = declarations
        .split('; ')
        .map((d) => (/!important\s*$/.test(d) ? d : `${d} !important`))
        .join('; ');
      return `.${name}{${important}}`;
    })
    .join('\n');
}
