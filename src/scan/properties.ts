import { ts } from 'ts-morph';
import { MAX_VALUE_DEPTH } from '../rules/scan/too-deep.js';
import { locationOf, type FileScope } from './file-scope.js';
import { checkerMayKnow, declaredValue, referenced, resolveConstant } from './resolve-name.js';
import { propertyName, unwrap } from './syntax.js';
import { SPREAD_KEY, UNKNOWN, type Location, type Value } from './types.js';

/** Where reading a value stopped: the first object or array nested deeper than MAX_VALUE_DEPTH (in a module it imports, maybe). */
export interface Cut {
  at?: Location;
}

/**
 * What syntax tells about a value passed in a call: object literals key by key (shorthand, spreads,
 * nested objects, arrays), constants resolved as for names, and `const` objects. The rest is left
 * to the type checker where it may know more: the keys of a variable or spread (`keys`: the value
 * stands for a whole properties object), and the literal type of an imported or typed name.
 */
export function valueOf(expr: ts.Expression, scope: FileScope, cut: Cut, keys = false, depth = 0): Value {
  const e = unwrap(expr);
  const constant = resolveConstant(e, scope);
  if (constant !== undefined) return { kind: 'literal', value: constant };
  // Past the limit nothing is followed, and only an object or array there is something not checked.
  if (depth > MAX_VALUE_DEPTH) {
    if (isContainer(e) || isContainer(referenced(e, scope)?.expr)) cut.at ??= locationOf(e, scope);
    return UNKNOWN;
  }
  if (ts.isObjectLiteralExpression(e)) return objectOf(e, scope, cut, depth);
  if (ts.isArrayLiteralExpression(e)) {
    if (e.elements.some(ts.isSpreadElement)) return keys && scope.scanned ? { kind: 'deferred', node: e } : UNKNOWN;
    return { kind: 'array', items: e.elements.map((item) => valueOf(item, scope, cut, false, depth + 1)) };
  }
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isClassExpression(e)) return UNKNOWN;
  if (ts.isIdentifier(e) && e.text === 'undefined') return UNKNOWN;
  const target = referenced(e, scope);
  // The same value under another name: no level deeper (a cycle passes through a container or a spread).
  if (target && isContainer(target.expr)) return valueOf(target.expr, target.scope, cut, keys, depth);
  const declared = declaredValue(e, scope);
  if (declared) return declared;
  return scope.scanned && (keys || checkerMayKnow(e, scope)) ? { kind: 'deferred', node: e } : UNKNOWN;
}

function objectOf(object: ts.ObjectLiteralExpression, scope: FileScope, cut: Cut, depth: number): Value {
  const entries: Array<[string, Value]> = [];
  let open = false;
  const set = (key: string, value: Value) => {
    const at = entries.findIndex(([k, v]) => k === key && !(v.kind === 'deferred' && v.spread));
    if (at >= 0) entries.splice(at, 1);
    entries.push([key, value]);
  };
  for (const p of object.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = valueOf(p.expression, scope, cut, true, depth + 1);
      if (spread.kind === 'object') {
        for (const [k, v] of spread.entries) set(k, v);
        open ||= spread.open;
      } else if (spread.kind === 'deferred') {
        // Settled into keys by the type checker; kept as an entry so later keys still override it.
        entries.push([SPREAD_KEY, { ...spread, spread: true }]);
      } else if (spread.kind !== 'literal') {
        open = true;
      }
      continue;
    }
    const key = keyOf(p.name, scope);
    if (key === undefined) {
      open = true;
      continue;
    }
    if (ts.isPropertyAssignment(p)) set(key, valueOf(p.initializer, scope, cut, false, depth + 1));
    else if (ts.isShorthandPropertyAssignment(p)) set(key, valueOf(p.name, scope, cut, false, depth + 1));
    else set(key, UNKNOWN);
  }
  return { kind: 'object', entries, open };
}

function isContainer(expr: ts.Expression | undefined): boolean {
  const e = expr && unwrap(expr);
  return e !== undefined && (ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e));
}

/** The key a property name stands for; a computed key counts when its expression is a constant. */
function keyOf(name: ts.PropertyName, scope: FileScope): string | undefined {
  const literal = propertyName(name);
  if (literal !== undefined) return literal;
  if (ts.isComputedPropertyName(name)) {
    const value = resolveConstant(name.expression, scope);
    return value === undefined ? undefined : String(value);
  }
  return undefined;
}
