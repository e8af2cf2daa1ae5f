import type { EntityPreview } from '../publishing/entity-json';

/**
 * Pure parts of the hover and focus preview of entity links (the browser side is
 * src/components/preview/entity-preview.ts): what a fetched document's card shows, and where
 * the card goes.
 */

/** How long the pointer rests on a link before its preview opens, in milliseconds. */
export const HOVER_DELAY = 350;
/** How long a preview stays after the pointer leaves its link (time to move onto the card). */
export const HIDE_DELAY = 250;
/** Gap between a link and its card, in CSS pixels. */
export const CARD_GAP = 6;
/** Space kept between the card and the edges of the window, in CSS pixels. */
export const EDGE_MARGIN = 8;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The preview of an entity's JSON document (its `preview`), or undefined when the document has
 * none in the expected shape. Only strings are kept; the card draws them as text.
 */
export function readPreview(document: unknown): EntityPreview | undefined {
  const preview = (document as { preview?: unknown } | null)?.preview as Record<string, unknown> | undefined;
  if (!preview || !isText(preview.title) || !isText(preview.kind)) return undefined;
  const numbers = Array.isArray(preview.numbers)
    ? preview.numbers.filter(
        (n): n is { label: string; value: string } =>
          isText((n as { label?: unknown })?.label) && isText((n as { value?: unknown })?.value),
      )
    : [];
  return {
    title: preview.title,
    kind: preview.kind,
    ...(isText(preview.line) ? { line: preview.line } : {}),
    numbers: numbers.map(({ label, value }) => ({ label, value })),
  };
}

/** A box in CSS pixels, relative to the window (as getBoundingClientRect gives it). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The window: its size and how far the document is scrolled. */
export interface View {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

/**
 * Where a card of `size` goes for a link at `link`, in document coordinates: below the link,
 * or above it when there is no room below but there is above; aligned with the link's start,
 * moved left as far as needed to stay inside the window.
 */
export function placeCard(
  link: Box,
  size: { width: number; height: number },
  view: View,
): { top: number; left: number; side: 'below' | 'above' } {
  const below = link.bottom + CARD_GAP;
  const fitsBelow = below + size.height <= view.height - EDGE_MARGIN;
  const above = link.top - CARD_GAP - size.height;
  const side = !fitsBelow && above >= EDGE_MARGIN ? 'above' : 'below';
  const maxLeft = view.width - EDGE_MARGIN - size.width;
  const left = Math.max(EDGE_MARGIN, Math.min(link.left, maxLeft));
  return { top: (side === 'below' ? below : above) + view.scrollY, left: left + view.scrollX, side };
}
