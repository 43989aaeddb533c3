import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, Options, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

interface AjvModules {
  Ajv: new (options: Options) => Ajv;
  addFormats: (ajv: Ajv) => Ajv;
}

let modules: AjvModules | undefined;

/**
 * ajv and ajv-formats, loaded on first use: some sixty CommonJS modules, which a command that only
 * runs the precompiled validators (the config's, the plan format's) never needs.
 */
function ajvModules(): AjvModules {
  modules ??= {
    Ajv: (require('ajv') as { Ajv: AjvModules['Ajv'] }).Ajv,
    addFormats: (require('ajv-formats') as { default: AjvModules['addFormats'] }).default,
  };
  return modules;
}

/** ajv-formats' formats module: what createAjv's instances know, without loading ajv. */
const formats = () => require('ajv-formats/dist/formats') as { formatNames: string[]; fullFormats: Record<string, unknown> };

/** The formats createAjv's instances know (ajv-formats' full set). */
export function formatNames(): readonly string[] {
  return formats().formatNames;
}

/** ajv-formats' full set of formats, each a RegExp, a function or a { validate, compare } object. */
export function fullFormats(): Record<string, unknown> {
  return formats().fullFormats;
}

/**
 * Strict about the schemas themselves (unknown keywords, invalid numbers, broken patterns), but not
 * about keyword/type pairings, tuples or undeclared required names: the plan rules report those with
 * positions and a severity the user controls, and a plan with warnings must still validate data.
 */
export const AJV_OPTIONS: Options = {
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  allErrors: true,
};

/**
 * Whether the schemas name a property that every object inherits (`constructor`, `toString`, ...).
 * ajv then needs `ownProperties`, or it takes `{}` as holding them; the option costs an own-property
 * test per property, so plans that do not need it go without.
 */
export function namesInheritedProperties(schemas: Iterable<unknown>): boolean {
  const inherited = (name: unknown) => typeof name === 'string' && name in Object.prototype;
  const visit = (node: unknown, depth: number): boolean => {
    if (node === null || typeof node !== 'object' || depth > 200) return false;
    if (Array.isArray(node)) return node.some((n) => visit(n, depth + 1));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object' && Object.keys(value).some(inherited)) return true;
      if (key === 'required' && Array.isArray(value) && value.some(inherited)) return true;
      if (visit(value, depth + 1)) return true;
    }
    return false;
  };
  for (const schema of schemas) if (visit(schema, 0)) return true;
  return false;
}

export function createAjv(options: Options = {}): Ajv {
  const { Ajv, addFormats } = ajvModules();
  const ajv = new Ajv({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return ajv;
}

/**
 * The validator of a schema file of cdp's own, as `npm run build` compiled it ahead of time
 * (scripts/build-validators.mjs, with the same options), sparing a command ajv's compile at
 * start-up. Run from the sources (unit tests), the compiled module is not there and the schema is
 * compiled instead, so verdicts and errors are the same either way.
 */
export function schemaValidator(precompiled: URL, schema: URL, options: Options = {}): ValidateFunction {
  try {
    return require(fileURLToPath(precompiled)) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  return createAjv(options).compile(JSON.parse(readFileSync(schema, 'utf8')) as object);
}
