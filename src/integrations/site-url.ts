import type { AstroIntegration } from 'astro';
import { siteUrlFrom, siteUrlWarning } from '../lib/publishing/site-url';

/**
 * Says once per build when `BRIEFING_SITE_URL` is not set: the site still builds (so `npm start`
 * works out of the box), but what it publishes for use elsewhere points at a placeholder host.
 */
export function siteUrlCheck(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return {
    name: 'briefing-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!siteUrlFrom(env).configured) logger.warn(siteUrlWarning());
      },
    },
  };
}
