import { describe, expect, test } from 'vitest';
import { idFromName, newIdProblem, noTakenIds } from '../../../src/lib/authoring/new-id';

describe('idFromName', () => {
  test.each([
    ['LG Energy Solution', 'lg-energy-solution'],
    ['Škoda Auto a.s.', 'skoda-auto-a-s'],
    ['Ørsted', 'orsted'],
    ['Straße & Söhne', 'strasse-sohne'],
    ['  CATL (Contemporary Amperex)  ', 'catl-contemporary-amperex'],
    ['ＣＡＴＬ', 'catl'],
  ])('%s → %s', (name, id) => {
    expect(idFromName(name)).toEqual({ ok: true, id });
  });

  test('cuts a long name at a word, to at most 60 characters', () => {
    const made = idFromName('Chinese battery firms reach out to Korea in global expansion push as home market matures');
    expect(made).toEqual({ ok: true, id: 'chinese-battery-firms-reach-out-to-korea-in-global-expansion' });
  });

  test('refuses a name with letters of other scripts, asking for --id', () => {
    const made = idFromName('LG에너지솔루션');
    expect(made.ok).toBe(false);
    expect(!made.ok && made.problem).toMatch(
      /^"LG에너지솔루션" has letters that are not Latin \(에 너 지 솔 루\), .*--id/,
    );
    expect(idFromName('最').ok).toBe(false);
    expect(idFromName('!!!')).toEqual({
      ok: false,
      problem: '"!!!" has no letters or digits to make an id from: give one with --id',
    });
  });
});

describe('newIdProblem', () => {
  const taken = noTakenIds();
  taken.companies.set('catl', 'catl').set('modern-motors', 'modern-motors').set('chery-auto', 'chery-automobile');
  taken.companies.set('chery-automobile', 'chery-automobile');

  test('accepts a free id', () => {
    expect(newIdProblem('companies', 'samsung-sdi', taken)).toBeUndefined();
    // Ids are per collection: a deal may be called like a company.
    expect(newIdProblem('deals', 'catl', taken)).toBeUndefined();
  });

  test('refuses an id that breaks the rules, exists, is a previous id, or reads like one', () => {
    expect(newIdProblem('companies', 'Samsung_SDI', taken)).toMatch(/^expected an id of lowercase letters/);
    expect(newIdProblem('companies', 'catl', taken)).toBe(
      'companies/catl already exists: edit it, or give the new entry another id with --id',
    );
    expect(newIdProblem('companies', 'chery-auto', taken)).toMatch(/is a previous id of companies\/chery-automobile/);
    expect(newIdProblem('companies', 'cat1', taken)).toBe(
      '"cat1" reads like "catl", the id of companies/catl: readers would confuse their links. Give the new entry a distinct id with --id, or edit the existing one',
    );
    expect(newIdProblem('companies', 'modem-motors', taken)).toMatch(/reads like "modern-motors"/);
    expect(newIdProblem('companies', 'cheryauto', taken)).toMatch(
      /reads like "chery-auto", a previous id of companies\/chery-automobile/,
    );
  });
});
