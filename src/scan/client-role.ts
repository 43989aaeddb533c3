import { ts } from 'ts-morph';
import type { CallType } from '../spec/call-types.js';
import { ANALYTICS_METHODS, CLIENT_NAME, GLOBAL_OBJECTS, isClientModule, isSegmentPackage } from './call-signatures.js';
import type { FileScope, ImportBinding, Resolved } from './file-scope.js';
import { forEachNode, memberAccess, propertyName, unwrap } from './syntax.js';

/**
 * What a name or expression is to the scan, read from its definition: a Segment client (its six
 * methods are Segment calls), one client method or a function that forwards to one, an object
 * literal or a project module (whose members decide one by one), or something else in plain sight.
 * Undefined when the definition cannot be seen.
 */
export type Role =
  | { kind: 'client' }
  | { kind: 'method'; method: CallType }
  | { kind: 'members'; of: ts.ObjectLiteralExpression; scope: FileScope }
  | { kind: 'module'; scope: FileScope }
  | { kind: 'other' };

const CLIENT: Role = { kind: 'client' };
const OTHER: Role = { kind: 'other' };

/** Definitions followed from one name at most (aliases, re-exports, wrappers); a cycle of `const`s ends here. */
const MAX_DEPTH = 24;
/** Leading arguments a forwarding function must fill from its parameters (see passesParameters). */
const FORWARDED_ARGUMENTS = 2;
/** Levels of modules and objects looked into when asking whether a module passes a client on. */
const MAX_EXPORT_DEPTH = 4;

/**
 * Roles of functions, worked out once each (many calls and modules reach the same wrapper). A
 * function met again while its own role is being worked out (recursion) has none.
 */
const functionRoles = new WeakMap<ts.FunctionLikeDeclaration, Role | undefined>();
/** The calls through which those functions forward their parameters. */
const forwardingCalls = new WeakSet<ts.CallExpression>();

/** The role of an expression, from its definition. */
export function roleOf(expr: ts.Expression, scope: FileScope, depth = 0): Role | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let e = unwrap(expr);
  while (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isIdentifier(e)) return nameRole(e.text, scope, depth + 1);
  const access = memberAccess(e);
  if (access) {
    if (access.key === CLIENT_NAME && ts.isIdentifier(access.object) && GLOBAL_OBJECTS.has(access.object.text)) return CLIENT;
    const owner = ownerRole(access.object, scope, depth + 1);
    return owner && memberRole(owner, access.key, depth + 1);
  }
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const callee = unwrap(e.expression);
    const bound = memberAccess(callee);
    if (bound?.key === 'bind') return roleOf(bound.object, scope, depth + 1);
    // `AnalyticsBrowser.load(...)`, `new Analytics(...)`: what other calls return is not in sight.
    return fromSegmentPackage(callee, scope) ? CLIENT : undefined;
  }
  if (ts.isObjectLiteralExpression(e)) return { kind: 'members', of: e, scope };
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return functionRole(e, scope, depth + 1);
  return undefined;
}

/**
 * The role of an object whose member is taken: its definition's, else, where that cannot be seen,
 * the name `analytics` (not imported) and `this.analytics` are the Segment client, as the scan
 * always read them.
 */
function ownerRole(expr: ts.Expression, scope: FileScope, depth: number): Role | undefined {
  const e = unwrap(expr);
  return roleOf(e, scope, depth) ?? (namedClient(e, scope) ? CLIENT : undefined);
}

/** The role of a member of something whose role is known. */
function memberRole(owner: Role, key: string, depth = 0): Role | undefined {
  switch (owner.kind) {
    case 'client':
      return ANALYTICS_METHODS.has(key) ? { kind: 'method', method: key as CallType } : undefined;
    case 'members':
      return propertyRole(owner.of, key, owner.scope, depth + 1);
    case 'module':
      return resolvedRole(owner.scope.modules.resolveExport(owner.scope, key), depth + 1);
    case 'other':
      return OTHER;
    case 'method':
      return undefined;
  }
}

/**
 * Whether `call` is one through which a function around it (`functions`) forwards its own
 * parameters to a client method: the function's call sites are the Segment calls to check, not
 * this one, whose name is only a parameter.
 */
export function isForwarding(call: ts.CallExpression, functions: readonly ts.FunctionLikeDeclaration[], scope: FileScope): boolean {
  for (const fn of functions) functionRole(fn, scope, 0);
  return forwardingCalls.has(call);
}

/** Whether a module passes on a Segment client, or a function or object that is or forwards to one. */
export function exportsClient(scope: FileScope): boolean {
  return passesClient({ kind: 'module', scope }, 0);
}

function passesClient(role: Role | undefined, depth: number): boolean {
  if (role?.kind === 'client' || role?.kind === 'method') return true;
  if (depth > MAX_EXPORT_DEPTH || (role?.kind !== 'members' && role?.kind !== 'module')) return false;
  if (role.kind === 'members') {
    return role.of.properties.some((p) => {
      const key = p.name && propertyName(p.name);
      return key !== undefined && passesClient(propertyRole(role.of, key, role.scope, 0), depth + 1);
    });
  }
  const { scope } = role;
  const names = [...scope.exports.keys(), ...scope.reexports.keys()];
  if (names.some((name) => passesClient(resolvedRole(scope.modules.resolveExport(scope, name), 0), depth + 1))) return true;
  return scope.starExports.some((module) => passesClient(resolvedRole(scope.modules.resolveImport(scope, { module, imported: '*' }), 0), depth + 1));
}

function nameRole(name: string, scope: FileScope, depth: number): Role | undefined {
  const binding = scope.imports.get(name);
  if (!binding) return declaredRole(name, scope, depth);
  return resolvedRole(scope.modules.resolveImport(scope, binding), depth) ?? guessedRole(binding, name);
}

/** The role of a name declared in this file (not imported). */
function declaredRole(name: string, scope: FileScope, depth: number): Role | undefined {
  const value = scope.consts.get(name);
  if (value) return roleOf(value, scope, depth + 1);
  const fn = scope.functions.get(name);
  if (fn) return functionRole(fn, scope, depth + 1);
  const destructured = scope.destructured.get(name);
  if (destructured) {
    const owner = ownerRole(destructured.object, scope, depth + 1);
    return owner && memberRole(owner, destructured.key, depth + 1);
  }
  // The browser snippet's global: used, never declared.
  return name === CLIENT_NAME && !scope.declared.has(name) ? CLIENT : undefined;
}

function resolvedRole(resolved: Resolved | undefined, depth: number): Role | undefined {
  switch (resolved?.kind) {
    case 'local':
      return declaredRole(resolved.local, resolved.scope, depth + 1);
    case 'module':
      return { kind: 'module', scope: resolved.scope };
    case 'external':
      return guessedRole(resolved.binding, undefined);
    default:
      return undefined;
  }
}

/**
 * An import whose definition cannot be seen, read as the scan always read it: by the module's path
 * (a Segment package, or a project module whose path says analytics or segment) and the names.
 * Any other package's export is not Segment's.
 */
function guessedRole(binding: ImportBinding, local: string | undefined): Role | undefined {
  if (!isClientModule(binding.module)) return binding.module.startsWith('.') ? undefined : OTHER;
  if (ANALYTICS_METHODS.has(binding.imported)) return { kind: 'method', method: binding.imported as CallType };
  return binding.imported !== '*' && (binding.imported === CLIENT_NAME || local === CLIENT_NAME) ? CLIENT : undefined;
}

/** The role of a key of an object literal: the last entry that may set it decides. */
function propertyRole(object: ts.ObjectLiteralExpression, key: string, scope: FileScope, depth: number): Role | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const p = object.properties[i]!;
    const name = p.name && propertyName(p.name);
    if (name === undefined) return undefined;
    if (name !== key) continue;
    if (ts.isPropertyAssignment(p)) return roleOf(p.initializer, scope, depth + 1);
    if (ts.isShorthandPropertyAssignment(p)) return nameRole(p.name.text, scope, depth + 1);
    if (ts.isMethodDeclaration(p)) return functionRole(p, scope, depth + 1);
    return undefined;
  }
  return OTHER;
}

/**
 * A function is a Segment method when it forwards to one: somewhere in its body it calls a client
 * method with its own parameters, in order, as the first arguments (`(event, props) =>
 * analytics.track(event, props)`, `(...args) => analytics.track(...args)`); calls of it then take
 * the method's arguments. A function in sight that does not is something else.
 */
function functionRole(fn: ts.FunctionLikeDeclaration, scope: FileScope, depth: number): Role | undefined {
  if (functionRoles.has(fn)) return functionRoles.get(fn);
  functionRoles.set(fn, undefined);
  const role = forwardedMethod(fn, scope, depth) ?? OTHER;
  functionRoles.set(fn, role);
  return role;
}

function forwardedMethod(fn: ts.FunctionLikeDeclaration, scope: FileScope, depth: number): Role | undefined {
  const params = fn.parameters;
  if (!fn.body || params.length === 0 || !params.every((p) => ts.isIdentifier(p.name))) return undefined;
  let found: Role | undefined;
  forEachNode(fn.body, (node) => {
    if (ts.isCallExpression(node) && passesParameters(node, params)) {
      const role = roleOf(node.expression, scope, depth + 1);
      if (role?.kind === 'method') {
        found ??= role;
        forwardingCalls.add(node);
      }
    }
  });
  return found;
}

/**
 * Whether a call passes on the parameters as its first arguments, and adds nothing before the third
 * (the first two hold the name and properties of every client method's browser form; a wrapper may
 * add options after them). A wrapper that sets properties of its own is no forward: its callers do
 * not say what is sent.
 */
function passesParameters(call: ts.CallExpression, params: ts.NodeArray<ts.ParameterDeclaration>): boolean {
  const rest = params[params.length - 1]?.dotDotDotToken !== undefined;
  const added = call.arguments.length > params.length;
  if (added && (rest || params.length < FORWARDED_ARGUMENTS)) return false;
  return params.every((p, i) => {
    const arg = call.arguments[i];
    const name = (p.name as ts.Identifier).text;
    if (!arg) return false;
    if (p.dotDotDotToken) return ts.isSpreadElement(arg) && isName(arg.expression, name);
    return isName(arg, name);
  });
}

function isName(expr: ts.Expression, name: string): boolean {
  const e = unwrap(expr);
  return ts.isIdentifier(e) && e.text === name;
}

/** A call or `new` of something a Segment package exports, directly or through the project's re-exports. */
function fromSegmentPackage(callee: ts.Expression, scope: FileScope): boolean {
  let root = callee;
  for (let access = memberAccess(root); access; access = memberAccess(root)) root = unwrap(access.object);
  const binding = ts.isIdentifier(root) ? scope.imports.get(root.text) : undefined;
  if (!binding) return false;
  if (isSegmentPackage(binding.module)) return true;
  const resolved = scope.modules.resolveImport(scope, binding);
  return resolved?.kind === 'external' && isSegmentPackage(resolved.binding.module);
}

function namedClient(owner: ts.Expression, scope: FileScope): boolean {
  if (ts.isIdentifier(owner)) return owner.text === CLIENT_NAME && !scope.imports.has(CLIENT_NAME);
  const access = memberAccess(owner);
  return access?.key === CLIENT_NAME && access.object.kind === ts.SyntaxKind.ThisKeyword;
}
