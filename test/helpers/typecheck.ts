import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

export interface TsDiagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/** The strictest settings a project commonly adds on top of `strict`. */
export const STRICTEST: ts.CompilerOptions = {
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
};

/**
 * Type-checks the given files (path -> source) as one program, the way a user's project would:
 * `strict` (plus `extra`), ES2020 library only (no DOM, no Node.js types), bundler module resolution.
 */
export function typecheck(files: Record<string, string>, extra: ts.CompilerOptions = {}): TsDiagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-tsc-'));
  const roots: string[] = [];
  for (const [path, source] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, source);
    roots.push(full);
  }
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2020.d.ts'],
    types: [],
    ...extra,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? relative(dir, d.file.fileName) : '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
