import { readFileSync, statSync } from 'node:fs';
import { ts } from 'ts-morph';
import { resolveRelativeModule } from './module-paths.js';
import { parseSource } from './parse.js';
import { forEachNode, propertyName } from './syntax.js';
import type { Location } from './types.js';

export interface ImportBinding {
  module: string;
  /** The exported name, `default`, or `*` for a namespace import. */
  imported: string;
}

/** Declarations of one file that constant expressions may refer to, found in one walk. */
export interface FileScope {
  file: string;
  source: ts.SourceFile;
  /** `const` declarations with an initializer, by name; names declared twice are left out. */
  consts: Map<string, ts.Expression>;
  enums: Map<string, ts.EnumDeclaration>;
  /** Function declarations with a body, by name (`default` for `export default function`). */
  functions: Map<string, ts.FunctionDeclaration>;
  /** `const { track, page: p } = client`: each name's object and key. */
  destructured: Map<string, Destructured>;
  /** Interfaces and type aliases, by name; names declared twice are left out. */
  types: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;
  /** Declared types of parameters and variables that have one, by name. */
  annotations: Map<string, ts.TypeNode>;
  /** Every name declared so far: a name declared twice may be shadowed, so its value is not taken. */
  declared: Set<string>;
  /** Every type name declared so far; `types` keeps only those declared once. */
  typeNames: Set<string>;
  imports: Map<string, ImportBinding>;
  /**
   * Exported name -> local name, for `export const`, `export enum`, `export function`,
   * `export { a as b }` and `export default` (an expression is kept in `consts` as `default`, a
   * name no declaration can have).
   */
  exports: Map<string, string>;
  /** `export { a as b } from './m'` and `export * as b from './m'` (exported name -> binding), and the modules of `export * from './m'`. */
  reexports: Map<string, ImportBinding>;
  starExports: string[];
  /** Loads the scopes of the modules this file imports, for constants declared in another file. */
  modules: ModuleScopes;
  /** False for a module read only for its constants: the type checker never sees its nodes. */
  scanned: boolean;
}

export interface Destructured {
  object: ts.Expression;
  key: string;
}

/** Where a node of the file starts. */
export function locationOf(node: ts.Node, scope: FileScope): Location {
  const { line, character } = scope.source.getLineAndCharacterOfPosition(node.getStart(scope.source));
  return { file: scope.file, line: line + 1, column: character + 1 };
}

export function createScope(file: string, source: ts.SourceFile, modules: ModuleScopes, scanned = true): FileScope {
  return {
    file,
    source,
    consts: new Map(),
    enums: new Map(),
    functions: new Map(),
    destructured: new Map(),
    types: new Map(),
    annotations: new Map(),
    declared: new Set(),
    typeNames: new Set(),
    imports: new Map(),
    exports: new Map(),
    reexports: new Map(),
    starExports: [],
    modules,
    scanned,
  };
}

/** Records what a node declares, imports or exports; called for every node of the file. */
export function declare(scope: FileScope, node: ts.Node): void {
  if (ts.isVariableStatement(node)) {
    const isConst = (node.declarationList.flags & ts.NodeFlags.Const) !== 0;
    const exported = hasExportModifier(node);
    for (const d of node.declarationList.declarations) {
      if (ts.isIdentifier(d.name)) {
        add(scope, d.name.text, isConst ? d.initializer : undefined, scope.consts, d.type);
        if (exported) scope.exports.set(d.name.text, d.name.text);
      } else if (ts.isObjectBindingPattern(d.name)) {
        for (const element of d.name.elements) {
          if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
          const key = element.propertyName ? propertyName(element.propertyName) : element.name.text;
          const from = isConst && d.initializer && key !== undefined ? { object: d.initializer, key } : undefined;
          add(scope, element.name.text, from, scope.destructured, undefined);
          if (exported) scope.exports.set(element.name.text, element.name.text);
        }
      }
    }
  } else if ((ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isForStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    // Loop variables are declared, and never constants.
    for (const d of node.initializer.declarations) if (ts.isIdentifier(d.name)) add(scope, d.name.text, undefined, scope.consts, d.type);
  } else if (ts.isCatchClause(node) && node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name)) {
    add(scope, node.variableDeclaration.name.text, undefined, scope.consts, node.variableDeclaration.type);
  } else if (ts.isEnumDeclaration(node)) {
    add(scope, node.name.text, node, scope.enums, undefined);
    if (hasExportModifier(node)) scope.exports.set(node.name.text, node.name.text);
  } else if (ts.isFunctionDeclaration(node) && (node.name || node.body)) {
    // An overload signature declares nothing of its own: the implementation that follows does.
    if (!node.body) return;
    const name = node.name?.text ?? 'default';
    add(scope, name, node, scope.functions, undefined);
    const exported = exportedAs(node, name);
    if (exported) scope.exports.set(exported, name);
  } else if (ts.isClassDeclaration(node) && node.name) {
    add(scope, node.name.text, undefined, scope.consts, undefined);
    const exported = exportedAs(node, node.name.text);
    if (exported) scope.exports.set(exported, node.name.text);
  } else if (ts.isExportAssignment(node) && !node.isExportEquals) {
    if (ts.isIdentifier(node.expression)) scope.exports.set('default', node.expression.text);
    else {
      add(scope, 'default', node.expression, scope.consts, undefined);
      scope.exports.set('default', 'default');
    }
  } else if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
    add(scope, node.name.text, undefined, scope.consts, node.type);
  } else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
    // Types have their own namespace: a type named like a value does not shadow it.
    const name = node.name.text;
    if (scope.typeNames.has(name)) scope.types.delete(name);
    else scope.types.set(name, node);
    scope.typeNames.add(name);
  } else if (ts.isImportDeclaration(node)) {
    addImport(scope, node);
  } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) {
    addExport(scope, node);
  }
}

function add<T>(scope: FileScope, name: string, value: T | undefined, into: Map<string, T>, annotation: ts.TypeNode | undefined): void {
  if (scope.declared.has(name)) {
    scope.consts.delete(name);
    scope.enums.delete(name);
    scope.functions.delete(name);
    scope.destructured.delete(name);
    scope.annotations.delete(name);
    return;
  }
  scope.declared.add(name);
  if (value !== undefined) into.set(name, value);
  if (annotation) scope.annotations.set(name, annotation);
}

function hasExportModifier(node: ts.VariableStatement | ts.EnumDeclaration | ts.FunctionDeclaration | ts.ClassDeclaration): boolean {
  return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** The name a function or class is exported under: its own, `default`, or none. */
function exportedAs(node: ts.FunctionDeclaration | ts.ClassDeclaration, name: string): string | undefined {
  if (!hasExportModifier(node)) return undefined;
  return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ? 'default' : name;
}

function addImport(scope: FileScope, node: ts.ImportDeclaration): void {
  const clause = node.importClause;
  if (!clause || clause.isTypeOnly || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const module = node.moduleSpecifier.text;
  if (clause.name) scope.imports.set(clause.name.text, { module, imported: 'default' });
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) scope.imports.set(named.name.text, { module, imported: '*' });
  else if (named) {
    for (const element of named.elements) {
      if (!element.isTypeOnly) scope.imports.set(element.name.text, { module, imported: (element.propertyName ?? element.name).text });
    }
  }
}

function addExport(scope: FileScope, node: ts.ExportDeclaration): void {
  const module = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  const clause = node.exportClause;
  if (!clause) {
    if (module) scope.starExports.push(module);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (module) scope.reexports.set(clause.name.text, { module, imported: '*' });
    return;
  }
  for (const element of clause.elements) {
    const local = (element.propertyName ?? element.name).text;
    if (module) scope.reexports.set(element.name.text, { module, imported: local });
    else scope.exports.set(element.name.text, local);
  }
}

/** Modules followed through imports and re-exports at most; barrels of barrels stay well within it. */
const MAX_REEXPORT_DEPTH = 8;

/**
 * Where an imported name leads: a declaration (its file and local name there), a whole project
 * module (a namespace), or an import of a module that cannot be read here (a package, a path that
 * leads nowhere, a file over the size limit): the last binding on the way.
 */
export type Resolved =
  | { kind: 'local'; scope: FileScope; local: string }
  | { kind: 'module'; scope: FileScope }
  | { kind: 'external'; binding: ImportBinding };

/**
 * Scopes of the project's own modules that scanned files import, parsed once each and only when a
 * name from them is needed: constants and bindings are read from their declarations without the
 * type checker.
 */
export class ModuleScopes {
  readonly #byPath = new Map<string, FileScope | null>();

  constructor(private readonly maxFileSize: number) {}

  /** What an import binding of `from` stands for; undefined when the module does not export the name. */
  resolveImport(from: FileScope, binding: ImportBinding): Resolved | undefined {
    return this.#import(from, binding, new Set(), 0);
  }

  /** What a module exports under `name`. */
  resolveExport(target: FileScope, name: string): Resolved | undefined {
    return this.#export(target, name, new Set(), 0);
  }

  #import(from: FileScope, binding: ImportBinding, seen: Set<string>, depth: number): Resolved | undefined {
    const path = resolveRelativeModule(from.file, binding.module);
    const target = path === undefined ? undefined : this.#load(path);
    if (!target) return { kind: 'external', binding };
    return binding.imported === '*' ? { kind: 'module', scope: target } : this.#export(target, binding.imported, seen, depth);
  }

  // `seen` holds the (module, name) pairs already asked: `export *` loops and diamonds end there.
  #export(target: FileScope, name: string, seen: Set<string>, depth: number): Resolved | undefined {
    const key = `${target.file}\0${name}`;
    if (depth > MAX_REEXPORT_DEPTH || seen.has(key)) return undefined;
    seen.add(key);
    const local = target.exports.get(name);
    if (local !== undefined) {
      const imported = target.imports.get(local);
      return imported ? this.#import(target, imported, seen, depth + 1) : { kind: 'local', scope: target, local };
    }
    const reexport = target.reexports.get(name);
    if (reexport) return this.#import(target, reexport, seen, depth + 1);
    // `export *` never passes on a default export.
    if (name === 'default') return undefined;
    let external: Resolved | undefined;
    for (const module of target.starExports) {
      const found = this.#import(target, { module, imported: name }, seen, depth + 1);
      if (found?.kind === 'external') external ??= found;
      else if (found) return found;
    }
    return external;
  }

  #load(path: string): FileScope | undefined {
    let scope = this.#byPath.get(path);
    if (scope === undefined) {
      scope = parseScope(path, this.maxFileSize, this);
      this.#byPath.set(path, scope);
    }
    return scope ?? undefined;
  }
}

function parseScope(path: string, maxFileSize: number, modules: ModuleScopes): FileScope | null {
  let text: string;
  try {
    if (statSync(path).size > maxFileSize) return null;
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // A module whose text the parser or this walk cannot get through counts as one that cannot be read:
  // its names are unknown to the files that import it, which are still scanned.
  try {
    const scope = createScope(path, parseSource(path, text), modules, false);
    forEachNode(scope.source, (node) => declare(scope, node));
    return scope;
  } catch {
    return null;
  }
}
