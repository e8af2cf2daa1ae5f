import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { ContentError } from '../content/content-errors';
import { displayPath } from '../content/paths';
import { briefingPolicy, type PolicyNode } from './briefing-policy';

/**
 * Markdown-processor plugin, defence in depth: every MDX file is checked against the briefing
 * policy as it is compiled, and any violation stops the compile, so nothing a briefing must
 * not contain is ever compiled or run, even if the content checks before it were bypassed.
 * (The compiler sees the whole file with its frontmatter blanked, so its lines are file lines.)
 */
export function briefingPolicyPlugin(projectRoot: string = process.cwd()): MdastPluginEntry {
  return ({ fileURL, sourceFormat }) => {
    if (sourceFormat !== 'mdx') return undefined;
    const file = fileURL ? displayPath(projectRoot, fileURLToPath(fileURL)) : '(MDX)';
    return defineMdastPlugin({
      name: 'briefing-policy',
      options: { position: true },
      before(root) {
        const problems = briefingPolicy(root as unknown as PolicyNode, { file });
        if (problems.length > 0) {
          throw new ContentError(problems, 'Briefings hold Markdown and the site’s components, nothing else.');
        }
      },
    });
  };
}
