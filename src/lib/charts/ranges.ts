import { scaleUtc } from 'd3-scale';
import { round, wrapText } from './svg-text';

/**
 * A range chart: one row per item (a deal), time across. A date is drawn as the whole interval
 * it can fall in, from its first to its last possible day ("early 2026" is January to April), so
 * a vague date reads as a wide bar and an exact day as a narrow one, never as a false point.
 * What has happened and what is only planned are drawn differently (solid; tinted with a dashed outline).
 */

/** How a span is drawn: `happened` solid, `planned` tinted with a dashed outline. */
export type SpanKind = 'happened' | 'planned';

/** One interval of a row: ISO days, both included. */
export interface SpanInput {
  start: string;
  end: string;
  kind: SpanKind;
  /** Hover and spoken text, e.g. "Announced: 9 July 2025". */
  title: string;
}

/** One row: its label (a name), a muted second line (figures) and its spans. */
export interface RangeRowInput {
  label: string;
  note?: string | undefined;
  spans: SpanInput[];
}

/** The chart as SVG geometry: plain numbers, in px of the viewBox. */
export interface RangeSvg {
  width: number;
  height: number;
  /**
   * The time axis under the rows: a grid line at each year boundary (`x`), and each year's (or
   * span of years') label centred between its lines (`labelX`); the last line has no label.
   */
  axis: { y: number; top: number; ticks: { x: number; label: string; labelX: number }[] };
  rows: {
    label: { y: number; lines: string[] };
    note?: { y: number; lines: string[] };
    spans: { x: number; y: number; width: number; height: number; kind: SpanKind; title: string }[];
  }[];
}

/** Sizes of the range chart, in px of its viewBox: narrow enough to read on a phone unscaled. */
export const RANGE_STYLE = {
  width: 420,
  margin: 10,
  labelFont: 12,
  noteFont: 11,
  bar: 10,
  gap: 10,
  axis: 22,
  /** Narrowest bar, so an exact day is still visible. */
  minBar: 3,
} as const;

const DAY = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Lays out rows on one time scale (d3-scale's UTC scale, extended to whole years). */
export function layoutRanges(rows: RangeRowInput[]): RangeSvg {
  const s = RANGE_STYLE;
  const starts = rows.flatMap((r) => r.spans.map((sp) => day(sp.start).getTime()));
  const ends = rows.flatMap((r) => r.spans.map((sp) => day(sp.end).getTime() + DAY));
  const first = new Date(Date.UTC(new Date(Math.min(...starts)).getUTCFullYear(), 0, 1));
  const lastEnd = new Date(Math.max(...ends) - 1);
  const last = new Date(Date.UTC(lastEnd.getUTCFullYear() + 1, 0, 1));
  const x = scaleUtc()
    .domain([first, last])
    .range([s.margin, s.width - s.margin]);
  // Grid lines at the year boundaries; each label sits in the middle of the years it spans.
  const years = last.getUTCFullYear() - first.getUTCFullYear();
  const every = Math.max(1, Math.ceil(years / 6));
  const ticks: RangeSvg['axis']['ticks'] = [];
  for (let year = first.getUTCFullYear(); year < last.getUTCFullYear(); year += every) {
    const to = Math.min(year + every, last.getUTCFullYear());
    const x0 = x(new Date(Date.UTC(year, 0, 1)));
    const x1 = x(new Date(Date.UTC(to, 0, 1)));
    ticks.push({ x: round(x0), label: every === 1 ? String(year) : `${year}–${to - 1}`, labelX: round((x0 + x1) / 2) });
  }
  ticks.push({ x: round(x(last)), label: '', labelX: round(x(last)) });

  let y = s.margin;
  const laid = rows.map((row) => {
    const label = { y: y + s.labelFont, lines: wrapText(row.label, s.width - 2 * s.margin, s.labelFont, 1) };
    y += s.labelFont + 4;
    let note: { y: number; lines: string[] } | undefined;
    if (row.note) {
      note = { y: y + s.noteFont, lines: wrapText(row.note, s.width - 2 * s.margin, s.noteFont, 1) };
      y += s.noteFont + 4;
    }
    const spans = row.spans.map((span) => {
      const from = x(day(span.start));
      const to = x(new Date(day(span.end).getTime() + DAY));
      const width = Math.max(s.minBar, to - from);
      return {
        x: round(Math.min(from, s.width - s.margin - width)),
        y: round(y + 2),
        width: round(width),
        height: s.bar,
        kind: span.kind,
        title: span.title,
      };
    });
    y += s.bar + 4 + s.gap;
    return { label, ...(note ? { note } : {}), spans };
  });
  return {
    width: s.width,
    height: Math.ceil(y + s.axis),
    axis: { top: s.margin, y: round(y), ticks },
    rows: laid,
  };
}

/** The last day of `iso` plus a number of months (a deal's term from its start), as an ISO day. */
export function addMonths(iso: string, months: number): string {
  const d = day(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
