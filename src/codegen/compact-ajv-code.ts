import { closingBracket, objectFields, splitTopLevel } from './code-scan.js';

/**
 * Rewrites of the code ajv's standalone generation emits (with `code.lines`, `allErrors`, `messages`
 * and no `verbose`), making it smaller without changing what it accepts. Each one checks the shape
 * it rewrites and throws when ajv writes something else, rather than emitting broken code.
 */

/**
 * What a validator reports, for `$check`: ajv's error object without what nothing reads (the schema
 * path, the params). `detail` is the property's name for `required` and `additionalProperties`,
 * ajv's message otherwise. The module that holds the validators declares it.
 */
export const AJV_ERROR_TYPE = 'type $AjvError = { instancePath: string; keyword: string; detail: string };';

/**
 * The one function every error site calls. ajv also counts errors it will discard (inside `not`,
 * `anyOf`, ...) with an empty error: `$e(vErrors)`.
 */
export const REPORT_HELPER = `const $e = (errors: $AjvError[] | null, instancePath = "", keyword = "", detail = ""): $AjvError[] => {
  const error = { instancePath, keyword, detail };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
};`;

/** What a call of a sub-validator that failed does with its errors. */
export const CONCAT_HELPER = `const $concat = (errors: $AjvError[] | null, more: $AjvError[] | null): $AjvError[] | null => (errors === null ? more : errors.concat(more ?? []));`;

/** ajv's `vErrors === null ? validateN.errors : vErrors.concat(validateN.errors)` after each failed call of a sub-validator. */
export function compactConcats(code: string): string {
  return code.replace(/^vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);$/gm, 'vErrors = $concat(vErrors, $1.errors);');
}

const ERROR_FIELDS = new Set(['instancePath', 'schemaPath', 'keyword', 'params', 'message', 'propertyName']);

/**
 * Each error site (`const errN = {instancePath, schemaPath, keyword, params, message};` and the
 * seven lines that append it to `vErrors`) becomes one call of `$e`.
 */
export function compactErrorSites(code: string): string {
  let out = '';
  let done = 0;
  for (const m of code.matchAll(/^const (err\d+) = \{/gm)) {
    const open = m.index + m[0].length - 1;
    const close = closingBracket(code, open);
    const append = `;\nif(vErrors === null){\nvErrors = [${m[1]}];\n}\nelse {\nvErrors.push(${m[1]});\n}\nerrors++;`;
    if (!code.startsWith(append, close + 1)) throw new Error(`ajv's output does not append ${m[1]} to vErrors as expected: ${code.slice(close + 1, close + 120)}`);
    out += `${code.slice(done, m.index)}vErrors = $e(${reportArguments(code.slice(open, close + 1))});\nerrors++;`;
    done = close + 1 + append.length;
  }
  return out + code.slice(done);
}

function reportArguments(literal: string): string {
  const fields = objectFields(literal);
  if (fields.size === 0) return 'vErrors';
  const unknown = [...fields.keys()].find((name) => !ERROR_FIELDS.has(name));
  if (unknown !== undefined) throw new Error(`ajv's error object has a field "${unknown}" that generated validators do not carry: ${literal.slice(0, 120)}`);
  const keyword = fields.get('keyword');
  const params = objectFields(fields.get('params') ?? '{}');
  const detail = keyword === '"required"' ? params.get('missingProperty') : keyword === '"additionalProperties"' ? params.get('additionalProperty') : fields.get('message');
  if (!fields.has('instancePath') || keyword === undefined || detail === undefined) throw new Error(`ajv's error object lacks its path, keyword or message: ${literal.slice(0, 120)}`);
  return `vErrors, ${fields.get('instancePath')}, ${keyword}, ${detail}`;
}

/**
 * ajv calls a validator that refers back to itself (a recursive type) through `const wrapperN =
 * {validate: validateM};`; function declarations are hoisted, so a direct call does the same.
 */
export function directRecursiveCalls(code: string): string {
  const wrappers = new Map<string, string>();
  code = code.replace(/^const (wrapper\d+) = \{validate: (validate\d+)\};\n/gm, (_line, wrapper: string, fn: string) => {
    wrappers.set(wrapper, fn);
    return '';
  });
  return wrappers.size === 0 ? code : code.replace(/\b(wrapper\d+)\.validate\b/g, (match, wrapper: string) => wrappers.get(wrapper) ?? match);
}

const SIGNATURE = /^function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)\{$/gm;
const CONTEXT_FIELDS = new Set(['instancePath', 'parentData', 'parentDataProperty', 'rootData']);

/**
 * Validators take the instance path as a plain second parameter: ajv passes a context object of which
 * generated validators read nothing else (no `$data` references), at every call of a sub-validator.
 */
export function positionalInstancePath(code: string): string {
  const calls = code.replace(/(?<!function )\b(validate\d+)\(/g, '\0$1(');
  let out = '';
  let done = 0;
  for (const m of calls.matchAll(/\0(validate\d+)\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = closingBracket(calls, open);
    const args = splitTopLevel(calls.slice(open + 1, close));
    if (args.length === 1) continue;
    const context = args.length === 2 ? objectFields(args[1]!) : undefined;
    if (!context || [...context.keys()].some((name) => !CONTEXT_FIELDS.has(name)) || /\0/.test(args[0]!)) {
      throw new Error(`ajv's output calls ${m[1]} with unexpected arguments: ${calls.slice(open, close + 1).slice(0, 120)}`);
    }
    out += `${calls.slice(done, m.index)}${m[1]}(${args[0]}, ${context.get('instancePath') ?? '""'})`;
    done = close + 1;
  }
  code = (out + calls.slice(done)).replace(/\0/g, '');
  code = code.replace(SIGNATURE, (match: string, name: string, offset: number, whole: string) => {
    const bodyStart = offset + match.length;
    const body = whole.slice(bodyStart, whole.indexOf(`${name}.errors = vErrors;`, bodyStart));
    // A validator without an error site of its own (an empty schema) has no use for the path.
    const parameter = /\binstancePath\b/.test(body) ? 'instancePath = ""' : '_instancePath?: string';
    return `function ${name}(data: any, ${parameter}): boolean{`;
  });
  const leftover = /\b(parentData|parentDataProperty|rootData)\b|^function validate\d+\(data, \{/m.exec(code);
  if (leftover) throw new Error(`ajv's output reads "${leftover[0]}", which generated validators do not pass on`);
  return code;
}

/**
 * ajv tests `additionalProperties` against more than eight declared properties with
 * `hasOwnProperty.call(schemaN.properties, key)`, which keeps the whole schema in the code; a set
 * of the property names does the same test.
 */
export function ownKeySets(code: string): string {
  const hasOwn = /^const (func\d+) = Object\.prototype\.hasOwnProperty;$/m.exec(code)?.[1];
  if (hasOwn === undefined) return code;
  const schemas = new Map<string, string>();
  for (const [, name, json] of code.matchAll(/^const (schema\d+) = (.*);$/gm)) schemas.set(name!, json!);
  // One set per list of names, declared before the first schema constant that needed it.
  const sets = new Map<string, string>();
  const declarations = new Map<string, string>();
  const use = new RegExp(`\\b${hasOwn}\\.call\\((schema\\d+)((?:\\.[A-Za-z_$][\\w$]*|\\["(?:[^"\\\\]|\\\\.)*"\\])*), (key\\d+)\\)`, 'g');
  code = code.replace(use, (_match, schema: string, path: string, key: string) => {
    const keys = JSON.stringify(Object.keys(valueAt(schemas, schema, path)));
    let set = sets.get(keys);
    if (set === undefined) {
      set = `$keys${sets.size}`;
      sets.set(keys, set);
      declarations.set(schema, `${declarations.get(schema) ?? ''}const ${set} = new Set(${keys});\n`);
    }
    return `${set}.has(${key})`;
  });
  return code.replace(/^const (schema\d+) = /gm, (line, schema: string) => (declarations.get(schema) ?? '') + line);
}

/** The value at `path` (`.properties["a b"].properties`) in the schema ajv wrote as `const <schema> = <JSON>;`. */
function valueAt(schemas: Map<string, string>, schema: string, path: string): Record<string, unknown> {
  const json = schemas.get(schema);
  if (json === undefined) throw new Error(`ajv's output refers to ${schema} but does not define it`);
  let value = JSON.parse(json) as unknown;
  for (const [, name, quoted] of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/g)) {
    value = (value as Record<string, unknown>)[name ?? (JSON.parse(quoted!) as string)];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`ajv's output tests keys of ${schema}${path}, which is not an object`);
  return value as Record<string, unknown>;
}
