/**
 * Peak memory and start time of a process tree, read from Linux /proc while it runs.
 *
 * The benchmark samples the descendants of its own process rather than one child's pid: builds of
 * this project go through `buildSite()` (scripts/lib/build-site.ts), which spawns the child itself,
 * so the pid is never handed out. While a build runs, the benchmark's
 * only descendants are that build's processes (Astro, esbuild, Pagefind), so summing them is the
 * build's footprint.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's start times (USER_HZ; 100 on every mainstream Linux ABI). */
const CLOCK_TICKS = 100;

/** What a sampler saw between start and stop. */
export interface TreeSample {
  /** Largest sum of VmRSS over all descendants at one sampling instant, in bytes. */
  peakRssBytes: number;
  /** When the first direct child started, on the `performance.now()` clock; undefined if none was seen. */
  firstChildStart: number | undefined;
  /** Number of samples taken. */
  samples: number;
}

interface ProcStat {
  ppid: number;
  /** Start time in clock ticks since boot. */
  startTicks: number;
}

/** ppid and start time of a process from /proc/<pid>/stat, or undefined if it has gone. */
function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), startTicks: Number(fields[19]) };
}

/** Resident set size of a process in bytes (VmRSS), or 0 if it has gone or is a zombie. */
export function vmRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every live descendant of `root` (children, grandchildren, …), with its stat. */
export function descendants(root: number): Map<number, ProcStat> {
  const children = new Map<number, number[]>();
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = readStat(pid);
    if (!stat) continue;
    stats.set(pid, stat);
    (children.get(stat.ppid) ?? children.set(stat.ppid, []).get(stat.ppid)!).push(pid);
  }
  const found = new Map<number, ProcStat>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (found.has(pid)) continue;
    found.set(pid, stats.get(pid)!);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Seconds since boot, from /proc/uptime (centisecond resolution). */
function uptimeSeconds(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/**
 * Samples the process tree under `root` every `intervalMs` until `stop()`: the peak summed VmRSS,
 * and when the first direct child started (so what the caller does before, such as emptying the
 * output folder, is not counted as build time).
 */
export function startTreeSampler(root = process.pid, intervalMs = 100): { stop(): TreeSample } {
  try {
    readdirSync('/proc/self');
  } catch {
    throw new Error('The benchmark reads process memory from /proc and runs on Linux only.');
  }
  let peakRssBytes = 0;
  let firstChildStart: number | undefined;
  let samples = 0;
  const sample = () => {
    samples++;
    let total = 0;
    for (const [pid, stat] of descendants(root)) {
      total += vmRssBytes(pid);
      if (firstChildStart === undefined && stat.ppid === root) {
        // Convert "ticks since boot" to the performance.now() clock via the current uptime.
        firstChildStart = performance.now() - (uptimeSeconds() - stat.startTicks / CLOCK_TICKS) * 1000;
      }
    }
    peakRssBytes = Math.max(peakRssBytes, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { peakRssBytes, firstChildStart, samples };
    },
  };
}
