import { describe, expect, test } from 'vitest';
import { escapeMarkup } from '../../../src/lib/values/escape';

describe('escapeMarkup', () => {
  test.each([
    ['CATL </title><script>alert(1)</script>', 'CATL &#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;'],
    [`" onload="x' y`, '&#34; onload=&#34;x&#39; y'],
    ['R&D', 'R&#38;D'],
    ['宁德时代 · LG에너지솔루션', '宁德时代 · LG에너지솔루션'],
  ])('%s', (input, output) => {
    expect(escapeMarkup(input)).toBe(output);
  });

  test('its output parses back to the same text in HTML', () => {
    const text = `<a href="x">&amp;'"</a>`;
    const decoded = escapeMarkup(text).replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
    expect(decoded).toBe(text);
  });
});
