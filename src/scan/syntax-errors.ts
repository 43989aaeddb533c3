import { ts } from 'ts-morph';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * The first syntax error of each file that has one, by file name, through one program of all the
 * files (no libraries, no imports followed: the parser's findings are all that is asked for), or
 * the error TypeScript threw while looking into that file.
 */
export function firstSyntaxErrors(sources: readonly ts.SourceFile[]): Map<string, SyntaxProblem | { error: unknown }> {
  const byName = new Map(sources.map((s) => [s.fileName, s]));
  const host: ts.CompilerHost = {
    getSourceFile: (name) => byName.get(name),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => byName.has(name),
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [...byName.keys()], options: { noLib: true, noResolve: true, allowJs: true, types: [] }, host });
  const out = new Map<string, SyntaxProblem | { error: unknown }>();
  for (const source of sources) {
    let first: ts.Diagnostic | undefined;
    try {
      [first] = program.getSyntacticDiagnostics(source);
    } catch (error) {
      out.set(source.fileName, { error });
      continue;
    }
    if (!first) continue;
    const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
    out.set(source.fileName, { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '') });
  }
  return out;
}
