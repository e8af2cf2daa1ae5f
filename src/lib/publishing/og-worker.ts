import { parentPort, workerData } from 'node:worker_threads';
import type { OgCard } from './og-card.ts';
import { CardDrawer } from './og-draw.ts';

/**
 * A card worker ({@link CardPool} starts one per core): draws each card it is sent and answers
 * with the PNG, or with the error. One message per card, so the event loop turns between cards
 * and Skia's pixel buffers are freed as it goes. Plain Node runs this file.
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

port.on('message', ({ id, card }: CardJob) => {
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
});
