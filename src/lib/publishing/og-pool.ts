import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './og-card';
import type { CardJob, CardResult } from './og-worker';

/**
 * Draws link-preview cards on worker threads (a build starts one per core but one, see
 * {@link cardWorkers}, and may take Astro's core too once the pages are rendered, see
 * {@link CardPool.widen}), so it can draw its cards while Astro renders pages on the main thread.
 * Workers start with the first card and hold the process open only while they have cards to draw;
 * {@link CardPool.close} ends them. An error drawing a card rejects that card's promise; a worker
 * that dies fails every card still waiting, and the pool, with a message that says so.
 */

/** A card drawn by the pool. */
export interface PooledCard {
  png: Buffer;
  /** CPU milliseconds the worker spent laying out and painting the card, and encoding it. */
  drawMs: number;
  encodeMs: number;
}

/** Font files the pool's workers have loaded so far, and their size. */
export interface FontUse {
  files: number;
  bytes: number;
}

/** Options of {@link CardPool}. */
export interface CardPoolOptions {
  /** The project folder: where the worker script and the font packages are. */
  root: string;
  /** Number of workers; default one per core (`os.availableParallelism()`); a build passes {@link cardWorkers}. */
  size?: number;
  /** Cards sent to a worker before it answers, so it never waits for the next one; default 2. */
  depth?: number;
  /** The worker script; default `src/lib/publishing/og-worker.ts` under `root` (tests replace it). */
  script?: string | URL;
}

interface Pending {
  id: number;
  card: OgCard;
  resolve: (card: PooledCard) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet, by id. */
  busy: Map<number, Pending>;
}

/**
 * How many card workers a build on `cores` cores starts: one core is left to Astro, whose single
 * rendering thread is the build's critical path (at 1,000 pages the cards are done before the
 * pages; at 10,000, cold, the last few hundred are not: see {@link cardWorkersAfterPages}). Measured
 * on 2 cores, a cold build of 1,000 pages (1,012 cards): with two workers the cards took 10.3 s
 * and the build 29.1–29.8 s, peaking at 1,124–1,130 MiB; with one, 12.8–13.6 s, 27.7–28.0 s and
 * 1,037–1,046 MiB.
 */
export function cardWorkers(cores: number): number {
  return Math.max(1, cores - 1);
}

/**
 * Cards still waiting when Astro has rendered every page for the pool to take the core Astro
 * rendered on (see {@link CardPool.widen}). A cold build at 10,000 pages on 2 cores then waits
 * about 3 s for the last ~750 cards, drawn one at a time on one worker. Below this many, a new
 * worker (about 0.2 s to start Skia and load fonts, and its memory, at the build's peak) is not
 * worth it.
 */
export const WIDEN_MIN_WAITING = 400;

/** How many card workers a build on `cores` cores runs once its pages are rendered, with `waiting` cards left. */
export function cardWorkersAfterPages(cores: number, waiting: number): number {
  return waiting >= WIDEN_MIN_WAITING ? Math.max(1, cores) : cardWorkers(cores);
}

/** The worker script of a project. */
export function cardWorkerScript(root: string): string {
  return join(root, 'src/lib/publishing/og-worker.ts');
}

/** A pool of card-drawing workers. */
export class CardPool {
  #size: number;
  readonly #options: CardPoolOptions;
  readonly #depth: number;
  readonly #queue: Pending[] = [];
  readonly #slots: Slot[] = [];
  /** Font files the workers have used, by name, with their size (fonts are shared by all threads). */
  readonly #fonts = new Map<string, number>();
  #next = 0;
  #failure: Error | undefined;
  #closed = false;

  constructor(options: CardPoolOptions) {
    this.#options = options;
    this.#size = Math.max(1, options.size ?? availableParallelism());
    this.#depth = Math.max(1, options.depth ?? 2);
  }

  /** How many workers the pool starts at most. */
  get size(): number {
    return this.#size;
  }

  /** Cards waiting for a worker (not yet sent to one). */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * Lets the pool start up to `size` workers from now on (never fewer than it may already): once
   * Astro has rendered every page, the core it used can draw the cards still waiting.
   */
  widen(size: number): void {
    if (size <= this.#size || this.#closed || this.#failure) return;
    this.#size = size;
    this.#dispatch();
  }

  /** Draws a card on a worker: its PNG and the CPU time it took. */
  draw(card: OgCard): Promise<PooledCard> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('The link-preview card pool is closed.'));
    return new Promise<PooledCard>((resolve, reject) => {
      this.#queue.push({ id: this.#next++, card, resolve, reject });
      this.#dispatch();
    });
  }

  /** Draws many cards; the PNGs come back in the same order. */
  drawAll(cards: readonly OgCard[]): Promise<PooledCard[]> {
    return Promise.all(cards.map((card) => this.draw(card)));
  }

  /** Font files the workers have loaded so far (Skia's fonts are shared by all threads). */
  fonts(): FontUse {
    return { files: this.#fonts.size, bytes: [...this.#fonts.values()].reduce((sum, bytes) => sum + bytes, 0) };
  }

  /** Ends the workers; cards still waiting are rejected. Drawing after this fails. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#fail(new Error('The link-preview card pool was closed before the card was drawn.'), false);
  }

  #start(): Slot {
    const worker = new Worker(this.#options.script ?? cardWorkerScript(this.#options.root), {
      workerData: { root: this.#options.root },
    });
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (result: CardResult) => this.#answer(slot, result));
    worker.on('error', (error) => {
      void this.#fail(
        new Error(`A link-preview card worker failed: ${error.stack ?? error.message}`, { cause: error }),
      );
    });
    worker.on('exit', (code) => {
      if (!this.#closed && !this.#failure) {
        void this.#fail(new Error(`A link-preview card worker stopped unexpectedly (exit code ${code}).`));
      }
    });
    this.#slots.push(slot);
    return slot;
  }

  #dispatch(): void {
    while (this.#queue.length) {
      let slot = this.#slots.find((s) => s.busy.size === 0);
      if (!slot && this.#slots.length < this.#size) slot = this.#start();
      slot ??= this.#slots.filter((s) => s.busy.size < this.#depth).sort((a, b) => a.busy.size - b.busy.size)[0];
      if (!slot) return;
      const job = this.#queue.shift()!;
      slot.busy.set(job.id, job);
      // A worker with cards to draw keeps the process alive; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, card: job.card } satisfies CardJob);
    }
  }

  #answer(slot: Slot, result: CardResult): void {
    const job = slot.busy.get(result.id);
    if (!job) return;
    slot.busy.delete(result.id);
    if (slot.busy.size === 0) slot.worker.unref();
    if ('error' in result) {
      job.reject(
        new Error(`Could not draw the link-preview card of "${job.card.title}" (${job.card.type}):\n${result.error}`),
      );
    } else {
      for (const [name, bytes] of result.fonts) this.#fonts.set(name, bytes);
      const png = Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength);
      job.resolve({ png, drawMs: result.drawMs, encodeMs: result.encodeMs });
    }
    this.#dispatch();
  }

  /** Rejects every card waiting or being drawn, and ends the workers. */
  #fail(error: Error, broken = true): Promise<unknown> {
    if (broken) this.#failure ??= error;
    const waiting = [...this.#queue.splice(0), ...this.#slots.flatMap((slot) => [...slot.busy.values()])];
    const ended = Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
    this.#slots.length = 0;
    for (const job of waiting) job.reject(this.#failure ?? error);
    return ended;
  }
}
