import type { MdastHookFn, MdastVisitorContext } from 'satteri';
import { walkMentions } from './mentions';

/**
 * Gives every mention component in MDX an `anchor` prop (e.g. `companies-catl-2`), numbered by
 * the same walk the graph uses so backlinks land on it, and `display="block"` when it stands on
 * its own line (a card rather than an inline link). Run by the site's Markdown-processor plugin
 * (briefing-policy-plugin.ts), with `ctx` its hook's context.
 */
export function addMentionAnchors(root: Parameters<MdastHookFn>[0], ctx: MdastVisitorContext): void {
  walkMentions(root, ({ node, anchor }) => {
    if (!anchor) return;
    const element = node as unknown as { attributes: Array<{ type: string; name?: string; value?: unknown }> };
    if (element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'anchor')) return;
    const added = [{ type: 'mdxJsxAttribute', name: 'anchor', value: anchor }];
    if ((node as { type?: string }).type === 'mdxJsxFlowElement') {
      added.push({ type: 'mdxJsxAttribute', name: 'display', value: 'block' });
    }
    ctx.replaceNode(node as never, { ...(node as object), attributes: [...element.attributes, ...added] } as never);
  });
}
