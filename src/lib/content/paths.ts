import { isAbsolute, relative, resolve } from 'node:path';

/**
 * A file path as error messages show it: relative to the project when inside it
 * (`src/content/deals/x.yaml`), absolute when the content root lives elsewhere.
 */
export function displayPath(projectRoot: string, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(projectRoot, file);
  const fromProject = relative(projectRoot, absolute);
  return fromProject.startsWith('..') || isAbsolute(fromProject) ? absolute : fromProject;
}

/** The 1-based line of `text` on which `part` starts (1 when not found). */
export function lineOf(text: string, part: string): number {
  const at = part ? text.indexOf(part) : -1;
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
