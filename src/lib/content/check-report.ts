import { escapeMarkup } from '../values/escape';
import { ContentError, problemList } from './content-errors';

/**
 * How the content check's outcome reads, the same wherever it is printed: the build, the dev
 * server (terminal and error page) and `npm run check:content`.
 */

/** `3 problems in the content` (how the headline of a failed check starts). */
export function problemCount(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'} in the content`;
}

/** What stops a build whose content check found problems: every problem, and what to do. */
export function buildStopped(problems: string[]): ContentError {
  return new ContentError(
    problems,
    `${problemCount(problems.length)}. Each line names a file and a field or line; fix them and build again. Nothing was written.`,
  );
}

/** The lines a failed check prints: every problem (the first 50, then how many more), one each. */
export function reportLines(problems: readonly string[]): string[] {
  return problemList(problems);
}

/** The line a passing check prints: `Checked 25 content files in 120 ms: no problems.` */
export function passedLine(files: number, ms: number): string {
  return `Checked ${files} content file${files === 1 ? '' : 's'} in ${Math.round(ms)} ms: no problems.`;
}

/**
 * The page the dev server serves instead of any page while the content has problems: status
 * 500, every problem on a line of its own, escaped, and a reload every two seconds, so the page
 * a reader looks at comes back by itself once the files are fixed (no script: it runs under the
 * site's policy). The terminal prints the same lines.
 */
export function problemsPage(problems: readonly string[]): string {
  const lines = reportLines(problems);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta http-equiv="refresh" content="2">',
    `<title>${escapeMarkup(problemCount(problems.length))}</title>`,
    '</head>',
    '<body>',
    `<h1>${escapeMarkup(problemCount(problems.length))}</h1>`,
    '<p>Each line names a file and a field or line. Fix them and this page reloads by itself.</p>',
    '<ol id="content-problems">',
    ...lines.map((line) => `<li><code>${escapeMarkup(line)}</code></li>`),
    '</ol>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
