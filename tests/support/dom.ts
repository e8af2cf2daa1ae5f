/**
 * Helpers for unit tests of client scripts in happy-dom (a file opts in with a
 * `// @vitest-environment happy-dom` comment): page markup, the address bar, history and timing.
 */

/**
 * Replaces the page body with `html` (markup as the server renders it) and returns the body. The
 * new body is built whole before it goes in, so custom elements connect to a complete page, as
 * they do in a browser where module scripts run once the document is parsed. (Setting innerHTML
 * of a connected element would connect each element before its later siblings exist.) The old
 * body's elements are disconnected, which stops their listeners.
 */
export function mount(html: string): HTMLElement {
  const body = document.createElement('body');
  body.innerHTML = html;
  document.documentElement.replaceChild(body, document.body);
  return body;
}

/** Sets the address bar without a history entry, as if the page had opened at `url`. */
export function setUrl(url: string): void {
  history.replaceState(null, '', url);
}

/** Goes back one history entry and waits for the page's popstate listeners to run. */
export function goBack(): Promise<void> {
  return traverse(() => history.back());
}

/** Goes forward one history entry and waits for the page's popstate listeners to run. */
export function goForward(): Promise<void> {
  return traverse(() => history.forward());
}

function traverse(go: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('No popstate: was there a history entry to go to?')), 2000);
    window.addEventListener(
      'popstate',
      () => {
        clearTimeout(timeout);
        setTimeout(resolve);
      },
      { once: true },
    );
    go();
  });
}

/** Lets pending promises, timers of `ms` and animation frames run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), ms));
}
