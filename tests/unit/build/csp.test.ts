import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cspHash, inlineScriptBodies } from '../../../src/lib/build/csp';

describe('inlineScriptBodies', () => {
  test('returns the exact text of is:inline scripts only', () => {
    const source = `<script is:inline aria-hidden="true">\n\tone();\n</script>\n<script>bundled()</script>\n<script is:inline>two()</script>`;
    expect(inlineScriptBodies(source)).toEqual(['\n\tone();\n', 'two()']);
  });
});

describe('cspHash', () => {
  test('is the base64 SHA-256 of the exact text', () => {
    expect(cspHash('alert(1)')).toBe(`sha256-${createHash('sha256').update('alert(1)').digest('base64')}`);
    expect(cspHash('a')).not.toBe(cspHash('a '));
  });
});
