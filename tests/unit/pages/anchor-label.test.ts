import { describe, expect, test, vi } from 'vitest';
import { anchorLabel, type Translate } from '../../../src/lib/pages/anchor-label';

/** A translation function as i18next interpolates `{{title}}` (escapeValue off). */
const translator = (words: string) => vi.fn<Translate>((_key, { title }) => words.replaceAll('{{title}}', title));

describe('anchorLabel', () => {
  test('says what Starlight’s AnchorHeading says, and looks the words up once per language', () => {
    const t = translator('Section titled “{{title}}”');
    expect(anchorLabel(t, 'en-test-1', 'Deals (3)')).toBe('Section titled “Deals (3)”');
    expect(anchorLabel(t, 'en-test-1', 'People')).toBe('Section titled “People”');
    expect(t).toHaveBeenCalledTimes(1);
    // Another language has words of its own.
    const fr = translator('Section intitulée « {{title}} »');
    expect(anchorLabel(fr, 'fr-test-1', 'Accords')).toBe('Section intitulée « Accords »');
  });

  test('keeps the title as written: markup-like text and $ patterns are not interpreted', () => {
    const t = translator('Section titled “{{title}}”');
    expect(anchorLabel(t, 'en-test-2', 'R&D <b>x</b> $& $1')).toBe('Section titled “R&D <b>x</b> $& $1”');
  });

  test('words without the title, or with it twice, are looked up for every heading', () => {
    const none = translator('Permalink');
    expect(anchorLabel(none, 'xx-test-1', 'A')).toBe('Permalink');
    expect(anchorLabel(none, 'xx-test-1', 'B')).toBe('Permalink');
    const twice = translator('{{title}}: link to {{title}}');
    expect(anchorLabel(twice, 'xx-test-2', 'A')).toBe('A: link to A');
    expect(anchorLabel(twice, 'xx-test-2', 'B')).toBe('B: link to B');
    expect(twice).toHaveBeenCalledTimes(3);
  });
});
