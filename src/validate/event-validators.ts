import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { compilePlan, type CompiledPlan } from '../compile/compile-plan.js';
import type { JsonSchema, Plan, PlanEvent, TraitsSection } from '../plan/model.js';
import { fromPlan, LINEAR_REGEXP_ENGINE, LinearPatternError, planLinear, type LinearPlan } from '../patterns/linear-regexp.js';
import type { CallType } from '../spec/call-types.js';
import { createAjv, namesInheritedProperties } from './ajv.js';
import { eventFormats, uri } from './uri-format.js';

const require = createRequire(import.meta.url);

/** Validators compiled by earlier runs, as standalone modules (a plan cache entry keeps them). */
export interface ValidatorStore {
  read(key: string): { code: string; file: string } | undefined;
  write(key: string, code: string): void;
}

/**
 * The validator of each planned event, traits section, page and screen, made on first use: read
 * from the store when an earlier run compiled it, else compiled with ajv (and then stored). ajv
 * itself, some sixty modules and most of a short run's time, loads only for a compile.
 */
export class EventValidators {
  #ajv: Ajv | undefined;
  #compiled: CompiledPlan | undefined;
  readonly #made = new Map<object, ValidateFunction | null>();
  /** How the validator being compiled runs its patterns (see recordingEngine). */
  #patterns: Record<string, LinearPlan> = {};

  constructor(
    private readonly plan: Plan,
    compiled?: CompiledPlan,
    private readonly store?: ValidatorStore,
  ) {
    this.#compiled = compiled;
  }

  get(planned: PlanEvent | TraitsSection, type: CallType): ValidateFunction | undefined {
    let validate = this.#made.get(planned);
    if (validate === undefined) {
      validate = this.make(planned, type) ?? null;
      this.#made.set(planned, validate);
    }
    return validate ?? undefined;
  }

  private make(planned: PlanEvent | TraitsSection, type: CallType): ValidateFunction | undefined {
    const key = type === 'identify' || type === 'group' ? type : `${type}:${(planned as PlanEvent).name}`;
    const stored = this.store?.read(key);
    if (stored) {
      try {
        return loadStandalone(stored.code, stored.file);
      } catch {
        // Not a module this build wrote (cut short, edited): compiled again below, and replaced.
      }
    }
    const schema = this.schemaOf(planned, type);
    if (!schema) return undefined;
    const ajv = this.ajv();
    this.#patterns = {};
    const validate = ajv.compile(schema);
    if (this.store) {
      try {
        this.store.write(key, standaloneModule(ajv, validate, this.#patterns));
      } catch {
        // Keeping it is a convenience: the checks of this run use the validator compiled above.
      }
    }
    return validate;
  }

  private schemaOf(planned: PlanEvent | TraitsSection, type: CallType): JsonSchema | undefined {
    this.#compiled ??= compilePlan(this.plan);
    const c = this.#compiled;
    if (type === 'identify' || type === 'group') return c[type];
    const map = type === 'track' ? c.track : type === 'page' ? c.page : c.screen;
    return map.get((planned as PlanEvent).name);
  }

  private ajv(): Ajv {
    // No meta-schema check of each compiled schema (its first use costs 35 ms, in every worker): the
    // plan format already constrains every keyword a plan can set, and the compiler writes the rest.
    // Patterns run on whatever a payload holds: RE2's engine keeps every check linear in its length.
    // ajv's pass that tidies the generated code (unused names, constant branches) costs a third of
    // each event's compile, which a short run pays in full, and V8 removes the same dead code once
    // a validator is hot: measured with callgrind, 4.89 G instructions with it and 4.59 G without
    // for `cdp lint` of 20,000 events, 1.75 G and 1.67 G for 10. The source is kept only to store.
    if (!this.#ajv) {
      // Stored code names its formats by the module parameter FORMATS (see loadStandalone).
      const { Name } = require('ajv/dist/compile/codegen') as { Name: new (name: string) => object };
      const code = this.store ? { regExp: this.recordingEngine(), source: true, formats: new Name(FORMATS) } : { regExp: LINEAR_REGEXP_ENGINE };
      this.#ajv = createAjv({
        verbose: true,
        validateSchema: false,
        ownProperties: namesInheritedProperties(planSchemas(this.plan)),
        code: { ...code, optimize: false } as Options['code'],
      });
      this.#ajv.addFormat('uri', uri);
    }
    return this.#ajv;
  }

  /** The linear-time engine, noting how it ran each pattern of the validator being compiled, for the store. */
  private recordingEngine(): typeof LINEAR_REGEXP_ENGINE {
    const engine = (pattern: string) => {
      const planned = planLinear(pattern);
      if ('problem' in planned) throw new LinearPatternError(pattern, planned.problem);
      this.#patterns[pattern] = planned.plan;
      return fromPlan(pattern, planned.plan);
    };
    return Object.assign(engine, { code: LINEAR_REGEXP_ENGINE.code });
  }
}

/** The name stored validators know their formats by: a parameter of the module. */
const FORMATS = 'cdpFormats';

const HEADER = '// A validator cdp compiled from a plan; cdp reads it back when the plan is unchanged.\n// patterns ';

/**
 * A compiled validator as a CommonJS module, with how its patterns run (planLinear's decisions) on
 * its second line: reading it back needs neither ajv nor a pattern parser. The engine its code
 * calls is a parameter of the module (see loadStandalone).
 */
function standaloneModule(ajv: Ajv, validate: ValidateFunction, patterns: Record<string, LinearPlan>): string {
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: Ajv, validate: ValidateFunction) => string }).default;
  return `${HEADER}${JSON.stringify(patterns)}\n${standaloneCode(ajv, validate)}\n`;
}

/**
 * Runs a stored validator module the way Node runs CommonJS, but with cdp's own `require` (so the
 * ajv runtime helpers it names are the ones this ajv wrote it for, wherever the cache is), its
 * patterns compiled as its header says, and the formats the compiled validators use.
 */
function loadStandalone(code: string, file: string): ValidateFunction {
  if (!code.startsWith(HEADER)) throw new Error(`${file} is not a validator cdp wrote`);
  const patterns = JSON.parse(code.slice(HEADER.length, code.indexOf('\n', HEADER.length))) as Record<string, LinearPlan>;
  const engine = (pattern: string) => (Object.hasOwn(patterns, pattern) ? fromPlan(pattern, patterns[pattern]!) : LINEAR_REGEXP_ENGINE(pattern, 'u'));
  const module = { exports: {} as unknown };
  const run = compileFunction(code, ['require', 'module', 'exports', LINEAR_REGEXP_ENGINE.code, FORMATS], { filename: file });
  run(require, module, module.exports, engine, eventFormats());
  if (typeof module.exports !== 'function') throw new Error(`${file} is not a validator`);
  return module.exports as ValidateFunction;
}

function* planSchemas(plan: Plan): Generator<unknown> {
  for (const t of plan.types.values()) yield t.schema;
  for (const map of [plan.events, plan.pages, plan.screens]) for (const e of map.values()) yield e.properties;
  if (plan.identify) yield plan.identify.traits;
  if (plan.group) yield plan.group.traits;
}
