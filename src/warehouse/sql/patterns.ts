import { toRe2 } from '../../patterns/to-re2.js';
import type { RegexFlavor } from './dialect.js';

export type PatternTranslation = { source: string } | { problem: string };

/** Characters that mean something outside a bracket expression of a POSIX ERE. */
const ERE_SPECIAL = new Set('.[]()*+?{}|^$\\');
/** Characters that would need an escape inside a bracket expression, which POSIX does not define. */
const BRACKET_SPECIAL = new Set(']\\^-[');

/**
 * A JSON Schema `pattern` (an ECMAScript regular expression with the `u` flag, searched anywhere in
 * the string) in the given flavor, matching the same strings; or why it cannot be written there.
 * It goes through the RE2 translation first, whose output escapes every character other than
 * `[A-Za-z0-9 _]` as `\x{…}`: every backslash in it starts one of `\x{…}`, `\b`, `\B`, `\p{…}`,
 * `\P{…}`, which is what makes the rewriting below safe.
 */
export function translatePattern(pattern: string, flavor: RegexFlavor): PatternTranslation {
  const re2 = toRe2(pattern);
  if ('problem' in re2) return { problem: re2.problem.message };
  // Perl-compatible engines (Redshift's 'p' mode) read RE2's syntax as it is.
  if (flavor === 're2' || flavor === 'pcre') return { source: re2.source };
  try {
    return { source: rewrite(re2.source, flavor) };
  } catch (error) {
    if (error instanceof Untranslatable) return { problem: error.message };
    throw error;
  }
}

class Untranslatable extends Error {}

const TOKEN = /\\x\{([0-9a-f]+)\}|\\[bB]|\\[pP]\{[^}]*\}|\(\?:|[*+?}]\?|./gsy;

function rewrite(source: string, flavor: 'postgres' | 'posix'): string {
  let out = '';
  let inClass = false;
  for (const match of source.matchAll(TOKEN)) {
    const token = match[0];
    if (match[1] !== undefined) {
      const next = source[match.index + token.length];
      out += flavor === 'postgres' ? postgresCodePoint(parseInt(match[1], 16), inClass && next === '-') : posixCodePoint(parseInt(match[1], 16), inClass);
    } else if (token === '\\b' || token === '\\B') {
      // PostgreSQL's \b is a backspace; its word boundaries are \y and \Y.
      out += flavor === 'postgres' ? (token === '\\b' ? '\\y' : '\\Y') : token;
    } else if (token.startsWith('\\p') || token.startsWith('\\P')) {
      throw new Untranslatable(`the Unicode property ${token}, which ${flavorName(flavor)} regular expressions do not know`);
    } else if (token === '(?:') {
      // POSIX has no non-capturing group; capturing changes nothing when only a match counts.
      out += flavor === 'posix' ? '(' : token;
    } else if (token.length === 2 && token.endsWith('?')) {
      // Snowflake has no lazy quantifiers; laziness changes what is matched, never whether.
      out += flavor === 'posix' ? token[0] : token;
    } else {
      if (token === '[' && !inClass) inClass = true;
      else if (token === ']' && inClass) inClass = false;
      out += token;
    }
  }
  return out;
}

function flavorName(flavor: 'postgres' | 'posix'): string {
  return flavor === 'postgres' ? 'PostgreSQL' : 'Snowflake';
}

/**
 * PostgreSQL's \u and \U take exactly 4 and 8 hex digits. Text never holds NUL there, so a range
 * from NUL starts at U+0001 instead; NUL alone can never match and has no spelling.
 */
function postgresCodePoint(codePoint: number, startsRange: boolean): string {
  if (codePoint === 0) {
    if (!startsRange) throw new Untranslatable('the NUL character, which PostgreSQL text cannot hold');
    return '\\u0001';
  }
  return codePoint <= 0xffff ? `\\u${codePoint.toString(16).padStart(4, '0')}` : `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

/** POSIX has no code point escapes: the character itself, escaped where it is an operator. */
function posixCodePoint(codePoint: number, inClass: boolean): string {
  if (codePoint === 0) throw new Untranslatable('the NUL character, which Snowflake strings cannot hold');
  const char = String.fromCodePoint(codePoint);
  if (inClass) {
    if (BRACKET_SPECIAL.has(char)) throw new Untranslatable(`"${char}" inside a character class, which POSIX bracket expressions cannot escape`);
    return char;
  }
  return ERE_SPECIAL.has(char) ? `\\${char}` : char;
}
