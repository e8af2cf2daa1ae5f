import { scaleLinear } from 'd3-scale';
import type { SpanKind } from './ranges';
import { round, wrapText } from './svg-text';

/**
 * A bar chart of stated figures in one unit (a plant's annual capacity): one bar per figure, its
 * label above it, a linear scale from zero with the unit on the axis. Figures are drawn as
 * stated, never summed (two statements about one plant would count it twice); planned or
 * expected figures are tinted with a dashed outline.
 */

export interface BarInput {
  label: string;
  note?: string | undefined;
  value: number;
  /** The value as readers read it, with its unit and qualifier, e.g. "100 GWh a year" (the note shows it). */
  text: string;
  kind: SpanKind;
}

export interface BarSvg {
  width: number;
  height: number;
  /** Axis along the bottom: ticks and the unit's caption. */
  axis: { y: number; top: number; caption: string; ticks: { x: number; label: string }[] };
  bars: {
    label: { y: number; lines: string[] };
    note?: { y: number; lines: string[] };
    bar: { x: number; y: number; width: number; height: number; kind: SpanKind; title: string };
  }[];
}

export const BAR_STYLE = {
  width: 420,
  margin: 10,
  labelFont: 12,
  noteFont: 11,
  bar: 14,
  gap: 10,
  axis: 36,
} as const;

/** Lays out bars on one linear scale from zero; `format` writes tick numbers. */
export function layoutBars(bars: BarInput[], caption: string, format: (n: number) => string): BarSvg {
  const s = BAR_STYLE;
  const max = Math.max(...bars.map((b) => b.value), 0);
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    // Room at the right for the last tick's number, centred on its line.
    .range([s.margin, s.width - s.margin - 24])
    .nice(4);
  const ticks = x.ticks(4).map((t) => ({ x: round(x(t)), label: format(t) }));
  let y = s.margin;
  const laid = bars.map((b) => {
    const label = { y: y + s.labelFont, lines: wrapText(b.label, s.width - 2 * s.margin, s.labelFont, 1) };
    y += s.labelFont + 4;
    let note: { y: number; lines: string[] } | undefined;
    if (b.note) {
      note = { y: y + s.noteFont, lines: wrapText(b.note, s.width - 2 * s.margin, s.noteFont, 1) };
      y += s.noteFont + 4;
    }
    const width = Math.max(1, x(b.value) - x(0));
    const bar = { x: s.margin, y: round(y + 2), width: round(width), height: s.bar, kind: b.kind, title: b.text };
    y += s.bar + 4 + s.gap;
    return { label, ...(note ? { note } : {}), bar };
  });
  return {
    width: s.width,
    height: Math.ceil(y + s.axis),
    axis: { top: s.margin, y: round(y), caption, ticks },
    bars: laid,
  };
}
