import { ts } from 'ts-morph';

/**
 * Parses a file as the scan needs it: no parent pointers (nothing walks up the tree; the type
 * checker's binder sets them when it runs) and JSDoc only where it carries types (in JavaScript
 * files): scanning JSDoc comments is a large share of parsing, and tracking calls never live there.
 */
export function parseSource(fileName: string, text: string, kind?: ts.ScriptKind): ts.SourceFile {
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, false, kind);
}
