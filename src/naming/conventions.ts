import { CASE_STYLES, isCase, toCase, type CaseStyle } from './case.js';
import { compileLinear, describeProblem, type LinearRegExp } from '../patterns/linear-regexp.js';
import { closest } from './distance.js';
import { checkObjectAction, type NamingResult } from './object-action.js';

export type { NamingResult } from './object-action.js';

export type ConventionName = 'object-action' | CaseStyle;
export type Convention = ConventionName | { pattern: string; description?: string } | 'off';

/**
 * Spellings accepted for each convention, compared after lower-casing and dropping spaces, `_`
 * and `-` (so "snake_case", "snake-case", "Snake Case" and "snake" all work).
 */
const ALIASES: Readonly<Record<string, ConventionName | 'off'>> = {
  objectaction: 'object-action',
  snakecase: 'snake_case',
  snake: 'snake_case',
  camelcase: 'camelCase',
  camel: 'camelCase',
  pascalcase: 'PascalCase',
  pascal: 'PascalCase',
  kebabcase: 'kebab-case',
  kebab: 'kebab-case',
  titlecase: 'Title Case',
  title: 'Title Case',
  screamingsnakecase: 'SCREAMING_SNAKE_CASE',
  screamingsnake: 'SCREAMING_SNAKE_CASE',
  screaming: 'SCREAMING_SNAKE_CASE',
  uppersnakecase: 'SCREAMING_SNAKE_CASE',
  constantcase: 'SCREAMING_SNAKE_CASE',
  constant: 'SCREAMING_SNAKE_CASE',
  off: 'off',
};

const CANONICAL: readonly string[] = ['object-action', ...CASE_STYLES, 'off'];
const ALIAS_SEPARATORS = /[\s_-]+/g;

// Compiled once per convention object: checkName runs per distinct name on big inputs.
const compiled = new WeakMap<object, LinearRegExp>();

/**
 * A convention's pattern as JSON Schema's `pattern` is compiled, so one regex means the same in
 * both places: the `u` flag, run in linear time, since it runs on every event name and key a log
 * holds. The message says why a pattern cannot be used.
 */
function compile(pattern: string): LinearRegExp | { error: string } {
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return { error: `invalid pattern /${pattern}/: ${(err as Error).message}` };
  }
  const linear = compileLinear(pattern);
  if ('problem' in linear) return { error: `pattern /${pattern}/ cannot run in linear time (RE2), as cdp runs every pattern: ${describeProblem(linear.problem)}` };
  return linear.regexp;
}

function patternOf(convention: { pattern: string }): LinearRegExp {
  let regex = compiled.get(convention);
  if (regex === undefined) {
    const result = compile(convention.pattern);
    if ('error' in result) throw new Error(result.error);
    regex = result;
    compiled.set(convention, regex);
  }
  return regex;
}

/**
 * Reads a convention from configuration: one of the names in CANONICAL or an alias, `false` for
 * 'off', or `{ pattern, description? }` whose regex must compile.
 */
export function parseConvention(value: unknown): { convention: Convention } | { error: string } {
  if (value === false) return { convention: 'off' };
  if (typeof value === 'string') {
    const convention = ALIASES[value.toLowerCase().replace(ALIAS_SEPARATORS, '')];
    if (convention !== undefined) return { convention };
    const hint = closest(value, CANONICAL, 3);
    return {
      error:
        `unknown naming convention "${value}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}; ` +
        `expected one of ${CANONICAL.join(', ')} or { pattern: "<regex>" }`,
    };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return parsePattern(value as Record<string, unknown>);
  }
  return {
    error: `a naming convention is a name such as "snake_case" or { pattern: "<regex>" }, not ${JSON.stringify(value)}`,
  };
}

function parsePattern(value: Record<string, unknown>): { convention: Convention } | { error: string } {
  const extra = Object.keys(value).find((key) => key !== 'pattern' && key !== 'description');
  if (extra !== undefined) {
    return { error: `unknown key "${extra}" in a naming convention (allowed: pattern, description)` };
  }
  const { pattern, description } = value;
  if (typeof pattern !== 'string') return { error: 'a custom naming convention needs a "pattern" string' };
  if (description !== undefined && typeof description !== 'string') return { error: '"description" must be a string' };
  const regex = compile(pattern);
  if ('error' in regex) return regex;
  const convention = description === undefined ? { pattern } : { pattern, description };
  compiled.set(convention, regex);
  return { convention };
}

/** Checks `name` against `convention`. Case styles suggest the converted name when that passes. */
export function checkName(name: string, convention: Convention): NamingResult {
  if (convention === 'off') return { ok: true };
  if (convention === 'object-action') return checkObjectAction(name);
  if (typeof convention === 'object') {
    if (patternOf(convention).test(name)) return { ok: true };
    return { ok: false, reason: `does not match ${describeConvention(convention)}` };
  }
  if (isCase(name, convention)) return { ok: true };
  const reason = `is not in ${convention}`;
  const suggestion = toCase(name, convention);
  return suggestion !== name && isCase(suggestion, convention)
    ? { ok: false, suggestion, reason }
    : { ok: false, reason };
}

/** How messages name a convention: 'snake_case', 'Object Action ("Order Completed")', 'the pattern /^…$/'. */
export function describeConvention(convention: Convention): string {
  if (convention === 'off') return 'no convention';
  if (convention === 'object-action') return 'Object Action ("Order Completed")';
  if (typeof convention === 'object') {
    const pattern = `the pattern /${convention.pattern}/`;
    return convention.description === undefined ? pattern : `${convention.description} (${pattern})`;
  }
  return convention;
}
