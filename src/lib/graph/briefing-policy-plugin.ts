import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { ContentError } from '../content/content-errors';
import { displayPath } from '../content/paths';
import { briefingPolicy, type PolicyNode } from './briefing-policy';
import { addHeadingIds } from './heading-ids';
import { addMentionAnchors } from './mention-anchors';

/**
 * The site's Markdown-processor plugin, for briefings (MDX) and the site's own Markdown pages:
 *
 * - defence in depth, for MDX: every file is checked against the briefing policy as it is
 *   compiled, and any violation stops the compile, so nothing a briefing must not contain is ever
 *   compiled or run, even if the content checks before it were bypassed (the compiler sees the
 *   whole file with its frontmatter blanked, so its lines are file lines);
 * - every mention gets its anchor (mention-anchors.ts), and every heading a unique id
 *   (heading-ids.ts).
 *
 * One plugin, one pass: satteri builds the whole tree in JavaScript for each plugin whose hook
 * walks it, and these three were three plugins (1,000 briefings compiled in 0.86–1.0 s, against
 * 0.54–0.55 s as one, the same code out).
 */
export function briefingMarkdownPlugin(projectRoot: string = process.cwd()): MdastPluginEntry {
  return ({ fileURL, sourceFormat }) => {
    const file = fileURL ? displayPath(projectRoot, fileURLToPath(fileURL)) : '(MDX)';
    return defineMdastPlugin({
      name: 'briefing-markdown',
      options: { position: true },
      before(root, ctx) {
        if (sourceFormat === 'mdx') {
          const problems = briefingPolicy(root as unknown as PolicyNode, { file });
          if (problems.length > 0) {
            throw new ContentError(problems, 'Briefings hold Markdown and the site’s components, nothing else.');
          }
        }
        addMentionAnchors(root, ctx);
        addHeadingIds(root, ctx);
      },
    });
  };
}
