import { ts } from 'ts-morph';
import { argumentPath } from '../config/scan-calls.js';
import { MAX_CHECKED_DEPTH } from '../rules/scan/too-deep.js';
import { ANALYTICS_METHODS, clientLayout, customLayout, generatedLayout, type ArgumentLayout, type CustomCall } from './call-signatures.js';
import { isForwarding, roleOf } from './client-role.js';
import type { GeneratedModules } from './generated-modules.js';
import { tryParse } from './parse.js';
import { valueOf, type Cut } from './properties.js';
import { isSingleFileComponent, scriptBlocks } from './sfc.js';
import { createScope, declare, locationOf, type FileScope, type ModuleScopes } from './file-scope.js';
import { resolveConstant, resolveName } from './resolve-name.js';
import { forEachNode, memberAccess, propertyName, unwrap } from './syntax.js';
import type { ExtractedCall, NameValue } from './types.js';

export interface ExtractOptions {
  /** Generated function name -> track event name (`eventFunctionNames` reversed). */
  generatedEvents: ReadonlyMap<string, string>;
  /** Custom callees from the config, by callee text. */
  custom: ReadonlyMap<string, CustomCall>;
  generated: GeneratedModules;
  modules: ModuleScopes;
}

export interface Extraction {
  calls: ExtractedCall[];
  source: ts.SourceFile;
  scope: FileScope;
  /** The first node nested deeper than the type checker is given (MAX_CHECKED_DEPTH). */
  deepest: ts.Node | undefined;
}

export function scriptKindOf(file: string, text: string): ts.ScriptKind {
  if (isSingleFileComponent(file)) {
    const lang = /<script\b[^>]*\blang\s*=\s*["']?(\w+)/.exec(text)?.[1];
    return lang === 'ts' ? ts.ScriptKind.TS : lang === 'tsx' ? ts.ScriptKind.TSX : lang === 'jsx' ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  }
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[mc]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
}

/** A scanned file parsed (syntax only: no program, no type checker), or where the parser gave up on it. */
export function parseScanned(file: string, text: string): ReturnType<typeof tryParse> {
  const code = isSingleFileComponent(file) ? scriptBlocks(text) : text;
  // A component's script is TypeScript to the compiler only under a name with a TypeScript extension.
  return tryParse(isSingleFileComponent(file) ? `${file}.ts` : file, code, scriptKindOf(file, text));
}

/**
 * Lists the tracking calls of a parsed file, with every name and value syntax can resolve; the
 * rest is left for the type checker. Syntax errors are looked for afterwards, for all files at
 * once (syntax-errors.ts).
 */
export function extractCalls(file: string, source: ts.SourceFile, options: ExtractOptions): Extraction {
  const scope = createScope(file, source, options.modules);
  const callNodes: Array<{ call: ts.CallExpression; within: ts.FunctionLikeDeclaration[] }> = [];
  const within: ts.FunctionLikeDeclaration[] = [];
  const leaveFunction = () => {
    within.pop();
  };
  let deepest: ts.Node | undefined;
  forEachNode(source, (node, depth) => {
    if (depth > MAX_CHECKED_DEPTH) deepest ??= node;
    declare(scope, node);
    if (ts.isCallExpression(node)) callNodes.push({ call: node, within: [...within] });
    if (!(ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node))) return;
    within.push(node);
    return leaveFunction;
  });
  // Callees are looked at once the whole file is declared: `const { track } = analytics` needs to know which `analytics`.
  const calls: ExtractedCall[] = [];
  for (const { call, within } of callNodes) {
    const layout = layoutOf(call, scope, options);
    if (layout && !(within.length > 0 && isForwarding(call, within, scope))) calls.push(toCall(call, layout, scope));
  }
  return { calls, source, scope, deepest };
}

function layoutOf(call: ts.CallExpression, scope: FileScope, options: ExtractOptions): ArgumentLayout | undefined {
  const callee = unwrap(call.expression);
  const custom = options.custom.size > 0 ? options.custom.get(calleeText(callee)) : undefined;
  if (custom) return customLayout(custom);
  if (ts.isIdentifier(callee)) {
    const binding = scope.imports.get(callee.text);
    if (binding && binding.imported !== '*' && binding.imported !== 'default' && options.generated.isGenerated(scope.file, binding.module)) {
      return generatedLayout(binding.imported, options.generatedEvents);
    }
  } else {
    const access = memberAccess(callee);
    if (!access) return undefined;
    const owner = unwrap(access.object);
    const binding = ts.isIdentifier(owner) ? scope.imports.get(owner.text) : undefined;
    const project = binding?.module.startsWith('.') ?? false;
    if (project && binding?.imported === '*' && options.generated.isGenerated(scope.file, binding.module)) return generatedLayout(access.key, options.generatedEvents);
    // Only what a project module exports (a namespace, an object) may forward to a client method under another name.
    if (!project && !ANALYTICS_METHODS.has(access.key)) return undefined;
  }
  const role = roleOf(callee, scope);
  return role?.kind === 'method' ? clientLayout(role.method, argumentShape(call, scope)) : undefined;
}

/** How the arguments look, which decides between the browser and the analytics-node forms. */
function argumentShape(call: ts.CallExpression, scope: FileScope): { nodeForm: boolean; objectFirst: boolean; stringSecond: boolean } {
  const [first, second] = call.arguments;
  const object = first && unwrap(first);
  const objectFirst = object !== undefined && ts.isObjectLiteralExpression(object);
  const keys = objectFirst ? new Set(object.properties.map((p) => (p.name ? propertyName(p.name) : undefined))) : new Set<string | undefined>();
  const stringSecond = second !== undefined && typeof resolveConstant(second, scope) === 'string';
  return { nodeForm: keys.has('userId') || keys.has('anonymousId') || keys.has('event'), objectFirst, stringSecond };
}

/** The callee as written, without optional chaining or parentheses: `telemetry.track`. */
function calleeText(e: ts.Expression): string {
  const keys: string[] = [];
  for (let access = memberAccess(unwrap(e)); access; access = memberAccess(e)) {
    keys.unshift(access.key);
    e = unwrap(access.object);
  }
  e = unwrap(e);
  const head = ts.isIdentifier(e) ? e.text : e.kind === ts.SyntaxKind.ThisKeyword ? 'this' : undefined;
  return head === undefined ? '' : [head, ...keys].join('.');
}

function toCall(call: ts.CallExpression, layout: ArgumentLayout, scope: FileScope): ExtractedCall {
  const out: ExtractedCall = { type: layout.type, ...locationOf(call, scope), body: null };
  const nameCarrying = layout.type === 'track' || layout.type === 'page' || layout.type === 'screen';
  if (layout.event !== undefined) out.name = { kind: 'known', name: layout.event };
  else if (nameCarrying && layout.name !== undefined) {
    const expr = argument(call, layout.name);
    const name: NameValue | undefined = expr ? resolveName(expr, scope) : layout.type === 'track' ? { kind: 'dynamic', text: '' } : undefined;
    if (name) out.name = name;
  }
  if (layout.body !== null) {
    const expr = argument(call, layout.body);
    const cut: Cut = {};
    out.body = expr ? valueOf(expr, scope, cut, true) : undefined;
    if (cut.at) out.tooDeep = cut.at;
  }
  return out;
}

/** What a place in the arguments holds (see `argumentPath`): an argument, or an entry of object literals in it. */
function argument(call: ts.CallExpression, at: number | string): ts.Expression | undefined {
  const { index, keys } = argumentPath(at);
  let expr = call.arguments[index];
  for (const key of keys) expr = expr && entry(expr, key);
  return expr;
}

/** The value an object literal gives a key: its last entry of that name, as at run time. */
function entry(object: ts.Expression, key: string): ts.Expression | undefined {
  const literal = unwrap(object);
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const p = literal.properties[i]!;
    if (!p.name || propertyName(p.name) !== key) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}
