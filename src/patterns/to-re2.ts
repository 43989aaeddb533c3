import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';

// The parser (110 KB) loads on the first pattern parsed: a lint whose validators come from the plan
// cache runs their patterns as the cache says, without parsing them.
type Regexpp = typeof import('@eslint-community/regexpp');
let regexpp: Regexpp | undefined;
const loadRegexpp = () => (regexpp ??= createRequire(import.meta.url)('@eslint-community/regexpp') as Regexpp);
import { re2js } from './re2js.js';

/**
 * What keeps a pattern from running on RE2: the construct (`message`, a noun phrase such as "the
 * backreference \\1") at `offset`, 0-based in the pattern as written, when known.
 */
export interface PatternProblem {
  offset?: number;
  message: string;
}

export type Re2Translation = { source: string } | { problem: PatternProblem };

/** RE2's limit on a counted repetition (`a{1001}`), and on counts nested in one another (`(a{100}){11}`). */
const MAX_REPEAT = 1000;
const MAX_CODE_POINT = 0x10ffff;

type Range = readonly [number, number];

// JavaScript's \s: WhiteSpace and LineTerminator (RE2's \s is only [\t\n\f\r ]).
const SPACE: readonly Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const DIGIT: readonly Range[] = [[0x30, 0x39]];
// \w under the `u` flag without `i` is ASCII, as in RE2; spelled out so that no flag can change it.
const WORD: readonly Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
// `.` without the `s` flag stops at every JavaScript line terminator, RE2's only at \n.
const LINE_TERMINATORS: readonly Range[] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

/** Long General_Category values JavaScript accepts, as the short names RE2 knows. */
const GENERAL_CATEGORIES: Readonly<Record<string, string>> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
};

class Untranslatable extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

let parser: RegExpParser | undefined;

/** A pattern's syntax tree as JSON Schema reads it (`u` flag); throws regexpp's RegExpSyntaxError. */
export function parsePattern(pattern: string): AST.Pattern {
  parser ??= new (loadRegexpp().RegExpParser)({ ecmaVersion: 2025 });
  return parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
}

/**
 * The RE2 spelling of a JSON Schema `pattern` as ajv runs it (a JavaScript regular expression with
 * the `u` flag, searched anywhere in the string), matching exactly the strings it matches; or why
 * there is none: a construct RE2 lacks, a count past its limits, a script it does not know.
 */
export function toRe2(pattern: string): Re2Translation {
  let ast: AST.Pattern;
  try {
    ast = parsePattern(pattern);
  } catch (error) {
    if (!(error instanceof loadRegexpp().RegExpSyntaxError)) throw error;
    return { problem: { offset: Math.min(error.index, pattern.length), message: error.message.replace(/^Invalid regular expression: \/.*\/u: /s, '') } };
  }
  try {
    return { source: disjunction(ast.alternatives, MAX_REPEAT) };
  } catch (error) {
    if (!(error instanceof Untranslatable)) throw error;
    return { problem: { offset: error.offset, message: error.message } };
  }
}

/** `repeats`: how many times a counted repetition may still repeat, given those it is nested in. */
function disjunction(alternatives: AST.Alternative[], repeats: number): string {
  return alternatives.map((a) => a.elements.map((e) => element(e, repeats)).join('')).join('|');
}

function element(node: AST.Element, repeats: number): string {
  switch (node.type) {
    case 'Group':
      if (node.modifiers) throw new Untranslatable(node.start, `the modifier group ${node.raw.slice(0, node.modifiers.end - node.start + 1)}`);
      return `(?:${disjunction(node.alternatives, repeats)})`;
    case 'CapturingGroup':
      // Only whether a pattern matches counts, so no group needs to capture.
      return `(?:${disjunction(node.alternatives, repeats)})`;
    case 'Quantifier': {
      const count = counted(node, repeats);
      return element(node.element, count > 0 ? Math.floor(repeats / count) : repeats) + quantifier(node);
    }
    case 'Assertion':
      return assertion(node);
    case 'Backreference':
      throw new Untranslatable(node.start, `the backreference ${node.raw}`);
    case 'Character':
      return codePoint(node.value);
    case 'CharacterClass':
      // Parsed without the `v` flag, a class holds no set operations or strings.
      return characterClass(node as AST.ClassRangesCharacterClass);
    case 'CharacterSet':
      return characterSet(node);
    default:
      throw new Untranslatable(node.start, `the ${node.type}`);
  }
}

/** The count RE2 holds a counted repetition (`{n,m}`, not `*`, `+`, `?`) to: m, or n when open. */
function counted(node: AST.Quantifier, repeats: number): number {
  const text = node.raw.slice(node.element.end - node.start);
  if (!text.startsWith('{')) return 0;
  const { min, max } = node;
  if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new Untranslatable(node.element.end, `the repetition ${text}, past RE2's limit of ${MAX_REPEAT}`);
  const count = max === Infinity ? min : max;
  if (count > repeats) throw new Untranslatable(node.element.end, `the repetition ${text}, whose count times those it is nested in passes RE2's limit of ${MAX_REPEAT}`);
  return count;
}

function quantifier(node: AST.Quantifier): string {
  const { min, max } = node;
  const lazy = node.greedy ? '' : '?';
  if (max === Infinity) return (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`) + lazy;
  if (min === 0 && max === 1) return `?${lazy}`;
  return (min === max ? `{${min}}` : `{${min},${max}}`) + lazy;
}

function assertion(node: AST.Assertion): string {
  switch (node.kind) {
    case 'start':
      return '^';
    case 'end':
      return '$';
    case 'word':
      return node.negate ? '\\B' : '\\b';
    case 'lookahead':
    case 'lookbehind': {
      const name = `${node.negate ? 'negative ' : ''}${node.kind}`;
      throw new Untranslatable(node.start, `the ${name} ${node.raw.slice(0, node.kind === 'lookahead' ? 3 : 4)}…)`);
    }
  }
}

function codePoint(value: number): string {
  return /[A-Za-z0-9 _]/.test(String.fromCodePoint(value)) ? String.fromCodePoint(value) : `\\x{${value.toString(16)}}`;
}

function rangesText(ranges: readonly Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? codePoint(lo) : `${codePoint(lo)}-${codePoint(hi)}`)).join('');
}

/** Code points 0..MAX not in `ranges` (sorted, disjoint). */
function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function escapeRanges(node: AST.EscapeCharacterSet): readonly Range[] {
  const ranges = node.kind === 'digit' ? DIGIT : node.kind === 'space' ? SPACE : WORD;
  return node.negate ? complement(ranges) : ranges;
}

/** What goes between the brackets of a class for one of its elements. */
function classItem(node: AST.ClassRangesCharacterClassElement): string {
  switch (node.type) {
    case 'Character':
      return codePoint(node.value);
    case 'CharacterClassRange':
      return `${codePoint(node.min.value)}-${codePoint(node.max.value)}`;
    case 'CharacterSet':
      return node.kind === 'property' ? property(node) : rangesText(escapeRanges(node));
  }
}

const EVERYTHING = `\\x{0}-\\x{${MAX_CODE_POINT.toString(16)}}`;

function characterClass(node: AST.ClassRangesCharacterClass): string {
  const items = node.elements.map(classItem).join('');
  // RE2 has no `[]` (nothing) or `[^]` (anything).
  if (items === '') return node.negate ? `[${EVERYTHING}]` : `[^${EVERYTHING}]`;
  return `[${node.negate ? '^' : ''}${items}]`;
}

function characterSet(node: AST.CharacterSet): string {
  switch (node.kind) {
    case 'any':
      return `[^${rangesText(LINE_TERMINATORS)}]`;
    case 'property':
      return property(node);
    default:
      return `[${rangesText(escapeRanges(node))}]`;
  }
}

/** Whether RE2 knows a script (its names are the long ones, `Greek`; JavaScript also takes `Grek`). */
function re2Knows(escape: string): boolean {
  try {
    re2js().compile(escape);
    return true;
  } catch {
    return false;
  }
}

function property(node: AST.UnicodePropertyCharacterSet): string {
  const p = node.negate ? 'P' : 'p';
  const { key, value } = node;
  if (value === null) {
    if (key === 'Any') return `\\${p}{Any}`;
    if (key === 'ASCII') return `[${node.negate ? '^' : ''}\\x{0}-\\x{7f}]`;
    throw new Untranslatable(node.start, `the Unicode property ${node.raw}, which RE2 does not know (it knows General_Category values and scripts by their long names)`);
  }
  if (key === 'General_Category' || key === 'gc') return `\\${p}{${GENERAL_CATEGORIES[value] ?? value}}`;
  if ((key === 'Script' || key === 'sc') && re2Knows(`\\p{${value}}`)) return `\\${p}{${value}}`;
  throw new Untranslatable(node.start, `the Unicode property ${node.raw}, which RE2 does not know (it knows General_Category values and scripts by their long names)`);
}
