import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteSchema, type SiteConfig } from '../../schemas/site';
import { ContentError, formatIssues } from './content-errors';
import { decodeUtf8, parseYaml } from './documents';
import { CONTENT_ROOT_ENV } from './locations';
import { displayPath } from './paths';

/** Reads and validates `site.yaml` at the content root; a mistake throws a {@link ContentError}. */
export function loadSiteConfig(root: string, projectRoot = process.cwd()): SiteConfig {
  const file = join(root, 'site.yaml');
  const shown = displayPath(projectRoot, file);
  if (!existsSync(file)) {
    throw new ContentError(
      [`${shown}: (file): expected a site.yaml with the site's title and vocabulary, found no such file.`],
      `Is ${CONTENT_ROOT_ENV} pointing at a content root?`,
    );
  }
  const text = decodeUtf8(readFileSync(file));
  const document = text.ok ? parseYaml(text.value.replace(/^\uFEFF/, '')) : text;
  if (!document.ok) throw new ContentError([`${shown}: ${document.problem.where}: ${document.problem.message}.`]);
  const data = document.value;
  const parsed = siteSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(formatIssues(shown, parsed.error.issues, data, siteSchema));
  return parsed.data;
}
