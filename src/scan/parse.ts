import { ts } from 'ts-morph';
import { failureReason } from '../rules/internal/check-failed.js';
import type { SyntaxProblem } from './syntax-errors.js';

/**
 * Parses a file as the scan needs it: no parent pointers (nothing walks up the tree; the type
 * checker's binder sets them when it runs) and JSDoc only where it carries types (in JavaScript
 * files): scanning JSDoc comments is a large share of parsing, and tracking calls never live there.
 */
export function parseSource(fileName: string, text: string, kind?: ts.ScriptKind): ts.SourceFile {
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, false, kind);
}

/**
 * `parseSource`, or where the parser failed when it throws: TypeScript's parser recurses once per
 * level of nesting, and code nested a few thousand levels deep (`[[[…]]]`, `(1+(1+…))`) runs it
 * out of stack. The place is the shortest start of the text the parser fails on, found by
 * bisection: the point where the nesting got too deep, whatever construct nests.
 */
export function tryParse(fileName: string, text: string, kind?: ts.ScriptKind): { source: ts.SourceFile } | { problem: SyntaxProblem } {
  let error: unknown;
  try {
    return { source: parseSource(fileName, text, kind) };
  } catch (thrown) {
    error = thrown;
  }
  let fits = 0;
  let fails = text.length;
  while (fails - fits > 1) {
    const middle = (fits + fails) >>> 1;
    try {
      parseSource(fileName, text.slice(0, middle), kind);
      fits = middle;
    } catch {
      fails = middle;
    }
  }
  const message = isStackOverflow(error) ? 'the code nests too deep for the TypeScript parser here' : `the TypeScript parser failed here (${failureReason(error)})`;
  return { problem: { ...lineAndColumn(text, Math.max(0, fails - 1)), message } };
}

/** 1-based line and column of a position, lines ending as TypeScript ends them. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < position; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: position - start + 1 };
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
