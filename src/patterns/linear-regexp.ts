import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { RE2JS } from 're2js';
import { provablyLinear } from './linear-proof.js';
import { re2js } from './re2js.js';
import { toRe2, type PatternProblem } from './to-re2.js';

/** A compiled pattern that runs in time linear in the length of the string it tests. */
export interface LinearRegExp {
  /** Whether the pattern matches anywhere in `text`, as RegExp.prototype.test would say. */
  test(text: string): boolean;
  /** The pattern as written, slashes and flag included: ajv keys its compiled patterns on this. */
  toString(): string;
  /** What runs it: JavaScript's own engine where that is provably linear, else RE2's. */
  readonly engine: 'RegExp' | 're2js';
}

export type LinearCompilation = { regexp: LinearRegExp } | { problem: PatternProblem };

/** A pattern that cannot run in linear time, with what and where (see PatternProblem). */
export class LinearPatternError extends Error {
  override name = 'LinearPatternError';
  constructor(
    readonly pattern: string,
    readonly problem: PatternProblem,
  ) {
    super(`pattern /${pattern}/ cannot run in linear time (RE2): ${describeProblem(problem)}`);
  }
}

/**
 * Compiles a JavaScript pattern (`u` flag, the meaning JSON Schema and ajv give it) so that it
 * runs in time linear in the length of what it tests. Every pattern must be one RE2 can run, so
 * that which plans are accepted does not depend on the proof below: patterns RE2 cannot run
 * (backreferences, lookaround, ...) come back as a problem with its position. A pattern that
 * provably runs in linear time under backtracking (see linear-proof) keeps JavaScript's engine,
 * 10 to 50 times faster than re2js on the short values of events (bench: `patterns`); the others
 * run on re2js, RE2's engine in JavaScript, translated so that the same strings match. `engine`
 * forces re2js, to compare the two.
 */
export function compileLinear(pattern: string, engine: 'auto' | 're2js' = 'auto'): LinearCompilation {
  const planned = planLinear(pattern, engine);
  if ('problem' in planned) return planned;
  if (planned.plan.engine === 'RegExp') return { regexp: fromPlan(pattern, planned.plan) };
  try {
    return { regexp: fromPlan(pattern, planned.plan) };
  } catch (error) {
    // Whatever RE2 refuses that the translation did not foresee: its message names the construct,
    // but not where it was in the pattern.
    return { problem: { message: `what RE2 refuses: ${(error as Error).message.replace(/^error parsing regexp: /, '')}` } };
  }
}

/** Which engine runs a pattern, and for RE2 its translation: compileLinear's decision, kept so a plan cache can run the pattern again without parsing it. */
export type LinearPlan = { engine: 'RegExp' } | { engine: 're2js'; source: string };

/** The decision compileLinear makes for `pattern`, or why it cannot run in linear time. */
export function planLinear(pattern: string, engine: 'auto' | 're2js' = 'auto'): { plan: LinearPlan } | { problem: PatternProblem } {
  const translated = toRe2(pattern);
  if ('problem' in translated) return translated;
  // The translation has checked what RE2 would refuse (its limits on counts, the scripts it knows),
  // so a pattern that keeps JavaScript's engine is not compiled for RE2 as well.
  if (engine === 'auto' && provablyLinear(pattern)) return { plan: { engine: 'RegExp' } };
  return { plan: { engine: 're2js', source: translated.source } };
}

/** The pattern compiled as `plan` says (planLinear's decision for it); throws what RE2 throws. */
export function fromPlan(pattern: string, plan: LinearPlan): LinearRegExp {
  const key = `/${pattern}/u`;
  if (plan.engine === 'RegExp') {
    const native = new RegExp(pattern, 'u');
    return { test: (text) => native.test(text), toString: () => key, engine: 'RegExp' };
  }
  const compiled: RE2JS = re2js().compile(plan.source);
  return { test: (text) => compiled.test(text), toString: () => key, engine: 're2js' };
}

/** A problem as messages put it: "the backreference \\1 at character 4". */
export function describeProblem({ message, offset }: PatternProblem): string {
  return offset === undefined ? message : `${message} at character ${offset + 1}`;
}

/** compileLinear, throwing LinearPatternError for a pattern it cannot compile. */
export function linearRegExp(pattern: string, engine: 'auto' | 're2js' = 'auto'): LinearRegExp {
  const result = compileLinear(pattern, engine);
  if ('problem' in result) throw new LinearPatternError(pattern, result.problem);
  return result.regexp;
}

/**
 * The engine ajv runs `pattern` and `patternProperties` with (its `code.regExp` option) wherever
 * schemas meet payloads. `code` names it in code ajv generates: validators kept in the plan cache
 * get it as a parameter of that name (src/validate/event-validators.ts). Generated clients use
 * JavaScript's RegExp instead (see codegen).
 */
export const LINEAR_REGEXP_ENGINE: RegExpEngine & { code: string } = Object.assign((pattern: string) => linearRegExp(pattern), { code: 'linearRegExp' });
