import { describe, expect, it } from 'vitest';
import { compileLinear, linearRegExp, LinearPatternError } from '../../src/patterns/linear-regexp.js';

// Patterns of every construct the translation rewrites, each tried on strings that tell RE2's
// defaults from JavaScript's: line terminators, Unicode spaces, astral characters, lone surrogates.
const INPUTS = [
  '',
  'a',
  'USD',
  'usd',
  'flag_key',
  'Order Completed',
  'order-completed',
  'a\nb',
  'a\rb',
  'a\u2028b',
  '\u00a0',
  ' x ',
  '\t',
  '\v',
  '\ufeff',
  '\u3000',
  'é',
  'É',
  'αβγ',
  'Ω',
  '😀',
  'x😀y',
  '\ud800',
  '\ude00\ud83d',
  '123',
  '١٢٣',
  '2024-01-31',
  '123e4567-e89b-12d3-a456-426614174000',
  'a.b',
  'a/b',
  '[x]',
  '-',
  '^$',
  '\\',
  'straße',
  'K',
  '\u212a',
];

const PATTERNS = [
  '^[A-Z]{3}$',
  '^[a-z0-9_]+$',
  'Evil Morty|Lawyer Morty',
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  '^\\d{4}-\\d{2}-\\d{2}$',
  '^(a+)+$',
  '^.$',
  '^..$',
  'a.b',
  '^.*$',
  '\\s',
  '^\\S+$',
  '[\\s\\d]',
  '[^\\s]',
  '[\\S]',
  '[^\\S]',
  '\\w+',
  '^\\W',
  '[^\\w]',
  '\\D',
  '\\bOrder\\b',
  // Not a bare \B: V8 finds one between the halves of a surrogate pair, where under `u` there is no position.
  'r\\Bd',
  '^\\p{L}+$',
  '^\\p{Letter}+$',
  '^\\p{Lu}',
  '\\P{L}',
  '[\\p{Ll}\\d]',
  '[^\\p{L}]',
  '^\\p{Script=Greek}+$',
  '\\p{sc=Greek}',
  '\\p{gc=Uppercase_Letter}',
  '\\p{Nd}',
  '^\\p{Any}$',
  '\\p{ASCII}',
  '\\P{ASCII}',
  '^\\u{1F600}$',
  '\\ud83d\\ude00',
  '^[😀-😂]$',
  '\\x41',
  '\\u00e9',
  '\\cJ',
  '\\0',
  '[]',
  '[^]',
  '^[^]$',
  '\\/',
  '[\\]\\-\\\\^]',
  '\\$|\\^',
  '(?<name>a)b',
  '(?:ab|cd)?e',
  'a*?b',
  'a{2,}',
  '^a{0,3}$',
  '^$',
  '',
  '\\n',
  '[\\n\\r]',
  '\\.',
  '[.]',
  '^-$',
  '^[\\-]$',
  's',
  '\\k',
];

describe('linear patterns mean what JavaScript patterns mean', () => {
  for (const pattern of PATTERNS) {
    let valid = true;
    try {
      new RegExp(pattern, 'u');
    } catch {
      valid = false;
    }
    if (!valid) continue;
    it(`/${pattern}/u`, () => {
      const js = new RegExp(pattern, 'u');
      for (const engine of ['auto', 're2js'] as const) {
        const linear = linearRegExp(pattern, engine);
        for (const input of INPUTS) expect([engine, input, linear.test(input)]).toEqual([engine, input, js.test(input)]);
      }
    });
  }

  it('matches the issue case without backtracking', () => {
    expect(linearRegExp('^(a+)+$').test(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(linearRegExp('^(\\w+\\s?)+$').test(`${'aaaa '.repeat(2000)}!`)).toBe(false);
    expect(linearRegExp('^(\\w+\\s?)+$').test('some words here')).toBe(true);
  });

  it("keeps JavaScript's engine only for patterns that provably run in linear time on it", () => {
    expect(linearRegExp('^[A-Z]{3}$').engine).toBe('RegExp');
    expect(linearRegExp('^[a-z0-9_]+$').engine).toBe('RegExp');
    expect(linearRegExp('^(a+)+$').engine).toBe('re2js');
    expect(linearRegExp('\\s+$').engine).toBe('re2js');
    expect(linearRegExp('^[A-Z]{3}$', 're2js').engine).toBe('re2js');
  });

  it('accepts the same patterns whichever engine runs them', () => {
    // Provably linear under backtracking, but past RE2's limits.
    expect(compileLinear('(a{100}){11}')).toEqual({ problem: { offset: 2, message: "the repetition {100}, whose count times those it is nested in passes RE2's limit of 1000" } });
    expect(compileLinear('^\\p{sc=Grek}$')).toMatchObject({ problem: { offset: 1 } });
    expect(compileLinear('(a{100}){10}', 're2js')).toHaveProperty('regexp');
    expect(compileLinear('(?:(?:a{10}){10}){10}', 're2js')).toHaveProperty('regexp');
  });

  it('tells patterns apart by their text (ajv keys compiled patterns on it)', () => {
    expect(String(linearRegExp('a'))).toBe('/a/u');
    expect(String(linearRegExp('b'))).not.toBe(String(linearRegExp('a')));
  });
});

describe('patterns RE2 cannot run', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['(a)\\1', 3, /backreference \\1/],
    ['(?<x>a)\\k<x>', 7, /backreference \\k<x>/],
    ['^(?!test_)[a-z_]+$', 1, /negative lookahead \(\?!/],
    ['^(?=.*\\d)', 1, /lookahead \(\?=/],
    ['(?<=\\$)\\d+', 0, /lookbehind \(\?<=/],
    ['(?<!x)y', 0, /negative lookbehind \(\?<!/],
    ['a{1001}', 1, /\{1001\}, past RE2's limit of 1000/],
    ['^x{2,5000}$', 2, /\{2,5000\}, past RE2's limit of 1000/],
    ['\\p{Alphabetic}', 0, /Unicode property \\p\{Alphabetic\}/],
    ['\\p{scx=Greek}', 0, /Unicode property/],
  ];
  for (const [pattern, offset, message] of cases) {
    it(`/${pattern}/ at character ${offset + 1}`, () => {
      new RegExp(pattern, 'u');
      const result = compileLinear(pattern);
      expect('problem' in result && result.problem.offset).toBe(offset);
      expect('problem' in result && result.problem.message).toMatch(message);
    });
  }

  it('throws LinearPatternError from linearRegExp', () => {
    expect(() => linearRegExp('\\p{sc=Grek}')).toThrow(LinearPatternError);
  });
});
