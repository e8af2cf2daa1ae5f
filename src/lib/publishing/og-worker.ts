import { parentPort, workerData } from 'node:worker_threads';
import type { OgCard } from './og-card.ts';
import { CardDrawer } from './og-draw.ts';

/**
 * A card worker ({@link CardPool} starts several): draws each card it is sent and answers
 * with the PNG, or with the error. Plain Node runs this file.
 */

/** What a worker is sent. */
export interface CardJob {
  id: number;
  card: OgCard;
}

/** What a worker answers: the PNG and the CPU time it took, or the error. */
export type CardResult =
  | {
      id: number;
      png: Uint8Array;
      drawMs: number;
      encodeMs: number;
      /** Font files this card used that no card before it on this worker did: name and bytes. */
      fonts: [string, number][];
    }
  | { id: number; error: string };

const port = parentPort!;
const drawer = new CardDrawer((workerData as { root: string }).root);
let reported = 0;

/** Draws one card and answers. */
function draw({ id, card }: CardJob): void {
  let result: CardResult;
  try {
    const { png, drawMs, encodeMs } = drawer.png(card);
    const fonts = [...drawer.used].slice(reported);
    reported += fonts.length;
    result = { id, png, drawMs, encodeMs, fonts };
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return;
  }
  // The PNG owns its memory (zlib's output), so it moves to the main thread without a copy.
  const owns = result.png.byteOffset === 0 && result.png.byteLength === result.png.buffer.byteLength;
  port.postMessage(result, owns ? [result.png.buffer as ArrayBuffer] : []);
}

// Cards wait in a queue and are drawn one per turn of the event loop. Messages that arrive
// together are delivered in one go; drawing each as it arrives would keep the loop from reaching
// the phase where Skia's pixel buffers of earlier cards are freed, and memory would climb by 3 MB
// a card until the next full garbage collection.
const queue: CardJob[] = [];
function next(): void {
  const job = queue.shift();
  if (!job) return;
  draw(job);
  if (queue.length) setImmediate(next);
}
port.on('message', (job: CardJob) => {
  if (queue.push(job) === 1) setImmediate(next);
});
