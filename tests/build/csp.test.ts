import { seedSite } from '../support/seed-site';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isStandaloneDocument } from '../../src/lib/routes';
import { fileFor, htmlPages } from '../support/dist';

const dist = await seedSite();
// Site pages and redirect pages; email snippets are standalone documents made for email clients
// (inline styles, no policy), checked by email.test.ts instead.
const pages = htmlPages(dist).filter((page) => !isStandaloneDocument(page));

/** The page's Content-Security-Policy (from its meta element) as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!meta) return new Map();
  return new Map(
    meta[1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!))
    .map((m) => m[2]!);
}

describe('the Content Security Policy of every page', () => {
  test.each(pages)('%s: strict, and every inline script is allowed by its hash', (page) => {
    const html = readFileSync(fileFor(dist, page), 'utf8');
    const policy = policyOf(html);
    const scriptSrc = policy.get('script-src') ?? [];
    expect(scriptSrc.length, 'script-src').toBeGreaterThan(0);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const script of inlineScripts(html)) {
      const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
      expect(scriptSrc, `inline script not allowed: ${script.slice(0, 120)}`).toContain(hash);
    }
  });

  test.each(pages)('%s: has no inline style attributes', (page) => {
    const html = readFileSync(fileFor(dist, page), 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
    expect(html.match(/<[^>]+\sstyle\s*=/gi) ?? []).toEqual([]);
  });
});
