import { NamePattern } from './name-pattern.js';
import { splitWords } from './words.js';

export type CaseStyle =
  | 'snake_case'
  | 'camelCase'
  | 'PascalCase'
  | 'kebab-case'
  | 'Title Case'
  | 'SCREAMING_SNAKE_CASE';

export const CASE_STYLES: readonly CaseStyle[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'Title Case',
  'SCREAMING_SNAKE_CASE',
];

/** Lower-case in Title Case unless they open or close the name ("Product Added to Wishlist"). */
export const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'from', 'with', 'by', 'as', 'at', 'vs',
]);

// Unicode-aware, like splitWords: caseless letters (CJK, ...) fit every style, since case cannot
// be wrong for them; the styles constrain only the letters that have case.
const STYLE_PATTERNS: Readonly<Record<Exclude<CaseStyle, 'Title Case' | 'PascalCase'>, NamePattern>> = {
  snake_case: new NamePattern(({ lower, caseless, digit }) => `^[${lower}${caseless}][${lower}${caseless}${digit}]*(?:_[${lower}${caseless}${digit}]+)*$`, 'u'),
  'kebab-case': new NamePattern(({ lower, caseless, digit }) => `^[${lower}${caseless}][${lower}${caseless}${digit}]*(?:-[${lower}${caseless}${digit}]+)*$`, 'u'),
  SCREAMING_SNAKE_CASE: new NamePattern(({ upper, caseless, digit }) => `^[${upper}${caseless}][${upper}${caseless}${digit}]*(?:_[${upper}${caseless}${digit}]+)*$`, 'u'),
  camelCase: new NamePattern(({ upper, lower, caseless, digit }) => `^[${lower}${caseless}][${upper}${lower}${caseless}${digit}]*$`, 'u'),
};

const PASCAL_SHAPE = new NamePattern(({ upper, lower, caseless, digit }) => `^[${upper}${caseless}][${upper}${lower}${caseless}${digit}]*$`, 'u');
const CAPITALISED = new NamePattern(({ upper, lower, caseless, digit }) => `^[${upper}][${lower}${caseless}${digit}]*$`, 'u');
const LOWER_WORD = new NamePattern(({ lower }) => `^[${lower}]+$`, 'u');
const CASELESS = new NamePattern(({ caseless, digit }) => `^[${caseless}][${caseless}${digit}]*$`, 'u');
// Digits have no case, so "404" or "2FA" is as capitalised as a word that starts with one can be.
const NUMERIC_LEAD = new NamePattern(({ upper, lower, caseless, digit }) => `^[${digit}][${digit}${upper}${lower}${caseless}]*$`, 'u');
// URL, SKU, API, MP3, B2B, IDs: kept as written in Title Case and PascalCase.
const ACRONYM = new NamePattern(({ upper, digit }) => `^[${upper}][${upper}${digit}]{1,4}s?$`, 'u');
const HAS_LOWER = new NamePattern(({ lower }) => `[${lower}]`, 'u');

/** Whether `word` is an all-caps acronym of 2–5 characters (optionally plural: "IDs"). */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

function capitalise(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return first.toUpperCase() + word.slice(first.length).toLowerCase();
}

/** A word as Title Case and PascalCase want it: capitalised, or left alone if it is an acronym ("URL", "3D"). */
function titleWord(word: string, keepAcronyms: boolean): string {
  return keepAcronyms && (isAcronym(word) || NUMERIC_LEAD.test(word)) ? word : capitalise(word);
}

function isTitleWord(word: string): boolean {
  return CAPITALISED.test(word) || isAcronym(word) || CASELESS.test(word) || NUMERIC_LEAD.test(word);
}

/** Converts `name` to `style`. Acronyms survive in Title Case and PascalCase unless the whole name is upper case. */
export function toCase(name: string, style: CaseStyle): string {
  const words = splitWords(name);
  // In ORDER_COMPLETED every word looks like an acronym; only a name with lower case in it tells
  // acronyms apart from shouting.
  const keepAcronyms = HAS_LOWER.test(name);
  switch (style) {
    case 'snake_case':
      return words.map((w) => w.toLowerCase()).join('_');
    case 'kebab-case':
      return words.map((w) => w.toLowerCase()).join('-');
    case 'SCREAMING_SNAKE_CASE':
      return words.map((w) => w.toUpperCase()).join('_');
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalise(w))).join('');
    case 'PascalCase':
      return words.map((w) => titleWord(w, keepAcronyms)).join('');
    case 'Title Case':
      return words
        .map((w, i) => {
          const lower = w.toLowerCase();
          const inner = i > 0 && i < words.length - 1;
          return inner && TITLE_SMALL_WORDS.has(lower) ? lower : titleWord(w, keepAcronyms);
        })
        .join(' ');
  }
}

/** Whether `name` is written in `style` (see the module's patterns; digits are allowed inside words). */
export function isCase(name: string, style: CaseStyle): boolean {
  switch (style) {
    case 'Title Case':
      return isTitleCase(name);
    case 'PascalCase':
      return PASCAL_SHAPE.test(name) && splitWords(name).every(isTitleWord);
    default:
      return STYLE_PATTERNS[style].test(name);
  }
}

function isTitleCase(name: string): boolean {
  const parts = name.split(' ');
  return parts.every((part, i) => {
    if (part === '') return false;
    const inner = i > 0 && i < parts.length - 1;
    if (inner && TITLE_SMALL_WORDS.has(part.toLowerCase())) return LOWER_WORD.test(part);
    return isTitleWord(part);
  });
}
