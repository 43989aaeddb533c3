import { describe, expect, it } from 'vitest';
import { ASCII_CLASSES, NamePattern, UNICODE_CLASSES, type LetterClasses } from '../../src/naming/name-pattern.js';

const ASCII = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

describe('the ASCII letter classes', () => {
  // Every pattern is one template over these classes, so classes that agree on every ASCII
  // character make the ASCII build of each pattern agree with its Unicode build on ASCII names.
  it.each(Object.keys(UNICODE_CLASSES) as Array<keyof LetterClasses>)('%s holds exactly the ASCII characters the Unicode class holds', (name) => {
    const unicode = new RegExp(`^[${UNICODE_CLASSES[name]}]$`, 'u');
    const ascii = new RegExp(`^[${ASCII_CLASSES[name]}]$`, 'u');
    expect(ASCII.filter((c) => ascii.test(c))).toEqual(ASCII.filter((c) => unicode.test(c)));
  });
});

describe('NamePattern', () => {
  const word = new NamePattern(({ upper, lower }) => `^[${upper}][${lower}]+$`, 'u');

  it('judges ASCII and other names alike', () => {
    expect(word.test('Order')).toBe(true);
    expect(word.test('order')).toBe(false);
    expect(word.test('Été')).toBe(true);
    expect(word.test('été')).toBe(false);
    expect(word.test('Σπίτι')).toBe(true);
  });

  it('builds the Unicode expression only for a name that needs it', () => {
    expect(word.for('Order').source).toBe('^[A-Z][a-z]+$');
    expect(word.for('Été').source).toBe('^[\\p{Lu}\\p{Lt}][\\p{Ll}]+$');
    expect(word.for('Été')).toBe(word.for('Σπίτι'));
  });
});
