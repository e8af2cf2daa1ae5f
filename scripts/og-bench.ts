/**
 * Benchmark of link-preview cards (issue #13):
 *
 *   node_modules/.bin/node scripts/og-bench.ts [--cards 400] [--pool 2000] [--seed 1] [--latin]
 *
 * 1. Draws `--cards` varied cards (scripts/bench/og-cards.ts) one after another on this thread
 *    and reports, per card, the median and mean time of drawing (layout, painting, reading the
 *    pixels back) and of encoding the PNG, and the mean PNG size. Medians are wall time of a
 *    single thread; means are CPU time (the kernel counts CPU time in ticks, too coarse for one
 *    card but exact over hundreds).
 * 2. Draws `--pool` cards on the worker pool (one worker per core) and reports wall time, CPU
 *    time per card, peak RSS of the process (workers are threads of it) and the font files the
 *    workers loaded.
 *
 * `--latin` makes every name Latin (the old satori renderer could not draw CJK names).
 *
 * A benchmark, not a test: it prints numbers and never fails on one.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CardDrawer } from '../src/lib/publishing/og-draw.ts';
import { layoutCard, OG_HEIGHT, OG_WIDTH } from '../src/lib/publishing/og-layout.ts';
import { CardPool } from '../src/lib/publishing/og-pool.ts';
import { encodePng } from '../src/lib/publishing/png.ts';
import { benchCards } from './bench/og-cards.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '400' },
    pool: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    latin: { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..');
const seed = Number(values.seed);

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const turn = () => new Promise((done) => setImmediate(done));

// 1. One thread, card after card.
const cjk = !values.latin;
const cards = benchCards(Number(values.cards), seed, { cjk });
const drawer = new CardDrawer(root);
for (const card of cards) {
  drawer.png(card); // first pass: load the fonts, warm the JIT
  await turn();
}
const wall = { draw: [] as number[], encode: [] as number[] };
const cpuTotal = { draw: 0, encode: 0 };
const sizes: number[] = [];
for (const card of cards) {
  const [t0, c0] = [performance.now(), cpu()];
  const pixels = drawer.paint(layoutCard(card, drawer));
  const [t1, c1] = [performance.now(), cpu()];
  const png = encodePng(OG_WIDTH, OG_HEIGHT, pixels);
  const [t2, c2] = [performance.now(), cpu()];
  wall.draw.push(t1 - t0);
  wall.encode.push(t2 - t1);
  cpuTotal.draw += c1 - c0;
  cpuTotal.encode += c2 - c1;
  sizes.push(png.length);
  await turn();
}
const total = wall.draw.map((d, i) => d + wall.encode[i]!);
const n = cards.length;
console.log(`${n} cards on one thread (ms per card)`);
console.log(`  draw    median ${median(wall.draw).toFixed(2)}  mean CPU ${(cpuTotal.draw / n).toFixed(2)}`);
console.log(`  encode  median ${median(wall.encode).toFixed(2)}  mean CPU ${(cpuTotal.encode / n).toFixed(2)}`);
console.log(
  `  total   median ${median(total).toFixed(2)}  mean CPU ${((cpuTotal.draw + cpuTotal.encode) / n).toFixed(2)}` +
    `  (mean wall ${mean(total).toFixed(2)})`,
);
console.log(`  PNG     mean ${(mean(sizes) / 1024).toFixed(1)} KB`);

// 2. The pool.
const many = benchCards(Number(values.pool), seed + 1, { cjk });
const pool = new CardPool({ root });
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const [t0, c0] = [performance.now(), cpu()];
const drawn = await pool.drawAll(many);
const [t1, c1] = [performance.now(), cpu()];
clearInterval(sampler);
const fonts = pool.fonts();
await pool.close();
const workerCpu = drawn.reduce((sum, card) => sum + card.drawMs + card.encodeMs, 0);
console.log(`${many.length} cards on ${pool.size} worker threads`);
console.log(`  wall ${((t1 - t0) / 1000).toFixed(2)} s, ${(many.length / ((t1 - t0) / 1000)).toFixed(0)} cards/s`);
console.log(
  `  CPU ${((c1 - c0) / many.length).toFixed(2)} ms per card (process), ${(workerCpu / many.length).toFixed(2)} ms (workers' own count)`,
);
console.log(`  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
console.log(`  fonts loaded: ${fonts.files} files, ${(fonts.bytes / 1024).toFixed(0)} KB`);
