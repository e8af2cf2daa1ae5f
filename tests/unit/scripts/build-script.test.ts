import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inputDigest } from '../../../scripts/build';

const PROJECT = join(import.meta.dirname, '../../..');

describe('inputDigest', () => {
  const content = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(join(PROJECT, 'tests/fixtures/minimal'), content, { recursive: true });
  const digest = () => inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test' }, '2026-11-26');

  test('is stable when nothing changed', () => {
    expect(digest()).toBe(digest());
  });

  test('changes with a content file, the BRIEFING_ environment and the day', () => {
    const before = digest();
    expect(inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://b.test' }, '2026-11-26')).not.toBe(before);
    expect(inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test' }, '2026-11-27')).not.toBe(before);
    writeFileSync(join(content, 'people/new-person.yaml'), 'name: New\nsources: [test-gazette-2024-01-02]\n');
    expect(digest()).not.toBe(before);
  });

  test('ignores variables that do not affect the build', () => {
    expect(
      inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test', HOME: '/elsewhere' }, '2026-11-26'),
    ).toBe(digest());
  });
});
