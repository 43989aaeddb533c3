/**
 * The letter classes names are judged by. Unicode-aware, so that names in any script split and
 * match sensibly; but a regular expression made of Unicode property classes costs tens of
 * milliseconds to compile on first use, once per expression, and most names are plain ASCII. So
 * each pattern is built twice from one template: with the ASCII members of each class (exactly
 * what the Unicode class matches among ASCII characters) for ASCII names, and with the Unicode
 * classes, compiled only when a name needs them.
 */
export interface LetterClasses {
  /** Upper- and title-case letters. */
  upper: string;
  lower: string;
  /** Letters without case (CJK, Arabic, modifier letters) and combining marks. */
  caseless: string;
  digit: string;
}

export const UNICODE_CLASSES: LetterClasses = { upper: '\\p{Lu}\\p{Lt}', lower: '\\p{Ll}', caseless: '\\p{Lm}\\p{Lo}\\p{M}', digit: '\\p{N}' };

/** No ASCII character is a caseless letter or a mark; in a character class, '' adds nothing. */
export const ASCII_CLASSES: LetterClasses = { upper: 'A-Z', lower: 'a-z', caseless: '', digit: '0-9' };

const ASCII = /^[\x00-\x7f]*$/;

export class NamePattern {
  readonly #ascii: RegExp;
  #unicode: RegExp | undefined;

  /** `source` writes the pattern with the classes it is given; `flags` must include `u`. */
  constructor(
    private readonly source: (classes: LetterClasses) => string,
    private readonly flags: string,
  ) {
    this.#ascii = new RegExp(source(ASCII_CLASSES), flags);
  }

  /** The expression for `text`: the ASCII one when `text` is ASCII. */
  for(text: string): RegExp {
    return ASCII.test(text) ? this.#ascii : (this.#unicode ??= new RegExp(this.source(UNICODE_CLASSES), this.flags));
  }

  test(text: string): boolean {
    return this.for(text).test(text);
  }
}
