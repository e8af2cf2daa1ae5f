/**
 * A view whose state lives in its URL query (the timeline's filters, the search page's query and
 * facets), in the browser: read from `location.search` when the page opens, written back in the
 * canonical form that routes.ts gives, and restored when the reader goes back or forward.
 * routes.ts owns the form of the URL; this module only moves it in and out of the address bar.
 */

/** How a view's state maps to and from its URL, and how the page shows it. */
export interface UrlStateOptions<State> {
  /** Reads the state from a query string (`location.search`), e.g. `parseTimelineFilters`. */
  parse: (search: string) => State;
  /** The canonical path and query of a state, from routes.ts, e.g. `timelineUrl`. */
  url: (state: State) => string;
  /** Shows a state (sets the controls, filters or searches): on start and on back/forward. */
  show: (state: State) => void;
  /** Stops listening for back/forward when aborted (when the element leaves the page). */
  signal?: AbortSignal;
}

/** Writes a view's state to the address bar. */
export interface UrlState<State> {
  /**
   * Puts the canonical URL of `state` in the address bar: `push` adds a history entry (a choice
   * the reader may want to go back from), `replace` rewrites the current one (typing). Nothing
   * happens when the URL is already that; returns whether it changed.
   */
  write(state: State, mode: 'push' | 'replace'): boolean;
}

/** Shows the state in the URL now, and again on every back/forward; returns the writer. */
export function urlState<State>({ parse, url, show, signal }: UrlStateOptions<State>): UrlState<State> {
  const restore = () => show(parse(location.search));
  window.addEventListener('popstate', restore, signal ? { signal } : {});
  restore();
  return {
    write(state, mode) {
      const next = url(state);
      if (next === location.pathname + location.search) return false;
      if (mode === 'push') history.pushState(null, '', next);
      else history.replaceState(null, '', next);
      return true;
    },
  };
}
