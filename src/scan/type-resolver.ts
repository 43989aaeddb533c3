import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { MAX_CHECKED_DEPTH } from '../rules/scan/too-deep.js';
import { tryParse } from './parse.js';
import { nodeDeeperThan } from './syntax.js';
import type { SyntaxProblem } from './syntax-errors.js';
import { UNKNOWN, type NameValue, type Value } from './types.js';

/** Nested types deeper than this are not expanded into keys. */
const MAX_DEPTH = 6;
/** Levels of imports followed from the files that need the type checker. */
const IMPORT_DEPTH = 2;
/**
 * The one library the checker loads, whatever the tsconfig says: the core types (arrays, strings,
 * `Partial`, `Readonly`, ...). Event names, literal types and the keys of payload types never come
 * from the DOM or from later ECMAScript editions, and loading lib.dom.d.ts alone takes several times
 * longer than the rest of a typical check. A value whose type needs them is unknown, not wrong.
 */
const LIB = ['lib.es5.d.ts'];

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
 * The type checker, brought in only for what syntax could not resolve. Its program reuses the
 * files the scan has parsed, adds the project's own modules they import for the names in question,
 * and the ECMAScript libraries (from ts-morph, in memory), under the nearest tsconfig.json's options.
 */
export class TypeResolver {
  readonly #checker: ts.TypeChecker;
  /** Set when tsconfig.json exists but cannot be used; default options apply instead. */
  readonly tsconfigProblem: TsconfigProblem | undefined;

  /** `sources`: the parsed files that hold deferred names or values; `names`: identifiers those use. */
  constructor(cwd: string, sources: readonly ts.SourceFile[], names: ReadonlySet<string>) {
    const { options: found, problem } = compilerOptions(cwd);
    this.tsconfigProblem = problem;
    // noResolve: the program holds only the files given here, not the whole import graph.
    const options: ts.CompilerOptions = { ...found, lib: LIB, allowJs: true, noEmit: true, noResolve: true, types: [] };
    const files = new Map(sources.map((s) => [s.fileName, s]));
    for (const [name, source] of libraryFiles(options)) files.set(name, source);
    addImports(sources, names, options, files);
    const libDir = dirname([...files.keys()].find((f) => BUNDLED_LIB.test(f)) ?? '/');
    const host: ts.CompilerHost = {
      getSourceFile: (name) => files.get(name),
      getDefaultLibFileName: (o) => join(libDir, ts.getDefaultLibFileName(o)),
      getDefaultLibLocation: () => libDir,
      writeFile: () => {},
      getCurrentDirectory: () => cwd,
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      getNewLine: () => '\n',
      fileExists: (name) => files.has(name),
      readFile: (name) => files.get(name)?.text,
    };
    const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
    this.#checker = program.getTypeChecker();
  }

  settleName(name: NameValue): NameValue {
    if (name.kind !== 'deferred') return name;
    let out = '';
    for (const part of name.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const literal = literalOf(this.#checker.getTypeAtLocation(part), this.#checker);
      if (typeof literal !== 'string' && typeof literal !== 'number') return { kind: 'dynamic', text: name.text };
      out += String(literal);
    }
    return { kind: 'known', name: out };
  }

  settleValue(value: Value): Value {
    return settled(value, (node) => this.#typeToValue(this.#checker.getTypeAtLocation(node), node, 0));
  }

  /** What a type says about the value: its literal, or its keys (optional ones included: they may be sent). */
  #typeToValue(type: ts.Type, at: ts.Node, depth: number): Value {
    const checker = this.#checker;
    const literal = literalOf(type, checker);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (type.isUnion()) {
      const defined = type.types.filter((t) => (t.flags & ts.TypeFlags.Undefined) === 0);
      return defined.length === 1 ? this.#typeToValue(defined[0]!, at, depth) : UNKNOWN;
    }
    if (depth >= MAX_DEPTH || (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return UNKNOWN;
    if (checker.isArrayType(type)) {
      const [elementType] = checker.getTypeArguments(type as ts.TypeReference);
      const element = elementType ? this.#typeToValue(elementType, at, depth + 1) : UNKNOWN;
      return { kind: 'array', items: element.kind === 'unknown' ? [] : [element] };
    }
    if ((type.flags & ts.TypeFlags.Object) === 0 || type.getCallSignatures().length > 0 || declaredInLibrary(type)) return UNKNOWN;
    const entries: Array<[string, Value]> = checker.getPropertiesOfType(type).map((p) => [p.getName(), this.#typeToValue(checker.getTypeOfSymbolAtLocation(p, at), at, depth + 1)]);
    return { kind: 'object', entries, open: type.getStringIndexType() !== undefined || type.getNumberIndexType() !== undefined };
  }
}

/** The value with each deferred part replaced by what `resolve` makes of its node, and spreads merged into their objects. */
export function settled(value: Value, resolve: (node: ts.Expression) => Value): Value {
  switch (value.kind) {
    case 'deferred':
      return resolve(value.node);
    case 'array':
      return { kind: 'array', items: value.items.map((v) => settled(v, resolve)) };
    case 'object': {
      const merged = new Map<string, Value>();
      let open = value.open;
      for (const [key, v] of value.entries) {
        const inner = settled(v, resolve);
        if (!(v.kind === 'deferred' && v.spread)) merged.set(key, inner);
        else if (inner.kind === 'object') {
          for (const [k, spread] of inner.entries) merged.set(k, spread);
          open ||= inner.open;
        } else open = true;
      }
      return { kind: 'object', entries: [...merged], open };
    }
    default:
      return value;
  }
}

/** Where ts-morph keeps the TypeScript libraries it bundles (an in-memory folder). */
const BUNDLED_LIB = /\/lib\.[^/]*\.d\.ts$/;

/** The library files of the last options asked for: a checker built again after a failure (see run-scan.ts) reuses them. */
let libraries: { key: string; files: Map<string, ts.SourceFile> } | undefined;

/** The parsed library files for `options`, from a ts-morph project (it bundles them; ts-morph's TypeScript has no lib folder on disk). */
function libraryFiles(options: ts.CompilerOptions): Map<string, ts.SourceFile> {
  const key = JSON.stringify(options);
  if (libraries?.key !== key) libraries = { key, files: loadLibraryFiles(options) };
  return libraries.files;
}

function loadLibraryFiles(options: ts.CompilerOptions): Map<string, ts.SourceFile> {
  const project = new Project({ compilerOptions: { ...options, noResolve: true }, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  project.createSourceFile('/__cdp_lib_probe__.ts', '');
  const out = new Map<string, ts.SourceFile>();
  for (const source of project.getProgram().compilerObject.getSourceFiles()) if (source.isDeclarationFile) out.set(source.fileName, source);
  return out;
}

/**
 * Adds the project's own modules that hold what deferred expressions refer to: the imports that
 * bind one of `names`, then everything those import, a level further (constants are declared next
 * to their use, or re-exported once through an index file). Packages are left out: their types
 * are not payload shapes, and loading them would cost more than the whole scan.
 */
function addImports(sources: readonly ts.SourceFile[], names: ReadonlySet<string>, options: ts.CompilerOptions, files: Map<string, ts.SourceFile>): void {
  let level: ts.SourceFile[] = [...sources];
  for (let depth = 0; depth < IMPORT_DEPTH && level.length > 0; depth++) {
    const next: ts.SourceFile[] = [];
    for (const source of level) {
      for (const statement of source.statements) {
        if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        if (depth === 0 && ts.isImportDeclaration(statement) && !bindsAny(statement, names)) continue;
        const resolved = ts.resolveModuleName(statement.moduleSpecifier.text, source.fileName, options, ts.sys).resolvedModule;
        if (!resolved || resolved.isExternalLibraryImport || files.has(resolved.resolvedFileName)) continue;
        const text = ts.sys.readFile(resolved.resolvedFileName);
        if (text === undefined) continue;
        // A module the checker cannot go through is left out: what it declares counts as unknown.
        const parsed = tryParse(resolved.resolvedFileName, text);
        if (!('source' in parsed) || nodeDeeperThan(parsed.source, MAX_CHECKED_DEPTH)) continue;
        files.set(resolved.resolvedFileName, parsed.source);
        next.push(parsed.source);
      }
    }
    level = next;
  }
}

function bindsAny(declaration: ts.ImportDeclaration, names: ReadonlySet<string>): boolean {
  const clause = declaration.importClause;
  if (!clause) return false;
  if (clause.name && names.has(clause.name.text)) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return names.has(bindings.name.text);
  return bindings.elements.some((e) => names.has(e.name.text));
}

function literalOf(type: ts.Type, checker: ts.TypeChecker): string | number | boolean | null | undefined {
  if (type.isStringLiteral() || type.isNumberLiteral()) return type.value;
  if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type) === 'true';
  if (type.flags & ts.TypeFlags.Null) return null;
  return undefined;
}

/** Types from declaration files (Date, Map, a library's classes) are not payload shapes the plan describes. */
function declaredInLibrary(type: ts.Type): boolean {
  const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
  return declaration !== undefined && declaration.getSourceFile().isDeclarationFile;
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
  // Only the options are wanted: a host that lists no files keeps TypeScript from walking the project for `include`.
  const host: ts.ParseConfigHost = { useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames, readDirectory: () => [], fileExists: ts.sys.fileExists, readFile: ts.sys.readFile };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(file), undefined, file);
  return { options: { ...DEFAULT_OPTIONS, ...parsed.options } };
}

function findUp(dir: string, name: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}
