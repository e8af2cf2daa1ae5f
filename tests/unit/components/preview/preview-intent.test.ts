// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { mount } from '../../../support/dom';

const scripts = () => [...document.head.querySelectorAll('script[src]')];
const pointer = (target: Element, pointerType: string) =>
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType }));

test('the page waits for intent on an entity link, then loads the cards once', async () => {
  // happy-dom runs no script files: report the card script as loaded instead of failing it.
  (
    window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }
  ).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
  mount(`<p><a id="plain" href="/about/">About</a>
    <a id="entity" href="/companies/acme/" data-preview="/companies/acme.json"><bdi>Acme</bdi></a></p>`);
  await import('../../../../src/components/preview/preview-intent');
  const entity = document.getElementById('entity')!;

  pointer(document.getElementById('plain')!, 'mouse');
  pointer(entity, 'touch');
  expect(scripts()).toHaveLength(0);

  pointer(entity.querySelector('bdi')!, 'mouse');
  expect(scripts()).toHaveLength(1);
  expect(scripts()[0]!.getAttribute('src')).toMatch(/entity-preview-card/);

  pointer(entity, 'mouse');
  expect(scripts()).toHaveLength(1);
});
