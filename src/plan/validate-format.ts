import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import { schemaValidator } from '../validate/ajv.js';
import { closest } from '../naming/distance.js';
import { joinPointer, pointerTokens } from './pointer.js';
import type { SourceMap } from './source-map.js';

const SCHEMA_URL = new URL('../../schemas/tracking-plan.schema.json', import.meta.url);

/** verbose: errors carry their parent schema, whose keys feed the did-you-mean hints. */
export const PLAN_FORMAT_AJV_OPTIONS = { verbose: true } as const;

let validator: ValidateFunction | undefined;

function planValidator(): ValidateFunction {
  validator ??= schemaValidator(new URL('./plan-format.validator.cjs', import.meta.url), SCHEMA_URL, PLAN_FORMAT_AJV_OPTIONS);
  return validator;
}

/** Checks one plan file's raw value against `schemas/tracking-plan.schema.json`. */
export function validatePlanFormat(value: unknown, map: SourceMap): Diagnostic[] {
  const validate = planValidator();
  if (validate(value)) return [];
  return selectErrors(validate.errors ?? []).map((e) => toDiagnostic(e, map));
}

/**
 * Ajv reports every failing branch of an anyOf. A person wants the one that matches what they
 * wrote: drop `type` errors from branches when another branch got further at the same place.
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  // A bad name comes as the name's own error (carrying `propertyName`) and again as `propertyNames`.
  const real = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if' && e.keyword !== 'propertyNames');
  // A branch that got past the type check at this place, or anything failing further in, is the better story.
  const deeper = (e: ErrorObject) =>
    real.some(
      (o) => o !== e && (o.instancePath.startsWith(e.instancePath + '/') || (o.instancePath === e.instancePath && o.keyword !== 'type')),
    );
  const kept = real.filter((e) => !(e.keyword === 'type' && deeper(e)));
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of kept) {
    const key = e.keyword === 'type' ? `${e.instancePath}|type` : `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) {
      if (e.keyword === 'type') mergeTypes(out.find((o) => o.instancePath === e.instancePath && o.keyword === 'type')!, e);
      continue;
    }
    seen.add(key);
    out.push(e.keyword === 'type' ? { ...e, params: { type: String(e.params.type) } } : e);
  }
  return out;
}

function mergeTypes(target: ErrorObject, extra: ErrorObject): void {
  const types = new Set(String(target.params.type).split(',').concat(String(extra.params.type).split(',')));
  target.params = { type: [...types].join(',') };
}

function toDiagnostic(e: ErrorObject, map: SourceMap): Diagnostic {
  const name = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (name !== undefined) return nameDiagnostic(e, name, map);
  const where = describe(e.instancePath);
  let message: string;
  let suggestion: string | undefined;
  let pointer = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      suggestion = closest(key, allowed, 3);
      pointer = joinPointer(e.instancePath, key);
      message = `Unknown key "${key}" in ${where}${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
      break;
    }
    case 'type':
      message = `${capitalize(where)} must be ${listOr(String(e.params.type).split(','))}`;
      // YAML reads a bare `null` as nothing at all, which surprises people writing `type: [string, null]`.
      if (e.data === null) message += ' (a bare null in YAML is empty; write "null" in quotes for the null type)';
      break;
    case 'enum':
      message = `${capitalize(where)} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'pattern':
      message = `${capitalize(where)} ${e.instancePath.includes('/types') ? 'must be an identifier (letters, digits, _; not starting with a digit)' : `must match ${String(e.params.pattern)}`}`;
      break;
    case 'format':
      message = `${capitalize(where)} is not a valid ${String(e.params.format)}${e.params.format === 'regex' ? ' (regular expression)' : ''}`;
      break;
    default:
      message = `${capitalize(where)} ${e.message ?? 'is invalid'}`;
  }
  // An unknown key is pointed at by name; a bad value at the value itself.
  const { line, column } = map.locate(pointer, e.keyword === 'additionalProperties' ? 'key' : 'value');
  const d: Diagnostic = { ruleId: 'plan/invalid-format', severity: 'error', fatal: true, message, file: map.file, line, column, path: pointer };
  if (suggestion !== undefined) d.suggestion = suggestion;
  return d;
}

/** A name (a key) that the format refuses, pointed at by itself rather than at the map holding it. */
function nameDiagnostic(e: ErrorObject, name: string, map: SourceMap): Diagnostic {
  const where = describe(e.instancePath);
  const message =
    name === ''
      ? `A name in ${where} is empty`
      : e.keyword === 'pattern' && e.instancePath === '/types'
        ? `Type name ${JSON.stringify(name)} must be an identifier (letters, digits, _; not starting with a digit)`
        : `Name ${JSON.stringify(name)} in ${where} ${e.message ?? 'is invalid'}`;
  const path = joinPointer(e.instancePath, name);
  return { ruleId: 'plan/invalid-format', severity: 'error', fatal: true, message, file: map.file, ...map.locate(path, 'key'), path };
}

/** Names a place in the plan the way its author thinks of it: `event "Order Completed"`, `property "price"`. */
export function describe(pointer: string): string {
  const t = pointerTokens(pointer);
  if (t.length === 0) return 'the plan';
  const section = t[0]!;
  const noun: Record<string, string> = { events: 'event', pages: 'page', screens: 'screen', types: 'type' };
  let out = noun[section] && t[1] !== undefined ? `${noun[section]} "${t[1]}"` : `"${section}"`;
  let i = noun[section] ? 2 : 1;
  while (i < t.length) {
    const tok = t[i]!;
    if ((tok === 'properties' || tok === 'traits') && t[i + 1] !== undefined) {
      out = `${tok === 'traits' ? 'trait' : 'property'} "${t[i + 1]}" of ${out}`;
      i += 2;
    } else {
      out = /^\d+$/.test(tok) ? `item ${Number(tok) + 1} of ${out}` : `"${tok}" of ${out}`;
      i++;
    }
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listOr(items: string[]): string {
  const words = items.map((t) => (t === 'object' ? 'a map' : t === 'array' ? 'a list' : t === 'null' ? 'empty' : t === 'integer' ? 'an integer' : `a ${t}`));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
