import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import { dealStatusView, eventStatusView, statusText } from '../graph/status';
import type { Ref } from '../../schemas/common';
import { formatMoney, formatTimestamp } from '../values/format';
import { formatFuzzyDate } from '../values/fuzzy-date';
import type { Graph } from '../graph/graph';

/** "Korea JoongAng Daily, “Title”, 9 July 2025" for a source. */
export function sourceCitation(graph: Graph, ref: Ref<'sources'>): string {
  const s = graph.node(ref).data;
  const parts = [graph.node(s.publisher).title, `“${s.title}”`, formatTimestamp(s.published, { time: false })];
  if (s.author) parts.splice(1, 0, s.author);
  return parts.join(', ');
}

/**
 * A quote as a reader pastes it into a newsletter: the words, who said them (name, role,
 * organisation, or the source's description), when and where it was printed. The link is added
 * when it is copied (`citationWithLink` in routes.ts).
 */
export function quoteCitation(graph: Graph, ref: Ref<'quotes'>): string {
  const q = graph.node(ref).data;
  const speaker = [
    q.speaker.person ? graph.node(q.speaker.person).title : q.speaker.description,
    q.role,
    q.speaker.organisation ? graph.node(q.speaker.organisation).title : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const when = q.date ? formatFuzzyDate(q.date) : undefined;
  return [`“${q.text}”`, `— ${speaker}${when ? `, ${when}` : ''}.`, `Source: ${sourceCitation(graph, q.source)}.`].join(
    '\n',
  );
}

/**
 * A deal as a citation: parties and roles, headline, value, announcement, status (as of its latest
 * source, past due on `today` where it is) and source (link added on copy).
 */
export function dealCitation(graph: Graph, ref: Ref<'deals'>, today: string): string {
  const d = graph.node(ref).data;
  const parties = d.parties
    .map((p) => `${graph.node(p.company).title} (${ui.partyRoles[p.role].toLowerCase()})`)
    .join(', ');
  const facts = [
    d.value ? formatMoney(d.value) : undefined,
    d.announced ? `announced ${formatFuzzyDate(d.announced)}` : undefined,
  ].filter(Boolean);
  const sources = d.sources.map((s) => sourceCitation(graph, s)).join('; ');
  const status = fill(ui.citation.status, { status: statusText(dealStatusView(graph, d, today)) });
  return [
    `${graph.node(ref).title}. ${parties}.`,
    facts.length ? `${facts.join('; ')}.` : undefined,
    status.endsWith('.') ? status : `${status}.`,
    `Source: ${sources}.`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * An event as a citation: what and when as the sources give it, its status as of its latest source
 * (past due on `today` where it is), and the sources (link added on copy).
 */
export function eventCitation(graph: Graph, ref: Ref<'events'>, today: string): string {
  const node = graph.node(ref);
  const e = node.data;
  const sources = e.sources.map((s) => sourceCitation(graph, s)).join('; ');
  const status = fill(ui.citation.status, { status: statusText(eventStatusView(graph, e, today)) });
  return [
    `${node.title}, ${formatFuzzyDate(e.date)}.`,
    status.endsWith('.') ? status : `${status}.`,
    `Source: ${sources}.`,
  ].join('\n');
}
