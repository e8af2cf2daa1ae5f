// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseTimelineFilters, timelineUrl, type TimelineFilters } from '../../src/lib/routes';
import { urlState } from '../../src/lib/url-state';
import { goBack, goForward, setUrl } from '../support/dom';

/** The timeline's filters in the address bar: every call of `show`, in order. */
function timelineState(signal: AbortSignal) {
  const shown: TimelineFilters[] = [];
  const state = urlState({ parse: parseTimelineFilters, url: timelineUrl, show: (f) => shown.push(f), signal });
  return { state, shown };
}

const here = () => location.pathname + location.search;

describe('urlState', () => {
  let stop: AbortController;
  beforeEach(() => {
    stop = new AbortController();
  });
  afterEach(() => stop.abort());

  test('shows the state of the URL the page opened with', () => {
    setUrl('/timeline/?type=event&company=catl,byd');
    const { shown } = timelineState(stop.signal);
    expect(shown).toEqual([{ company: ['byd', 'catl'], type: ['event'] }]);
  });

  test('writes the canonical URL: push adds a history entry, replace rewrites the current one', () => {
    setUrl('/timeline/');
    const { state } = timelineState(stop.signal);
    const entries = history.length;
    expect(state.write({ type: ['event', 'deal'], from: 2025 }, 'push')).toBe(true);
    expect(here()).toBe('/timeline/?type=deal,event&from=2025');
    expect(history.length).toBe(entries + 1);
    expect(state.write({ type: ['deal'] }, 'replace')).toBe(true);
    expect(here()).toBe('/timeline/?type=deal');
    expect(history.length).toBe(entries + 1);
  });

  test('leaves history alone when the URL already is the state’s', () => {
    setUrl('/timeline/?company=catl');
    const { state } = timelineState(stop.signal);
    const entries = history.length;
    expect(state.write({ company: ['catl'], type: [] }, 'push')).toBe(false);
    expect(history.length).toBe(entries);
  });

  test('back and forward show the state of the entry they reach', async () => {
    setUrl('/timeline/');
    const { state, shown } = timelineState(stop.signal);
    state.write({ company: ['catl'] }, 'push');
    state.write({ company: ['catl'], status: ['expected'] }, 'push');
    await goBack();
    expect(here()).toBe('/timeline/?company=catl');
    expect(shown.at(-1)).toEqual({ company: ['catl'] });
    await goForward();
    expect(shown.at(-1)).toEqual({ company: ['catl'], status: ['expected'] });
    expect(shown).toHaveLength(3);
  });

  test('stops following back and forward once its signal is aborted', async () => {
    setUrl('/timeline/');
    const { state, shown } = timelineState(stop.signal);
    state.write({ type: ['deal'] }, 'push');
    stop.abort();
    await goBack();
    expect(here()).toBe('/timeline/');
    expect(shown).toHaveLength(1);
  });
});
