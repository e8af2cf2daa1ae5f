/**
 * Loads the sorting and filtering of index tables (index-table.ts) only when a reader shows
 * intent (a pointer over the table or its controls, focus inside them) or opens a link that
 * already carries a sort or filter, so pages that are only read load no more than this.
 */
const load = () => import('./index-table');

for (const element of document.querySelectorAll<HTMLElement>('index-table')) {
  // The controls work once the script is there; showing them invites the intent that loads it.
  element.querySelector('form')?.removeAttribute('hidden');
  if (location.search) {
    void load();
    continue;
  }
  const controller = new AbortController();
  const once = () => {
    controller.abort();
    void load();
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) {
    element.addEventListener(type, once, { signal: controller.signal, passive: true });
  }
}
