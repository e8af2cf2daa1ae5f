import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { testFolder } from '../../support/temp-folder';

// The two tests run in order: the second sees what the first left behind.
describe('testFolder', () => {
  let made: string | undefined;

  test('gives a new, empty folder for the test', () => {
    made = testFolder('temp-folder-test-');
    expect(existsSync(made)).toBe(true);
    writeFileSync(join(made, 'file.txt'), 'left by the test');
    expect(testFolder('temp-folder-test-')).not.toBe(made);
  });

  test('removes it, with what the test wrote in it, once the test has ended', () => {
    expect(made).toBeDefined();
    expect(existsSync(made!)).toBe(false);
  });
});
