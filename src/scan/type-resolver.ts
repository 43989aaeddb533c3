import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Node, Project, ts, type SourceFile, type Type } from 'ts-morph';
import type { SyntaxProblem } from './extract-calls.js';
import { SPREAD_KEY, UNKNOWN, type NameValue, type NodeRef, type Value } from './types.js';

/** Nested types deeper than this are not expanded into keys. */
const MAX_DEPTH = 6;

/** Used when there is no tsconfig.json, or when it cannot be read. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  allowJs: true,
};

export interface TsconfigProblem extends SyntaxProblem {
  file: string;
}

/**
 * The type checker, brought in only for what syntax could not resolve: one ts-morph project with
 * the files that need it (and what they import), under the nearest tsconfig.json's options.
 */
export class TypeResolver {
  readonly #project: Project;
  readonly #files = new Map<string, SourceFile>();
  /** Set when tsconfig.json exists but cannot be used; default options apply instead. */
  readonly tsconfigProblem: TsconfigProblem | undefined;

  /** `texts`: the text to check for each file (a component's script blocks, or the file itself). */
  constructor(cwd: string, texts: ReadonlyMap<string, string>) {
    const { options, problem } = compilerOptions(cwd);
    this.tsconfigProblem = problem;
    this.#project = new Project({ compilerOptions: { ...options, allowJs: true, noEmit: true }, skipAddingFilesFromTsConfig: true });
    for (const [file, text] of texts) {
      // Components are checked as the TypeScript of their script blocks, under a name TypeScript accepts.
      const name = /\.(vue|svelte)$/.test(file) ? `${file}.ts` : file;
      this.#files.set(file, this.#project.createSourceFile(name, text, { overwrite: true }));
    }
    this.#project.resolveSourceFileDependencies();
  }

  settleName(name: NameValue): NameValue {
    if (name.kind !== 'deferred') return name;
    let out = '';
    for (const part of name.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const type = this.#typeAt(part);
      const literal = type && literalOf(type);
      if (literal === undefined || literal === null || typeof literal === 'boolean') return { kind: 'dynamic', text: name.text };
      out += String(literal);
    }
    return { kind: 'known', name: out };
  }

  settleValue(value: Value): Value {
    switch (value.kind) {
      case 'deferred': {
        const node = this.#nodeAt(value.node);
        return node ? typeToValue(node.getType(), node, 0) : UNKNOWN;
      }
      case 'array':
        return { kind: 'array', items: value.items.map((v) => this.settleValue(v)) };
      case 'object': {
        const merged = new Map<string, Value>();
        let open = value.open;
        for (const [key, v] of value.entries) {
          const settled = this.settleValue(v);
          if (!(v.kind === 'deferred' && v.spread)) merged.set(key, settled);
          else if (settled.kind === 'object') {
            for (const [k, inner] of settled.entries) merged.set(k, inner);
            open ||= settled.open;
          } else open = true;
        }
        merged.delete(SPREAD_KEY);
        return { kind: 'object', entries: [...merged], open };
      }
      default:
        return value;
    }
  }

  #nodeAt(ref: NodeRef): Node | undefined {
    return this.#files.get(ref.file)?.getDescendantAtStartWithWidth(ref.start, ref.width);
  }

  #typeAt(ref: NodeRef): Type | undefined {
    return this.#nodeAt(ref)?.getType();
  }
}

function literalOf(type: Type): string | number | boolean | null | undefined {
  if (type.isStringLiteral() || type.isNumberLiteral()) return type.getLiteralValue() as string | number;
  if (type.isBooleanLiteral()) return type.getText() === 'true';
  if (type.isNull()) return null;
  return undefined;
}

/** What a type says about the value: its literal, or its keys (optional ones included: they may be sent). */
function typeToValue(type: Type, at: Node, depth: number): Value {
  const literal = literalOf(type);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  if (type.isUnion()) {
    const defined = type.getUnionTypes().filter((t) => !t.isUndefined());
    return defined.length === 1 ? typeToValue(defined[0]!, at, depth) : UNKNOWN;
  }
  if (depth >= MAX_DEPTH || type.isAny() || type.isUnknown()) return UNKNOWN;
  if (type.isArray()) {
    const element = typeToValue(type.getArrayElementTypeOrThrow(), at, depth + 1);
    return { kind: 'array', items: element.kind === 'unknown' ? [] : [element] };
  }
  if (!type.isObject() || type.getCallSignatures().length > 0 || declaredInLibrary(type)) return UNKNOWN;
  const entries: Array<[string, Value]> = type.getProperties().map((p) => [p.getName(), typeToValue(p.getTypeAtLocation(at), at, depth + 1)]);
  return { kind: 'object', entries, open: type.getStringIndexType() !== undefined || type.getNumberIndexType() !== undefined };
}

/** Types from declaration files (Date, Map, a library's classes) are not payload shapes the plan describes. */
function declaredInLibrary(type: Type): boolean {
  const declaration = (type.getSymbol() ?? type.getAliasSymbol())?.getDeclarations()[0];
  return declaration !== undefined && declaration.getSourceFile().isDeclarationFile();
}

/** Options of the tsconfig.json nearest to cwd; defaults (and the reason) when there is none or it is broken. */
function compilerOptions(cwd: string): { options: ts.CompilerOptions; problem?: TsconfigProblem } {
  const file = findUp(cwd, 'tsconfig.json');
  if (!file) return { options: DEFAULT_OPTIONS };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) {
    const source = read.error.file;
    const position = source && read.error.start !== undefined ? source.getLineAndCharacterOfPosition(read.error.start) : { line: 0, character: 0 };
    return {
      options: DEFAULT_OPTIONS,
      problem: { file, line: position.line + 1, column: position.character + 1, message: ts.flattenDiagnosticMessageText(read.error.messageText, ' ').replace(/\.$/, '') },
    };
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file), undefined, file);
  return { options: { ...DEFAULT_OPTIONS, ...parsed.options } };
}

function findUp(dir: string, name: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}
