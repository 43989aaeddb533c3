import type { Ajv } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { SINGLE_SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, type JsonSchema } from '../plan/model.js';
import { setOwn } from '../core/set-own.js';
import { createAjv, namesInheritedProperties } from '../validate/ajv.js';
import { compactConcats, compactErrorSites, CONCAT_HELPER, directRecursiveCalls, ownKeySets, positionalInstancePath, REPORT_HELPER } from './compact-ajv-code.js';
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

/**
 * Generated validators test patterns with JavaScript's RegExp (ajv writes `new RegExp(...)` for
 * the engine whose code is "new RegExp"), not with the linear-time engine `cdp lint` runs: RE2 in
 * JavaScript would add 150 KB minified to every validating bundle and the generated code is to
 * need nothing at run time. `cdp check` warns about patterns that backtrack (plan/unsafe-pattern).
 */
const GENERATED_REGEXP: RegExpEngine = Object.assign((pattern: string, flags: string) => new RegExp(pattern, flags), { code: 'new RegExp' });

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
export async function standaloneValidators(sources: ValidatorSource[], definitions: JsonSchema): Promise<string> {
  const { code, helpers, exports } = await compileValidators([sources], definitions, false);
  return pureValidators('$validators', [...helpers, code], `{ ${exports[0]!.join(', ')} }`);
}

/** `const <name> = ` a function called at once, marked pure, that declares `body` (typing each validator's `errors`) and returns `result`. */
export function pureValidators(name: string, body: string[], result: string): string {
  const functions = body.flatMap((b) => [...b.matchAll(/^function (validate\d+)\(/gm)].map((m) => m[1]!));
  const lines = [...body.map((b) => b.trim()), ...functions.map((f) => `${f}.errors = null as $AjvError[] | null;`), `return ${result};`];
  // Marked pure so that a bundler drops the validators of events the app never sends.
  return `const ${name} = /* @__PURE__ */ (() => {\n${lines.join('\n').replace(/^(?=.)/gm, '  ')}\n})();\n`;
}

/** ajv's output for groups of sources, rewritten, with the declarations of the helpers it calls. */
export interface CompiledValidators {
  code: string;
  helpers: string[];
  /** Per group, the entries of the object of its validators by key: `t0`, or `t1: t0` for a schema met before in the group. */
  exports: string[][];
}

/**
 * Compiles the groups of sources in one ajv instance; with `exportTypes`, every reusable type's
 * validator is exported too, as `const $type_<Name> = validateN;`.
 */
export async function compileValidators(groups: ValidatorSource[][], definitions: JsonSchema, exportTypes: boolean): Promise<CompiledValidators> {
  // ajv loads here, not with the module: codegen without validators (--validate off) needs none of it.
  const standaloneModule = await import('ajv/dist/standalone/index.js');
  const { _ } = await import('ajv/dist/compile/codegen/index.js');
  // CommonJS under NodeNext: the function is `default`, or `default.default` depending on resolution.
  const loaded = standaloneModule.default as unknown as { default?: unknown };
  const standaloneCode = (typeof loaded === 'function' ? loaded : loaded.default) as (ajv: Ajv, exports: Record<string, string>) => string;
  const types = Object.entries(definitions).map(([name, schema]) => ({ name, key: typeId(name), schema: forValidation(schema) as JsonSchema }));
  // Sources of a group with the same schema (an event and its undo, say) share one validator.
  const schemas: Array<{ key: string; schema: JsonSchema }> = [];
  const exports = groups.map((sources) => {
    const firsts = new Map<string, string>();
    return sources.map(({ key, schema }) => {
      const forAjv = forValidation(schema) as JsonSchema;
      const json = JSON.stringify(forAjv);
      const first = firsts.get(json);
      if (first !== undefined) return `${key}: ${first}`;
      firsts.set(json, key);
      schemas.push({ key, schema: forAjv });
      return key;
    });
  });
  // ownProperties only where the plan names a property every object inherits, as in `cdp lint`: a
  // payload without `constructor` must not be checked against Object's. Every reusable type is a
  // function of its own, called where it is used: inlining small ones measured larger.
  const ownProperties = namesInheritedProperties([...types, ...schemas].map((s) => s.schema));
  const ajv = createAjv({ inlineRefs: false, ownProperties, code: { source: true, esm: true, lines: true, formats: _`$formats`, regExp: GENERATED_REGEXP } });
  for (const { key, schema } of [...types, ...schemas]) ajv.addSchema(schema, key);
  const typeExports = exportTypes ? types.map(({ name, key }) => [typeExportName(name), key]) : [];
  let code = standaloneCode(ajv, Object.fromEntries([...schemas.map((s) => [s.key, s.key]), ...typeExports]));

  code = code.replace(/^"use strict";\s*/, '').replace(/^export const /gm, 'const ');
  const helpers: string[] = [];
  code = code.replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_match: string, name: string) => {
    const helper = RUNTIME_HELPERS[name];
    if (!helper) throw new Error(`ajv's standalone code needs its runtime module "${name}", which generated code does not carry`);
    if (!helpers.includes(helper)) helpers.push(helper);
    return `$${name}`;
  });
  if (/\brequire\(/.test(code)) throw new Error(`ajv's standalone code requires a module: ${/require\([^)]*\)/.exec(code)![0]}`);
  code = ownKeySets(positionalInstancePath(compactConcats(directRecursiveCalls(compactErrorSites(code)))))
    // ajv writes schemas it consults at run time as JSON; as an object literal, a "__proto__" key there would set the prototype.
    .replace(/^const schema\d+ = .*$/gm, (line) => line.replace(/([{,])"__proto__":/g, '$1["__proto__"]:'))
    .replace(/\blet vErrors = null;/g, 'let vErrors: any = null;')
    // multipleOf: `(0.5 === 0 || (res0 = data/0.5, res0 !== parseInt(res0)))` compares a literal and parses a number.
    .replace(/^let (res\d+);$/gm, 'let $1: any;')
    // contains: `var validN` is set in a loop and read after it, which strict tsc calls unassigned.
    .replace(/^var (valid\d+) = /gm, 'var $1: any = ')
    .replace(/\((-?[\d.]+(?:e[+-]?\d+)?) === 0 \|\| /g, '(($1 as number) === 0 || ');
  const checked = formatCheckers(withoutUnusedConstants(code), ajv.formats as Record<string, unknown>);
  return {
    code: checked.code,
    helpers: [REPORT_HELPER, ...(code.includes('$concat(') ? [CONCAT_HELPER] : []), ...checked.helpers, ...helpers],
    exports,
  };
}

/** The name a reusable type's validator is exported under in folder mode. */
export function typeExportName(name: string): string {
  // The plan format allows identifiers only as type names.
  if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`type name "${name}" is not an identifier`);
  return `$type_${name}`;
}

/** Drops the `const schemaN = ...;` and `const funcN = ...;` lines ajv writes but nothing reads. */
function withoutUnusedConstants(code: string): string {
  const uses = new Map<string, number>();
  for (const [name] of code.matchAll(/\b(?:schema|func)\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return code.replace(/^const ((?:schema|func)\d+) = .*;\n/gm, (line, name: string) => (uses.get(name)! > 1 ? line : ''));
}

/**
 * A constant `$format_<name>` for every format the code checks (rewritten to refer to it rather than
 * to `$formats`), each a checker from ajv-formats' definitions: a module keeps only those it uses.
 */
function formatCheckers(code: string, formats: Record<string, unknown>): { code: string; helpers: string[] } {
  const constants = new Map<string, string>();
  const helpers: string[] = [];
  code = code.replace(/\$formats(?:\[("(?:[^"\\]|\\.)*")\]|\.([\w$]+))/g, (_match, quoted: string | undefined, plain: string | undefined) => {
    const name = quoted !== undefined ? (JSON.parse(quoted) as string) : plain!;
    let constant = constants.get(name);
    if (constant === undefined) {
      const def = formats[name];
      const source = def instanceof RegExp ? `new RegExp(${JSON.stringify(def.source)}, ${JSON.stringify(def.flags)})` : formatCheckerSource(name);
      if (source === undefined) throw new UnsupportedFormatError(`format "${name}" cannot be checked by generated code; use --validate off, or another format`);
      constant = `$format_${name.replace(/\W/g, '_')}`;
      if ([...constants.values()].includes(constant)) constant += `_${constants.size}`;
      constants.set(name, constant);
      helpers.push(`const ${constant} = ${source};`);
    }
    return constant;
  });
  return { code, helpers };
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
