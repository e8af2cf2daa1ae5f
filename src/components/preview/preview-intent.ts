// A plain script with the cards, built with everything it imports (Vite's worker build gives a
// self-contained file and its address): loading it costs no module-loading helper here.
import cardScript from './entity-preview-card?worker&url';

/**
 * The whole of the entity preview that loads with a page: it waits for a reader's intent (a
 * mouse or pen resting on an entity link, or keyboard focus on one), then loads the cards
 * (entity-preview-card.ts, which fetches its styles and the entity's JSON) and replays that
 * intent for them. A touch is no intent: on a touch screen a tap just follows the link.
 */
const LINKS = 'a[data-preview]';

function intent(event: Event): void {
  const link = (event.target as Element | null)?.closest?.(LINKS);
  if (!(link instanceof HTMLAnchorElement)) return;
  const focus = event.type === 'focusin';
  if (focus ? !link.matches(':focus-visible') : (event as PointerEvent).pointerType === 'touch') return;
  removeEventListener('pointerover', intent);
  removeEventListener('focusin', intent);
  const script = document.createElement('script');
  script.src = cardScript;
  // Replayed for the link that has the reader's attention once the cards listen: focus or the
  // pointer may have moved on to another link while the script loaded.
  script.addEventListener('load', () =>
    document
      .querySelector(`${LINKS}:${focus ? 'focus-visible' : 'hover'}`)
      ?.dispatchEvent(
        focus
          ? new FocusEvent('focusin', { bubbles: true })
          : new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }),
      ),
  );
  document.head.append(script);
}

addEventListener('pointerover', intent, { passive: true });
addEventListener('focusin', intent);
