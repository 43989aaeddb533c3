import { ts } from 'ts-morph';
import type { FileScope } from './file-scope.js';
import { checkerMayKnow, declaredValue, referenced, resolveConstant } from './resolve-name.js';
import { propertyName, unwrap } from './syntax.js';
import { SPREAD_KEY, UNKNOWN, type Value } from './types.js';

/** Object literals nested deeper than this are not followed (no real payload is that deep). */
const MAX_DEPTH = 32;

/**
 * What syntax tells about a value passed in a call: object literals key by key (shorthand, spreads,
 * nested objects, arrays), constants resolved as for names, and `const` objects. The rest is left
 * to the type checker where it may know more: the keys of a variable or spread (`keys`: the value
 * stands for a whole properties object), and the literal type of an imported or typed name.
 */
export function valueOf(expr: ts.Expression, scope: FileScope, keys = false, depth = 0): Value {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const e = unwrap(expr);
  const constant = resolveConstant(e, scope);
  if (constant !== undefined) return { kind: 'literal', value: constant };
  if (ts.isObjectLiteralExpression(e)) return objectOf(e, scope, depth);
  if (ts.isArrayLiteralExpression(e)) {
    if (e.elements.some(ts.isSpreadElement)) return keys && scope.scanned ? { kind: 'deferred', node: e } : UNKNOWN;
    return { kind: 'array', items: e.elements.map((item) => valueOf(item, scope, false, depth + 1)) };
  }
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isClassExpression(e)) return UNKNOWN;
  if (ts.isIdentifier(e) && e.text === 'undefined') return UNKNOWN;
  const target = referenced(e, scope);
  if (target) {
    const inner = unwrap(target.expr);
    if (ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner)) return valueOf(inner, target.scope, keys, depth + 1);
  }
  const declared = declaredValue(e, scope);
  if (declared) return declared;
  return scope.scanned && (keys || checkerMayKnow(e, scope)) ? { kind: 'deferred', node: e } : UNKNOWN;
}

function objectOf(object: ts.ObjectLiteralExpression, scope: FileScope, depth: number): Value {
  const entries: Array<[string, Value]> = [];
  let open = false;
  const set = (key: string, value: Value) => {
    const at = entries.findIndex(([k, v]) => k === key && !(v.kind === 'deferred' && v.spread));
    if (at >= 0) entries.splice(at, 1);
    entries.push([key, value]);
  };
  for (const p of object.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = valueOf(p.expression, scope, true, depth + 1);
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
    if (ts.isPropertyAssignment(p)) set(key, valueOf(p.initializer, scope, false, depth + 1));
    else if (ts.isShorthandPropertyAssignment(p)) set(key, valueOf(p.name, scope, false, depth + 1));
    else set(key, UNKNOWN);
  }
  return { kind: 'object', entries, open };
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
