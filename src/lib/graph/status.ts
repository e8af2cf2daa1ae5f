import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Ref } from '../../schemas/common';
import type { Deal, DealStatus } from '../../schemas/deal';
import type { Event, EventStatus } from '../../schemas/event';
import { formatDay, formatFuzzyDate, parseTimestamp, type FuzzyDate } from '../values/fuzzy-date';
import type { Graph } from './graph';

/**
 * Statuses are only true as of their latest source. Two rules, one place:
 *
 * **As of.** The status (and the figures) of an entry are shown "as of" the publication day of
 * the latest source that backs the entry: the latest `published` day among the entry's own
 * `sources` (an event's, a deal's), or a key figure's `source`. The day is the calendar day at
 * the source's own time zone offset (`2025-07-09T19:18+09:00` → 9 July 2025). A source's
 * `updated` time is a correction of the same report, not a new report, so it does not count.
 *
 * **Past due.** An entry is past due when all of these hold:
 * - its recorded status looks ahead: an event that is `planned` or `expected`; a deal's term
 *   start while the deal is `reported`, `announced` or `signed` (not yet `in-effect`,
 *   `completed` or `terminated`);
 * - the date it looks ahead to has passed: the fuzzy date's last possible day (`end`) is before
 *   today, so "by the end of 2025" has passed on 1 January 2026, "early 2026" (January–April) on
 *   1 May 2026, "2025-Q3" on 1 October 2025, "late June 2025" on 1 July 2025 and "9 July 2025" on
 *   10 July 2025 (see {@link hasPassed});
 * - no source reported on the entry after that day: its as-of day is on or before the date's
 *   end. (A source written after the date that still says "planned" knew the date had passed;
 *   its report stands as it is, as of its day.)
 *
 * Being past due never changes the recorded status: it is shown beside it ("Planned (as of
 * 9 July 2025). Due by the end of 2025 — no report since 9 July 2025").
 */

/** Event statuses that look ahead to the event's date. */
export const AWAITED_EVENT_STATUSES: readonly EventStatus[] = ['planned', 'expected'];
/** Deal statuses under which the deal's term has not been reported as started. */
export const AWAITING_START_DEAL_STATUSES: readonly DealStatus[] = ['reported', 'announced', 'signed'];

/** What a planned date that passed was: an event's own date, or the start of a deal's term. */
export type DueKind = 'event' | 'term-start';

/** An entry's recorded status as readers see it: the word, as of when, and whether it is past due. */
export interface StatusView {
  /** The recorded status, e.g. "planned": never altered by what is derived from it. */
  status: EventStatus | DealStatus;
  /** How the status reads, e.g. "Planned". */
  label: string;
  /** ISO day of the latest source backing the entry: the status is true as of this day. */
  asOf: string;
  /** Set when the date it looked ahead to has passed with no later report (see the rules above). */
  pastDue?: { due: FuzzyDate; kind: DueKind };
}

/** The calendar day a source was published, at the source's own offset (`…T19:18+09:00` → its day). */
export function sourceDay(published: string): string {
  return parseTimestamp(published)?.day ?? published.slice(0, 10);
}

/** The moment a source was published, from its timestamp with offset (`2025-07-09T19:18+09:00`). */
export function sourceInstant(published: string): Date {
  return new Date(published);
}

/** The latest publication day among `sources` (ISO days compare as text). */
export function latestSourceDay(graph: Graph, sources: readonly Ref<'sources'>[]): string {
  const days = sources.map((ref) => sourceDay(graph.node(ref).data.published)).sort();
  const latest = days.at(-1);
  if (latest === undefined) throw new Error('An entry without sources has no as-of day (the schema requires one).');
  return latest;
}

/** The latest of `sources` by publication time: the one whose report a feed dates an entry by. */
export function latestSource(graph: Graph, sources: readonly Ref<'sources'>[]): Ref<'sources'> {
  const instant = (ref: Ref<'sources'>) => sourceInstant(graph.node(ref).data.published).getTime();
  const latest = [...sources].sort((a, b) => instant(a) - instant(b) || a.id.localeCompare(b.id)).at(-1);
  if (!latest) throw new Error('An entry without sources has no latest source (the schema requires one).');
  return latest;
}

/** True once every day `date` could fall on is before `today` (an ISO day): from the day after its end. */
export function hasPassed(date: FuzzyDate, today: string): boolean {
  return date.end < today;
}

/**
 * Whether a date an entry looks ahead to is past due on `today`: it has passed, and the latest
 * source backing the entry (`asOf`) was published on or before its last possible day.
 */
export function isPastDue(due: FuzzyDate, asOf: string, today: string): boolean {
  return hasPassed(due, today) && asOf <= due.end;
}

function view(
  status: EventStatus | DealStatus,
  label: string,
  asOf: string,
  due: FuzzyDate | undefined,
  kind: DueKind,
  today: string,
): StatusView {
  return {
    status,
    label,
    asOf,
    ...(due && isPastDue(due, asOf, today) ? { pastDue: { due, kind } } : {}),
  };
}

/** An event's status as of its latest source; past due when planned or expected and its date passed. */
export function eventStatusView(graph: Graph, event: Event, today: string): StatusView {
  const awaited = AWAITED_EVENT_STATUSES.includes(event.status);
  return view(
    event.status,
    ui.eventStatus[event.status],
    latestSourceDay(graph, event.sources),
    awaited ? event.date : undefined,
    'event',
    today,
  );
}

/** A deal's status as of its latest source; past due when its term start passed before it was reported started. */
export function dealStatusView(graph: Graph, deal: Deal, today: string): StatusView {
  const awaiting = AWAITING_START_DEAL_STATUSES.includes(deal.status);
  return view(
    deal.status,
    ui.dealStatus[deal.status],
    latestSourceDay(graph, deal.sources),
    awaiting ? deal.term?.start : undefined,
    'term-start',
    today,
  );
}

/** The template a due date reads in: "Due {date}" for "by the end of …", "Due on {date}" for a day, else "Due in {date}". */
function dueTemplate(due: FuzzyDate, kind: DueKind): string {
  const templates = ui.status.due[kind];
  if (due.qualifier === 'by-end') return templates.by;
  if (due.precision === 'day') return templates.on;
  return templates.in;
}

/** "Due by the end of 2025", "Term start due in early 2026": what was due, and when, faithful to the date. */
export function dueText(pastDue: NonNullable<StatusView['pastDue']>): string {
  return fill(dueTemplate(pastDue.due, pastDue.kind), { date: formatFuzzyDate(pastDue.due) });
}

/** "Planned (as of 9 July 2025)". */
export function asOfText(status: StatusView): string {
  return fill(ui.status.withAsOf, { status: status.label, date: formatDay(status.asOf) });
}

/** "Due by the end of 2025 — no report since 9 July 2025", for a past-due status. */
export function pastDueText(status: StatusView): string | undefined {
  if (!status.pastDue) return undefined;
  return fill(ui.status.noReportSince, { due: dueText(status.pastDue), date: formatDay(status.asOf) });
}

/**
 * A status in words: "Signed (as of 9 July 2025)", and when past due, "Planned (as of 9 July
 * 2025). Due by the end of 2025 — no report since 9 July 2025." `compact` keeps the past-due part
 * to two words ("Planned (as of 9 July 2025), past due"), for a preview card.
 */
export function statusText(status: StatusView, { compact = false } = {}): string {
  const base = asOfText(status);
  const late = pastDueText(status);
  if (!late) return base;
  return compact
    ? fill(ui.status.compactPastDue, { status: base })
    : fill(ui.status.withPastDue, { status: base, late });
}

/** A piece of a status sentence: words, the status word, an exact day or a fuzzy date. */
export type StatusSegment = { text: string } | { word: string } | { day: string } | { date: FuzzyDate };

/** `template` with `{name}` placeholders replaced by segments, the words between kept as text. */
function segments(template: string, values: Record<string, StatusSegment>): StatusSegment[] {
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((piece) => values[piece.slice(1, -1)] ?? { text: piece });
}

/**
 * A status as pieces for markup: the recorded part, "Planned (as of 9 July 2025)", and for a
 * past-due status, "Due by the end of 2025 — no report since 9 July 2025", with the status word,
 * days and dates apart so a component can mark them up (`<strong>`, `<time>`).
 */
export function statusSegments(status: StatusView): { recorded: StatusSegment[]; pastDue?: StatusSegment[] } {
  const recorded = segments(ui.status.withAsOf, { status: { word: status.label }, date: { day: status.asOf } });
  if (!status.pastDue) return { recorded };
  const due = segments(dueTemplate(status.pastDue.due, status.pastDue.kind), { date: { date: status.pastDue.due } });
  const late = ui.status.noReportSince
    .split(/(\{due\})/)
    .flatMap((piece) => (piece === '{due}' ? due : segments(piece, { date: { day: status.asOf } })));
  return { recorded, pastDue: late };
}

/** "(as of 9 July 2025)" as pieces, for a figure. */
export function asOfSegments(day: string): StatusSegment[] {
  return segments(ui.status.asOf, { date: { day } });
}
