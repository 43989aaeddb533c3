import { _, type Ajv } from 'ajv';
import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, type JsonSchema } from '../plan/model.js';
import { setOwn } from '../plan/yaml-source.js';
import { createAjv, namesInheritedProperties } from '../validate/ajv.js';
import { compactConcats, compactErrorSites, CONCAT_HELPER, ownKeySets, positionalInstancePath, REPORT_HELPER } from './compact-ajv-code.js';
import { formatCheckerSource } from './runtime-formats.js';

/** A schema to compile, under the name the generated code looks its validator up by. */
export interface ValidatorSource {
  key: string;
  schema: JsonSchema;
}

/** A format the generated code cannot check (ajv-formats implements it as code cdp does not carry). */
export class UnsupportedFormatError extends Error {
  override name = 'UnsupportedFormatError';
}

// Keywords that only annotate: dropped before compiling, so the generated code does not carry them.
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', '$comment', 'deprecated', 'default', 'readOnly', 'writeOnly']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
const DEFINITIONS_REF = '#/definitions/';
// Each reusable type is a schema of its own: ajv compiles a fragment of another schema (a
// definition) again for every schema that refers to it, but a schema with an id only once.
const typeId = (name: string) => `cdp:types/${encodeURIComponent(name)}`;

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
  const types = Object.entries(definitions).map(([name, schema]) => ({ key: typeId(name), schema: forValidation(schema) as JsonSchema }));
  // Events with the same schema (an event and its undo, say) share one validator.
  const schemas = new Map<string, { key: string; schema: JsonSchema }>();
  const exports = sources.map(({ key, schema }) => {
    const forAjv = forValidation(schema) as JsonSchema;
    const json = JSON.stringify(forAjv);
    if (!schemas.has(json)) schemas.set(json, { key, schema: forAjv });
    const first = schemas.get(json)!.key;
    return first === key ? key : `${key}: ${first}`;
  });
  // ownProperties only where the plan names a property every object inherits, as in `cdp lint`: a
  // payload without `constructor` must not be checked against Object's. Every reusable type is a
  // function of its own, called where it is used: inlining small ones measured larger.
  const ownProperties = namesInheritedProperties([...types, ...schemas.values()].map((s) => s.schema));
  const ajv = createAjv({ inlineRefs: false, ownProperties, code: { source: true, esm: true, lines: true, formats: _`$formats` } });
  for (const { key, schema } of [...types, ...schemas.values()]) ajv.addSchema(schema, key);
  let code = standaloneCode(ajv, Object.fromEntries([...schemas.values()].map((s) => [s.key, s.key])));

  code = code.replace(/^"use strict";\s*/, '').replace(/^export const /gm, 'const ');
  const helpers: string[] = [];
  code = code.replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_match: string, name: string) => {
    const helper = RUNTIME_HELPERS[name];
    if (!helper) throw new Error(`ajv's standalone code needs its runtime module "${name}", which generated code does not carry`);
    if (!helpers.includes(helper)) helpers.push(helper);
    return `$${name}`;
  });
  if (/\brequire\(/.test(code)) throw new Error(`ajv's standalone code requires a module: ${/require\([^)]*\)/.exec(code)![0]}`);
  code = ownKeySets(positionalInstancePath(compactConcats(compactErrorSites(code))))
    // ajv writes schemas it consults at run time as JSON; as an object literal, a "__proto__" key there would set the prototype.
    .replace(/^const schema\d+ = .*$/gm, (line) => line.replace(/([{,])"__proto__":/g, '$1["__proto__"]:'))
    .replace(/\blet vErrors = null;/g, 'let vErrors: any = null;')
    // multipleOf: `(0.5 === 0 || (res0 = data/0.5, res0 !== parseInt(res0)))` compares a literal and parses a number.
    .replace(/^let (res\d+);$/gm, 'let $1: any;')
    // contains: `var validN` is set in a loop and read after it, which strict tsc calls unassigned.
    .replace(/^var (valid\d+) = /gm, 'var $1: any = ')
    .replace(/\((-?[\d.]+(?:e[+-]?\d+)?) === 0 \|\| /g, '(($1 as number) === 0 || ');
  code = withoutUnusedConstants(code);
  const functions = [...code.matchAll(/^function (validate\d+)\(/gm)].map((m) => m[1]!);

  const lines = [
    REPORT_HELPER,
    ...(code.includes('$concat(') ? [CONCAT_HELPER] : []),
    ...formatsObject(code, ajv.formats as Record<string, unknown>),
    ...helpers,
    code.trim(),
    ...functions.map((f) => `${f}.errors = null as $AjvError[] | null;`),
    `return { ${exports.join(', ')} };`,
  ];
  // Marked pure so that a bundler drops the validators of events the app never sends.
  return `const $validators = /* @__PURE__ */ (() => {\n${lines.join('\n').split('\n').map((l) => (l === '' ? l : indent + l)).join('\n')}\n})();\n`;
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
 * A copy of `schema` without annotation keywords (property names that look like them are kept), with
 * references to reusable types pointed at the types' own schemas.
 */
export function forValidation(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFINITIONS_REF)) {
      out.$ref = typeId(value.slice(DEFINITIONS_REF.length));
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      const map: JsonSchema = {};
      for (const [k, v] of Object.entries(value)) setOwn(map, k, Array.isArray(v) ? v : forValidation(v));
      setOwn(out, key, map);
    } else if (key === 'items' || SINGLE_SUBSCHEMA_KEYWORDS.has(key)) {
      setOwn(out, key, Array.isArray(value) ? value.map(forValidation) : forValidation(value));
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key)) {
      setOwn(out, key, (value as unknown[]).map(forValidation));
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}
