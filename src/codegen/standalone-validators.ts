import { _, type Ajv } from 'ajv';
import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, type JsonSchema } from '../plan/model.js';
import { setOwn } from '../plan/yaml-source.js';
import { createAjv } from '../validate/ajv.js';
import { formatCheckerSource } from './runtime-formats.js';

/** A schema to compile, under the name the generated code looks its validator up by. */
export interface ValidatorSource {
  key: string;
  schema: JsonSchema;
}

/** The type of the errors the validators report; the module that holds them must declare it. */
export const AJV_ERROR_TYPE =
  'type $AjvError = { instancePath: string; keyword: string; params: { missingProperty?: unknown; additionalProperty?: unknown; [key: string]: unknown }; message?: string };';

/** A format the generated code cannot check (ajv-formats implements it as code cdp does not carry). */
export class UnsupportedFormatError extends Error {
  override name = 'UnsupportedFormatError';
}

// Keywords that only annotate: dropped before compiling, so the generated code does not carry them.
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', '$comment', 'deprecated', 'default', 'readOnly', 'writeOnly']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
const TYPES_ID = 'types.json';
const DEFINITIONS_REF = '#/definitions/';

const RUNTIME_HELPERS: Record<string, string> = {
  // Length in code points, as JSON Schema counts it (ajv's ucs2length).
  ucs2length: 'const $ucs2length = (s: string): number => Array.from(s).length;',
  equal: `const $equal = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return a !== a && b !== b;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && $equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  };`,
};

/**
 * TypeScript source of `const $validators = {...}`: one validator per source, compiled now by ajv's
 * standalone code generation. The result needs neither ajv nor ajv-formats at run time and never
 * builds code from strings (no `new Function`, so it runs under a strict Content-Security-Policy).
 * ajv emits JavaScript; the few places strict TypeScript would reject are typed here. The code refers
 * to `$AjvError` (AJV_ERROR_TYPE), which the module declares outside the returned expression.
 */
export async function standaloneValidators(sources: ValidatorSource[], definitions: JsonSchema, indent = '  '): Promise<string> {
  const standaloneModule = await import('ajv/dist/standalone/index.js');
  // CommonJS under NodeNext: the function is `default`, or `default.default` depending on resolution.
  const loaded = standaloneModule.default as unknown as { default?: unknown };
  const standaloneCode = (typeof loaded === 'function' ? loaded : loaded.default) as (ajv: Ajv, exports: Record<string, string>) => string;
  // Reusable types are compiled once, as functions every event's validator calls, not once per event.
  // ownProperties: a payload without `constructor` must not be checked against Object's. Small
  // types are inlined, bigger ones become one function each; 12 keywords measured smallest.
  const ajv = createAjv({ inlineRefs: 12, ownProperties: true, code: { source: true, esm: true, lines: true, formats: _`$formats` } });
  ajv.addSchema({ $id: TYPES_ID, ...(forValidation({ definitions }, false) as JsonSchema) }, TYPES_ID);
  for (const { key, schema } of sources) ajv.addSchema(forValidation(schema, true) as object, key);
  let code = standaloneCode(ajv, Object.fromEntries(sources.map((s) => [s.key, s.key])));

  code = code.replace(/^"use strict";\s*/, '').replace(/^export const /gm, 'const ');
  const helpers: string[] = [];
  code = code.replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_match: string, name: string) => {
    const helper = RUNTIME_HELPERS[name];
    if (!helper) throw new Error(`ajv's standalone code needs its runtime module "${name}", which generated code does not carry`);
    if (!helpers.includes(helper)) helpers.push(helper);
    return `$${name}`;
  });
  if (/\brequire\(/.test(code)) throw new Error(`ajv's standalone code requires a module: ${/require\([^)]*\)/.exec(code)![0]}`);
  code = code
    // ajv writes schemas it consults at run time as JSON; as an object literal, a "__proto__" key there would set the prototype.
    .replace(/^const schema\d+ = .*$/gm, (line) => line.replace(/([{,])"__proto__":/g, '$1["__proto__"]:'))
    .replace(/\blet vErrors = null;/g, 'let vErrors: any = null;')
    // multipleOf: `(0.5 === 0 || (res0 = data/0.5, res0 !== parseInt(res0)))` compares a literal and parses a number.
    .replace(/^let (res\d+);$/gm, 'let $1: any;')
    // contains: `var validN` is set in a loop and read after it, which strict tsc calls unassigned.
    .replace(/^var (valid\d+) = /gm, 'var $1: any = ')
    .replace(/\((-?[\d.]+(?:e[+-]?\d+)?) === 0 \|\| /g, '(($1 as number) === 0 || ')
    .replace(/^function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)/gm, (match: string, name: string, offset: number, whole: string) => `function ${name}(data: any, ${contextParameter(whole, name, offset + match.length)}): boolean`);
  code = withoutUnusedConstants(code);
  const functions = [...code.matchAll(/^function (validate\d+)\(/gm)].map((m) => m[1]!);

  const lines = [
    'type $Context = { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown };',
    ...formatsObject(code, ajv.formats as Record<string, unknown>),
    ...helpers,
    code.trim(),
    ...functions.map((f) => `${f}.errors = null as $AjvError[] | null;`),
    `return { ${sources.map((s) => s.key).join(', ')} };`,
  ];
  // Marked pure so that a bundler drops the validators of events the app never sends.
  return `const $validators = /* @__PURE__ */ (() => {\n${lines.join('\n').split('\n').map((l) => (l === '' ? l : indent + l)).join('\n')}\n})();\n`;
}

const CONTEXT_FIELDS: Array<[name: string, declaration: string]> = [
  ['instancePath', 'instancePath=""'],
  ['parentData', 'parentData'],
  ['parentDataProperty', 'parentDataProperty'],
  ['rootData', 'rootData=data'],
];

/**
 * The second parameter of a validator, destructuring only what its body uses, so that the module
 * also compiles under `noUnusedParameters`. The body runs from `bodyStart` to `<name>.errors =`.
 */
function contextParameter(code: string, name: string, bodyStart: number): string {
  const body = code.slice(bodyStart, code.indexOf(`${name}.errors = vErrors;`, bodyStart));
  // A name followed by `:` is a key of the context passed on to another validator, not a use.
  const used = CONTEXT_FIELDS.filter(([field]) => new RegExp(`\\b${field}\\b(?!\\s*:)`).test(body));
  return used.length === 0 ? '_context: $Context = {}' : `{${used.map(([, declaration]) => declaration).join(', ')}}: $Context = {}`;
}

/** Drops the `const schemaN = ...;` and `const funcN = ...;` lines ajv writes but nothing reads. */
function withoutUnusedConstants(code: string): string {
  const uses = new Map<string, number>();
  for (const [name] of code.matchAll(/\b(?:schema|func)\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return code.replace(/^const ((?:schema|func)\d+) = .*;\n/gm, (line, name: string) => (uses.get(name)! > 1 ? line : ''));
}

/** `const $formats = {...}` with a checker for every format the code refers to, from `formats` (ajv-formats'). */
function formatsObject(code: string, formats: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\$formats(?:\[("(?:[^"\\]|\\.)*")\]|\.([\w$]+))/g)) names.add(m[1] !== undefined ? (JSON.parse(m[1]) as string) : m[2]!);
  if (names.size === 0) return [];
  const entries = [...names].sort().map((name) => {
    const def = formats[name];
    const source = def instanceof RegExp ? `new RegExp(${JSON.stringify(def.source)}, ${JSON.stringify(def.flags)})` : formatCheckerSource(name);
    if (source === undefined) throw new UnsupportedFormatError(`format "${name}" cannot be checked by generated code; use --validate off, or another format`);
    return `${JSON.stringify(name)}: ${source},`;
  });
  return ['const $formats = {', ...entries.map((e) => `  ${e.replace(/\n/g, '\n  ')}`), '};'];
}

/**
 * A copy of `schema` without annotation keywords (property names that look like them are kept), and,
 * for an event's schema, with references to reusable types pointed at the shared types schema.
 */
export function forValidation(schema: unknown, pointRefsAtTypes: boolean): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const recurse = (value: unknown) => forValidation(value, pointRefsAtTypes);
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === '$ref' && pointRefsAtTypes && typeof value === 'string' && value.startsWith(DEFINITIONS_REF)) {
      out.$ref = TYPES_ID + value;
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      const map: JsonSchema = {};
      for (const [k, v] of Object.entries(value)) setOwn(map, k, Array.isArray(v) ? v : recurse(v));
      setOwn(out, key, map);
    } else if (key === 'items' || SINGLE_SUBSCHEMA_KEYWORDS.has(key)) {
      setOwn(out, key, Array.isArray(value) ? value.map(recurse) : recurse(value));
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key)) {
      setOwn(out, key, (value as unknown[]).map(recurse));
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}
