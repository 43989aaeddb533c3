import { readFileSync } from 'node:fs';
import { isJsonType, type JsonSchema } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import type { ImportNotes, Path } from './import-notes.js';
import { isObject } from './read-shapes.js';

/** The keywords a property of the plan format may carry, read from the format's own schema so the two cannot drift apart. */
const PLAN_KEYWORDS: ReadonlySet<string> = (() => {
  const format = JSON.parse(readFileSync(new URL('../../schemas/tracking-plan.schema.json', import.meta.url), 'utf8')) as {
    definitions: { propertySchema: { anyOf: Array<{ properties?: JsonSchema }> } };
  };
  const objectForm = format.definitions.propertySchema.anyOf.find((branch) => branch.properties);
  return new Set(Object.keys(objectForm?.properties ?? {}));
})();

/** Keywords whose value is one subschema, converted like a property. */
const SUBSCHEMA = new Set(['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SUBSCHEMA_MAPS = new Set(['patternProperties', 'dependencies']);
/** Written after the other keywords (and `type` before them), in this order, as a person lays out a property. */
const LAST = ['required', 'description', 'items', 'properties'];

export interface ConvertContext {
  notes: ImportNotes;
  /** `#/definitions/<name>` of the schema being read, to the plan type it became. */
  refs: Map<string, string>;
  /** Formats ajv knows: any other would stop the plan loading. */
  formats: ReadonlySet<string>;
  /** Whether the section's unplanned-properties policy closes objects that list their properties (anything but `off`). */
  closedByPolicy: boolean;
}

/**
 * One JSON Schema (a property, a trait, an item, a type) in the plan's words: shorthand where it
 * says the same, `required` lists folded into `required: true`, every keyword the format has kept
 * as it is, and each thing it cannot say commented at the spot.
 */
export function convertProperty(schema: unknown, path: Path, ctx: ConvertContext, name?: string, required = false): unknown {
  if (typeof schema === 'boolean') return required ? { ...(schema ? {} : { not: {} }), required: true } : schema;
  if (!isObject(schema)) {
    ctx.notes.comment(path, `Was ${JSON.stringify(schema)}, which is not a schema; read as {} (any value).`);
    return required ? { required: true } : {};
  }
  const out: JsonSchema = {};
  let childProperties: JsonSchema | undefined;
  let childRequired: string[] = [];
  let description: string | undefined;
  let reference: string | undefined;
  let draft3Required = false;
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'type': {
        const type = convertType(value, path, ctx);
        if (type !== undefined) out.type = type;
        break;
      }
      case 'description':
        if (typeof value === 'string' && value !== '') description = value;
        else if (typeof value !== 'string') ctx.notes.comment(path, `description ${JSON.stringify(value)} is not text; left out.`);
        break;
      case 'id':
      case '$id':
        dropIdentifier(key, value, path, ctx);
        break;
      case '$schema':
        ctx.notes.tally('$schema-nested', (n) => `${n} \`$schema\` keyword(s) inside properties left out: the plan compiles every schema to draft-07.`);
        break;
      case 'key':
        if (value === name) ctx.notes.tally('key', (n) => `${n} \`key\` keyword(s) left out: Segment's editor repeats the property's name there.`);
        else ctx.notes.comment(path, `key: ${JSON.stringify(value)} left out (not a JSON Schema keyword; the property is named by its key).`);
        break;
      case 'required':
        if (Array.isArray(value)) childRequired = value.filter((v): v is string => typeof v === 'string');
        else if (value === true) draft3Required = true;
        else if (value !== false) ctx.notes.comment(path, `required: ${JSON.stringify(value)} is neither a list nor a boolean; left out.`);
        break;
      case 'properties':
        if (isObject(value)) childProperties = value;
        else ctx.notes.comment(path, `properties: ${JSON.stringify(value)} is not a map of properties; left out.`);
        break;
      case 'items':
        out.items = Array.isArray(value) ? value.map((v, i) => convertProperty(v, [...path, 'items', String(i)], ctx)) : convertProperty(value, [...path, 'items'], ctx);
        ctx.notes.keptKeywords += Array.isArray(value) ? 1 : 0;
        break;
      case '$ref':
        reference = resolveReference(value, path, ctx);
        break;
      case 'format':
        if (typeof value === 'string' && ctx.formats.has(value)) keep(out, key, value, ctx);
        else ctx.notes.comment(path, `format: ${JSON.stringify(value)} left out: not a format cdp can check (${[...ctx.formats].slice(0, 6).join(', ')}, ...).`);
        break;
      case 'pattern':
        if (typeof value === 'string' && validUnicodePattern(value)) keep(out, key, value, ctx);
        else ctx.notes.comment(path, `pattern: ${JSON.stringify(value)} left out: not a regular expression ajv can compile (unicode mode).`);
        break;
      case 'definitions':
        ctx.notes.comment(path, `definitions here were not lifted into types (only an event's own definitions are): ${JSON.stringify(value)}`);
        break;
      default:
        if (SUBSCHEMA.has(key)) {
          setOwn(out, key, convertProperty(value, [...path, key], ctx));
          ctx.notes.keptKeywords++;
        } else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) {
          out[key] = value.map((v, i) => convertProperty(v, [...path, key, String(i)], ctx));
          ctx.notes.keptKeywords++;
        } else if (SUBSCHEMA_MAPS.has(key) && isObject(value)) {
          const map: JsonSchema = {};
          for (const [k, v] of Object.entries(value)) setOwn(map, k, Array.isArray(v) ? v : convertProperty(v, [...path, key, k], ctx));
          out[key] = map;
          ctx.notes.keptKeywords++;
        } else if (PLAN_KEYWORDS.has(key) && key !== '$ref') {
          keep(out, key, value, ctx);
        } else {
          ctx.notes.comment(path, `${key}: ${JSON.stringify(value)} left out: not a JSON Schema keyword the plan format has.`);
        }
    }
  }
  draft4Bounds(out, path, ctx);
  if (draft3Required) ctx.notes.comment(path, '`required: true` inside the property (a draft-03 habit) read as: the property is required.');
  if (childProperties !== undefined) {
    const body = convertPropertyMap(childProperties, [...path, 'properties'], childRequired, ctx);
    if (Object.keys(body.properties).length > 0 || out.additionalProperties !== undefined) out.properties = body.properties;
    if (body.undeclared.length > 0) out.required = body.undeclared;
  } else if (childRequired.length > 0) {
    out.required = childRequired;
  }
  if (out.additionalProperties === false && ctx.closedByPolicy && out.properties !== undefined && out.patternProperties === undefined) {
    delete out.additionalProperties;
    ctx.notes.keptKeywords--;
  }
  if (description !== undefined) out.description = description;
  if (required || draft3Required) out.required = out.required === undefined ? true : out.required;
  return shorthand(placeReference(arrange(out), reference, path, ctx));
}

/** A map of properties (or traits) and the `required` list of the object holding them. */
export function convertPropertyMap(properties: JsonSchema, path: Path, required: string[], ctx: ConvertContext): { properties: JsonSchema; undeclared: string[] } {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(properties)) setOwn(out, key, convertProperty(value, [...path, key], ctx, key, required.includes(key)));
  const undeclared = required.filter((r) => !Object.hasOwn(properties, r));
  if (undeclared.length > 0) {
    ctx.notes.comment(path, `required also lists ${undeclared.map((r) => JSON.stringify(r)).join(', ')}, which ${undeclared.length === 1 ? 'is' : 'are'} not declared; kept as a required list.`);
  }
  return { properties: out, undeclared };
}

function convertType(value: unknown, path: Path, ctx: ConvertContext): unknown {
  const list = Array.isArray(value) ? value : [value];
  const valid = list.filter(isJsonType);
  if (valid.length < list.length) {
    const bad = list.filter((t) => !isJsonType(t));
    ctx.notes.comment(path, `type ${bad.map((t) => JSON.stringify(t)).join(', ')} left out: not a JSON type name.`);
  }
  if (valid.length === 0) return undefined;
  return valid.length === 1 ? valid[0] : valid;
}

function dropIdentifier(key: string, value: unknown, path: Path, ctx: ConvertContext): void {
  if (typeof value === 'string' && (value.startsWith('/') || value.startsWith('#'))) {
    ctx.notes.tally('ids', (n) => `${n} \`id\`/\`$id\` keyword(s) left out: Segment's editor writes each schema's own JSON pointer there, and the plan names things by their keys.`);
  } else {
    ctx.notes.comment(path, `${key}: ${JSON.stringify(value)} left out: the plan names things by their keys.`);
  }
}

function resolveReference(value: unknown, path: Path, ctx: ConvertContext): string | undefined {
  const match = typeof value === 'string' ? /^#\/definitions\/(.+)$/.exec(value) : null;
  const target = match ? ctx.refs.get(decodeURIComponent(match[1]!.replace(/~1/g, '/').replace(/~0/g, '~'))) : undefined;
  if (target === undefined) ctx.notes.comment(path, `$ref: ${JSON.stringify(value)} left out: it does not point at a definition of this rule.`);
  return target;
}

/** draft-04 wrote `exclusiveMinimum: true` beside `minimum`; draft-07 puts the bound in `exclusiveMinimum`. */
function draft4Bounds(out: JsonSchema, path: Path, ctx: ConvertContext): void {
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
      ctx.notes.comment(path, `${flag}: true with ${bound} (draft-04) written as draft-07's ${flag}: <bound>.`);
    } else {
      const exclusive = out[flag];
      delete out[flag];
      ctx.notes.keptKeywords--;
      if (exclusive === true) ctx.notes.comment(path, `${flag}: true without a ${bound} left out: it bounds nothing.`);
    }
  }
}

function keep(out: JsonSchema, key: string, value: unknown, ctx: ConvertContext): void {
  setOwn(out, key, value);
  ctx.notes.keptKeywords++;
}

function arrange(out: JsonSchema): JsonSchema {
  const arranged: JsonSchema = {};
  if (Object.hasOwn(out, 'type')) arranged.type = out.type;
  for (const key of Object.keys(out)) if (key !== 'type' && !LAST.includes(key)) setOwn(arranged, key, out[key]);
  for (const key of LAST) if (Object.hasOwn(out, key)) arranged[key] = out[key];
  return arranged;
}

/**
 * A reference becomes `type: Name` (draft-07 ignores a `$ref`'s siblings; the plan keeps them). A
 * lone `allOf: [Name]`, which is how `cdp compile` writes a reference with siblings, folds back.
 */
function placeReference(out: JsonSchema, reference: string | undefined, path: Path, ctx: ConvertContext): JsonSchema {
  if (reference === undefined && out.type === undefined && Array.isArray(out.allOf) && out.allOf.length === 1 && typeof out.allOf[0] === 'string' && !isJsonType(out.allOf[0])) {
    const { allOf, ...rest } = out;
    ctx.notes.keptKeywords--;
    return { type: (allOf as string[])[0], ...rest };
  }
  if (reference === undefined) return out;
  if (out.type === undefined) return { type: reference, ...out };
  ctx.notes.comment(path, `$ref to ${reference} beside type ${JSON.stringify(out.type)}: both kept, as allOf.`);
  const allOf = Array.isArray(out.allOf) ? out.allOf : [];
  return { ...out, allOf: [reference, ...allOf] };
}

function shorthand(out: JsonSchema): unknown {
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === 'type' && typeof out.type === 'string' ? out.type : out;
}

function validUnicodePattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
