import { problemList } from './content-errors';

/**
 * How the content check's outcome reads, the same wherever it is printed: the build, the dev
 * server (terminal and error page) and `npm run check:content`.
 */

/** `3 problems in the content` (how the headline of a failed check starts). */
export function problemCount(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'} in the content`;
}

/** The lines a failed check prints: every problem (the first 50, then how many more), one each. */
export function reportLines(problems: readonly string[]): string[] {
  return problemList(problems);
}

/** The line a passing check prints: `Checked 25 content files in 120 ms: no problems.` */
export function passedLine(files: number, ms: number): string {
  return `Checked ${files} content file${files === 1 ? '' : 's'} in ${Math.round(ms)} ms: no problems.`;
}
