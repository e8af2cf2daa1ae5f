import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { siteSchema, type SiteConfig } from '../../schemas/site';
import { ContentError, formatIssues } from './content-errors';

/** Environment variable naming the content root (relative to the project or absolute). */
export const CONTENT_ROOT_ENV = 'BRIEFING_CONTENT_ROOT';
/** The bundled dataset's content root. */
export const DEFAULT_CONTENT_ROOT = 'src/content';

/** The content root as an absolute path, from `BRIEFING_CONTENT_ROOT` or the default. */
export function contentRoot(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env[CONTENT_ROOT_ENV]?.trim() || DEFAULT_CONTENT_ROOT;
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

/** Reads and validates `site.yaml` at the content root; a mistake throws a {@link ContentError}. */
export function loadSiteConfig(root: string, projectRoot = process.cwd()): SiteConfig {
  const file = join(root, 'site.yaml');
  const shown = relative(projectRoot, file) || file;
  if (!existsSync(file)) {
    throw new ContentError(
      [`${shown}: (file): expected a site.yaml with the site's title and vocabulary, found no such file.`],
      `Is ${CONTENT_ROOT_ENV} pointing at a content root?`,
    );
  }
  let data: unknown;
  try {
    data = yaml.load(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError([`${shown}: (YAML): ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = siteSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(formatIssues(shown, parsed.error.issues, data, siteSchema));
  return parsed.data;
}
