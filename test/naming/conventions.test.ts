import { describe, expect, it } from 'vitest';
import { CASE_STYLES } from '../../src/naming/case.js';
import { checkName, describeConvention, parseConvention, type Convention } from '../../src/naming/conventions.js';
import { RESERVED_IDENTIFY_TRAITS } from '../../src/spec/reserved-traits.js';
import { MESSY_NAMES } from './messy-names.js';

function parsed(value: unknown): Convention {
  const result = parseConvention(value);
  if ('error' in result) throw new Error(result.error);
  return result.convention;
}

describe('parseConvention', () => {
  it.each<[unknown, Convention]>([
    ['object-action', 'object-action'],
    ['Object Action', 'object-action'],
    ['object_action', 'object-action'],
    ['objectAction', 'object-action'],
    ['snake_case', 'snake_case'],
    ['snake', 'snake_case'],
    ['snake-case', 'snake_case'],
    ['camelCase', 'camelCase'],
    ['camel', 'camelCase'],
    ['PascalCase', 'PascalCase'],
    ['pascal', 'PascalCase'],
    ['kebab-case', 'kebab-case'],
    ['kebab', 'kebab-case'],
    ['Title Case', 'Title Case'],
    ['title', 'Title Case'],
    ['title-case', 'Title Case'],
    ['SCREAMING_SNAKE_CASE', 'SCREAMING_SNAKE_CASE'],
    ['screaming_snake', 'SCREAMING_SNAKE_CASE'],
    ['constant_case', 'SCREAMING_SNAKE_CASE'],
    ['upper_snake_case', 'SCREAMING_SNAKE_CASE'],
    ['off', 'off'],
    ['OFF', 'off'],
    [false, 'off'],
    [{ pattern: '^[a-z]+$' }, { pattern: '^[a-z]+$' }],
    [{ pattern: '^ev_', description: 'prefixed with ev_' }, { pattern: '^ev_', description: 'prefixed with ev_' }],
  ])('%j', (value, convention) => {
    expect(parseConvention(value)).toEqual({ convention });
  });

  it.each<[unknown, RegExp]>([
    ['snak_case', /unknown naming convention "snak_case" \(did you mean "snake_case"\?\)/],
    ['hungarian', /unknown naming convention "hungarian"; expected one of object-action, snake_case/],
    [{ pattern: '^[a-z' }, /^invalid pattern \/\^\[a-z\/: .*(Unterminated|terminated|missing)/i],
    [{ pattern: '(' }, /^invalid pattern/],
    [{ pattern: '^(?!_)[a-z_]+$' }, /^pattern \/\^\(\?!_\)\[a-z_\]\+\$\/ cannot run in linear time \(RE2\), as cdp runs every pattern: the negative lookahead \(\?!…\) at character 2$/],
    [{ pattern: '^(a)\\1$' }, /the backreference \\1 at character 5$/],
    [{ pattern: 42 }, /needs a "pattern" string/],
    [{}, /needs a "pattern" string/],
    [{ pattern: 'a', descripton: 'typo' }, /unknown key "descripton"/],
    [{ pattern: 'a', description: 3 }, /"description" must be a string/],
    [42, /not 42/],
    [null, /not null/],
    [['snake_case'], /not \["snake_case"\]/],
  ])('%j is an error', (value, message) => {
    const result = parseConvention(value);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('checkName', () => {
  it.each<[string, Convention, boolean, string | undefined]>([
    ['order_id', 'snake_case', true, undefined],
    ['orderId', 'snake_case', false, 'order_id'],
    ['Order ID', 'snake_case', false, 'order_id'],
    ['order_id', 'camelCase', false, 'orderId'],
    ['order_id', 'PascalCase', false, 'OrderId'],
    ['order_id', 'kebab-case', false, 'order-id'],
    ['order_id', 'SCREAMING_SNAKE_CASE', false, 'ORDER_ID'],
    ['order_completed', 'Title Case', false, 'Order Completed'],
    ['Order Completed', 'object-action', true, undefined],
    ['Complete Order', 'object-action', false, 'Order Completed'],
    ['2fa_enabled', 'snake_case', false, undefined],
    ['anything at all', 'off', true, undefined],
  ])('%j against %j', (name, convention, ok, suggestion) => {
    const result = checkName(name, convention);
    expect(result.ok).toBe(ok);
    expect(result.suggestion).toBe(suggestion);
    if (!ok) expect(result.reason).toBeTruthy();
  });

  it('gives the case-style reason', () => {
    expect(checkName('orderId', 'snake_case').reason).toBe('is not in snake_case');
  });

  it('checks patterns without a suggestion', () => {
    const convention = parsed({ pattern: '^[a-z]+(_[a-z]+)*$' });
    expect(checkName('order_id', convention)).toEqual({ ok: true });
    expect(checkName('orderId', convention)).toEqual({ ok: false, reason: 'does not match the pattern /^[a-z]+(_[a-z]+)*$/' });
  });

  it('compiles a pattern once per convention object, including ones not made by parseConvention', () => {
    const convention = { pattern: '^\\p{Lu}' };
    expect(checkName('Order', convention).ok).toBe(true);
    expect(checkName('order', convention).ok).toBe(false);
  });

  it("reports Segment's camelCase reserved identify traits under snake_case (callers exempt them)", () => {
    const camel = Object.keys(RESERVED_IDENTIFY_TRAITS).filter((k) => /[A-Z]/.test(k));
    expect(camel).toEqual(expect.arrayContaining(['firstName', 'lastName', 'createdAt']));
    for (const trait of camel) {
      expect(checkName(trait, 'snake_case')).toMatchObject({ ok: false, reason: 'is not in snake_case' });
    }
  });

  const conventions: Convention[] = ['object-action', ...CASE_STYLES];
  for (const convention of conventions) {
    it.each(MESSY_NAMES)(`%j: a ${convention} suggestion passes ${convention} and differs from the input`, (name) => {
      const result = checkName(name, convention);
      if (result.suggestion === undefined) return;
      expect(result.ok).toBe(false);
      expect(result.suggestion).not.toBe(name);
      expect(checkName(result.suggestion, convention)).toEqual({ ok: true });
    });
  }
});

describe('describeConvention', () => {
  it.each<[Convention, string]>([
    ['snake_case', 'snake_case'],
    ['Title Case', 'Title Case'],
    ['object-action', 'Object Action ("Order Completed")'],
    [{ pattern: '^[a-z_]+$' }, 'the pattern /^[a-z_]+$/'],
    [{ pattern: '^ev_', description: 'prefixed with ev_' }, 'prefixed with ev_ (the pattern /^ev_/)'],
    ['off', 'no convention'],
  ])('%j → %j', (convention, text) => {
    expect(describeConvention(convention)).toBe(text);
  });
});
