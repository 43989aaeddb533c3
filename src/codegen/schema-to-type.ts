import { TYPE_REF_PREFIX, type JsonSchema } from '../plan/model.js';
import { toIdentifier } from './identifiers.js';
import { jsdoc, type DocParts } from './jsdoc.js';

export interface TypeContext {
  /** The generated name of a reusable type of the plan. */
  typeName(name: string): string;
  /**
   * Whether objects that list their properties accept others too (the plan's `unplanned_properties`
   * policy is `off`); if not, the type has no index signature and an extra property is a compile error.
   */
  open: boolean;
  /**
   * Declares an object of the plan (a property's value, or an array's items) as a named interface:
   * gets a name to start from, returns the name it was declared under. Without it, objects are inline.
   */
  nested?: (name: string, schema: JsonSchema) => string;
}

const INDENT = '  ';
const SIMPLE_TYPE = /^[\p{L}\p{N}_$.]+$/u;
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;
// Keywords that shape a type beyond `type` itself; a schema with one is not a plain interface.
const SHAPING_KEYWORDS = ['$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf'];
const OBJECT_MEMBERS = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

/** A type expression, with what it needs to be safely combined with others. */
interface Type {
  text: string;
  /** `union` and `intersection` need parentheses inside another operator or `[]`. */
  form: 'atom' | 'union' | 'intersection';
}

/**
 * The TypeScript type of values that a (normalized, plan-model) schema accepts, as exactly as types
 * can say it: literal unions for enum and const, `T | null` for nullable, optional properties only
 * where the plan does not require them. Constraints types cannot carry (bounds, patterns, formats)
 * are left to run-time validation. `indent` is the indentation of the line the type starts on.
 */
export function schemaToType(schema: JsonSchema | boolean, ctx: TypeContext, indent = ''): string {
  return typeOf(schema, ctx, indent).text;
}

function typeOf(schema: JsonSchema | boolean, ctx: TypeContext, indent: string): Type {
  if (schema === true) return atom('unknown');
  if (schema === false) return atom('never');
  const parts: Type[] = [];
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(TYPE_REF_PREFIX)) parts.push(atom(ctx.typeName(schema.$ref.slice(TYPE_REF_PREFIX.length))));
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  if (values) parts.push(union(values.map((v) => atom(literalType(v)))));
  else {
    const own = ownType(schema, ctx, indent);
    if (own !== undefined) parts.push(own);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) parts.push(union((schema[key] as JsonSchema[]).map((s) => typeOf(s, ctx, indent))));
  }
  if (Array.isArray(schema.allOf)) parts.push(...(schema.allOf as JsonSchema[]).map((s) => typeOf(s, ctx, indent)));
  if (parts.length === 0) return atom('unknown');
  if (parts.length === 1) return parts[0]!;
  return { text: parts.map((p) => (p.form === 'union' ? `(${p.text})` : p.text)).join(' & '), form: 'intersection' };
}

/** The type from `type` (or implied by `properties` / `items`); undefined when the schema says nothing. */
function ownType(schema: JsonSchema, ctx: TypeContext, indent: string): Type | undefined {
  const declared = schema.type;
  const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? (declared as string[]) : undefined;
  if (types) return union(types.map((t) => jsonType(t, schema, ctx, indent)));
  if (schema.properties !== undefined) return atom(objectType(schema, ctx, indent));
  if (schema.items !== undefined) return atom(arrayType(schema, ctx, indent));
  return undefined;
}

function jsonType(type: string, schema: JsonSchema, ctx: TypeContext, indent: string): Type {
  switch (type) {
    case 'string':
    case 'boolean':
    case 'null':
      return atom(type);
    case 'number':
    case 'integer':
      return atom('number');
    case 'array':
      return atom(arrayType(schema, ctx, indent));
    case 'object':
      return atom(objectType(schema, ctx, indent));
    default:
      return atom('unknown');
  }
}

function arrayType(schema: JsonSchema, ctx: TypeContext, indent: string): string {
  const items = schema.items;
  if (Array.isArray(items)) {
    const members = items.map((s) => schemaToType(s as JsonSchema, ctx, indent));
    if (schema.additionalItems !== false) members.push(`...${arrayOf(typeOf((schema.additionalItems as JsonSchema | undefined) ?? true, ctx, indent))}`);
    return `[${members.join(', ')}]`;
  }
  return arrayOf(items === undefined ? atom('unknown') : typeOf(items as JsonSchema, ctx, indent));
}

function arrayOf(element: Type): string {
  return element.form === 'atom' && SIMPLE_TYPE.test(element.text) ? `${element.text}[]` : `Array<${element.text}>`;
}

/**
 * An object type literal. It is open (an index signature of `unknown`) when the schema lists no
 * properties, when it allows more with `additionalProperties` or `patternProperties`, or when the
 * plan's policy does.
 */
export function objectType(schema: JsonSchema, ctx: TypeContext, indent: string): string {
  const open = isOpenObject(schema, ctx);
  if (Object.keys(schema.properties ?? {}).length === 0) return open ? 'Record<string, unknown>' : 'Record<string, never>';
  return `{\n${objectMembers(schema, ctx, indent + INDENT, open)}${indent}}`;
}

/** Whether an object schema takes keys it does not list (and so gets an index signature). */
export function isOpenObject(schema: JsonSchema, ctx: TypeContext): boolean {
  if (schema.additionalProperties === false) return false;
  // Like the compiled schema: only an object that declares `properties` is closed by the plan's policy.
  return schema.properties === undefined || ctx.open || schema.patternProperties !== undefined || schema.additionalProperties !== undefined;
}

/** An object schema with listed properties and nothing else that shapes its type: it can be an interface. */
export function isInterfaceLike(schema: JsonSchema | boolean): schema is JsonSchema {
  if (typeof schema !== 'object' || schema.type !== 'object' || Object.keys(schema.properties ?? {}).length === 0) return false;
  return !SHAPING_KEYWORDS.some((k) => k in schema);
}

/**
 * The members of an object type, one per line, each with its JSDoc; used for interfaces too. With
 * `owner`, the name of the interface, objects in its properties become interfaces named after it.
 */
export function objectMembers(schema: JsonSchema, ctx: TypeContext, indent: string, open: boolean, owner?: string): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema | boolean>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  let out = '';
  for (const key of Object.keys(properties)) {
    const property = properties[key]!;
    if (typeof property === 'object') out += jsdoc(docOf(property), indent);
    const type = (owner !== undefined && memberInterface(property, `${owner.replace(/Properties$/, '')}${toIdentifier(key, 'PascalCase').replace(/_$/, '')}`, ctx)) || typeOf(property, ctx, indent);
    // TypeScript reads an absent optional `constructor` (or `toString`, ...) from Object, so the
    // member's own type has to be accepted too, or no object without that key would be assignable.
    const text = !required.has(key) && OBJECT_MEMBERS.has(key) ? `${type.form === 'intersection' ? `(${type.text})` : type.text} | Object[${JSON.stringify(key)}]` : type.text;
    out += `${indent}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${text};\n`;
  }
  if (open) out += `${indent}[property: string]: unknown;\n`;
  return out;
}

/** What the JSDoc of a schema says: description, deprecation and examples. */
export function docOf(schema: JsonSchema): DocParts {
  const doc: DocParts = {};
  if (typeof schema.description === 'string') doc.description = schema.description;
  if (schema.deprecated === true || typeof schema.deprecated === 'string') doc.deprecated = schema.deprecated;
  if (Array.isArray(schema.examples)) doc.examples = schema.examples;
  return doc;
}

/** A property's type as a named interface (`Address`, or `Item[]` for an array of objects), if it is one. */
function memberInterface(property: JsonSchema | boolean, name: string, ctx: TypeContext): Type | undefined {
  if (!ctx.nested || typeof property !== 'object') return undefined;
  const whole: JsonSchema | boolean = property;
  if (isInterfaceLike(whole)) return atom(ctx.nested(name, whole));
  const items = property.items;
  const plainArray = property.type === 'array' && !SHAPING_KEYWORDS.some((k) => k in property);
  if (plainArray && items !== undefined && !Array.isArray(items) && isInterfaceLike(items as JsonSchema)) return atom(`${ctx.nested(`${name}Item`, items as JsonSchema)}[]`);
  return undefined;
}

/** A property name as it may appear in a type: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : JSON.stringify(key);
}

function literalType(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'number';
  return Array.isArray(value) ? 'unknown[]' : 'Record<string, unknown>';
}

function atom(text: string): Type {
  return { text, form: 'atom' };
}

function union(members: Type[]): Type {
  const unique = [...new Map(members.map((m) => [m.text, m])).values()];
  if (unique.length === 0) return atom('never');
  if (unique.length === 1) return unique[0]!;
  return { text: unique.map((m) => (m.form === 'intersection' ? `(${m.text})` : m.text)).join(' | '), form: 'union' };
}
