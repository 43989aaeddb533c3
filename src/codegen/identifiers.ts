/**
 * Plan names -> TypeScript identifiers. `cdp codegen` names its functions and types with these, and
 * `cdp scan` recognises calls of the generated functions with the same mapping, so the two can never
 * disagree about which function sends which event.
 */
import type { Plan } from '../plan/model.js';
import { compareCodeUnits } from '../core/compare.js';
import { toCase } from '../naming/case.js';

/**
 * Names the generated module exports besides the per-event functions. An event whose function name
 * would be one of these gets a numbered name instead (an event called "Identify" -> `identify2`).
 */
export const GENERATED_RUNTIME_EXPORTS: readonly string[] = ['identify', 'group', 'page', 'screen', 'alias', 'track', 'setClient', 'setOnViolation'];

// Words that cannot name a binding in strict-mode module code, plus globals that would be shadowed
// confusingly (a function called `undefined` is legal in a module, and a trap).
const RESERVED = new Set([
  'arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'eval', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in',
  'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static',
  'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'undefined', 'NaN', 'Infinity', 'globalThis',
  // TypeScript's own type names, which a type alias may not take.
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'Object', 'String', 'Number',
  'Boolean', 'Symbol', 'Array', 'Date', 'Record', 'Partial', 'Required', 'Readonly', 'Promise', 'Error',
]);

const ID_START = /^[\p{ID_Start}$_]/u;
const NOT_ID_CONTINUE = /[^\p{ID_Continue}$\u200c\u200d]/gu;

export type IdentifierStyle = 'camelCase' | 'PascalCase';

/**
 * A valid, non-reserved identifier for `name` in `style`: "Order Completed" -> orderCompleted,
 * "404 Viewed" -> _404Viewed, "class" -> class_, "__proto__" -> proto, "!!!" -> `fallback`.
 */
export function toIdentifier(name: string, style: IdentifierStyle, fallback = style === 'camelCase' ? 'unnamed' : 'Unnamed'): string {
  let id = toCase(name, style).replace(NOT_ID_CONTINUE, '');
  if (id === '') id = fallback;
  if (!ID_START.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/**
 * One distinct identifier per name, the same for the same set of names whatever their order: names
 * are taken in code-unit order and a name whose identifier is already used (by an earlier name or by
 * `taken`) gets the first free numbered one (`orderCompleted2`, `orderCompleted3`, ...).
 */
export function assignIdentifiers(names: Iterable<string>, style: IdentifierStyle, taken: Iterable<string> = []): Map<string, string> {
  const used = new Set(taken);
  const result = new Map<string, string>();
  for (const name of [...new Set(names)].sort(compareCodeUnits)) result.set(name, claimName(toIdentifier(name, style), used));
  return result;
}

/** `base`, or the first of `base2`, `base3`, ... that `used` does not hold; added to `used`. */
export function claimName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/** The generated function name of each track event in the plan, by event name. */
export function eventFunctionNames(plan: Pick<Plan, 'events'>): Map<string, string> {
  return assignIdentifiers(plan.events.keys(), 'camelCase', GENERATED_RUNTIME_EXPORTS);
}

