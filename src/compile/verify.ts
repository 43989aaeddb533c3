import type { Diagnostic } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';
import { patternsOf, walkPlanSchemas } from '../plan/walk.js';
import { compileLinear, describeProblem } from '../patterns/linear-regexp.js';
import { formatNames } from '../validate/ajv.js';

let knownFormats: Set<string> | undefined;

function formats(): Set<string> {
  knownFormats ??= new Set(formatNames());
  return knownFormats;
}

/**
 * Finds what the plan format lets through but ajv would refuse to compile: formats ajv does not
 * know, patterns that are not valid under the `u` flag ajv compiles them with, and patterns the
 * linear-time engine payloads are checked with cannot run (a backreference, a lookaround). Compiling
 * every schema would find the same and cost seconds on a plan with thousands of events.
 */
export function verifyPlanSchemas(plan: Plan): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fail = (file: string, pointer: string, message: string, event?: string) => {
    const at = plan.sources.get(file)?.locate(pointer, 'value');
    diagnostics.push({
      ruleId: 'plan/invalid-schema',
      severity: 'error',
      fatal: true,
      message,
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
      path: pointer,
      ...(event !== undefined ? { event } : {}),
    });
  };
  // One pattern often stands in many places (an ID format, say): it is compiled once.
  const checked = new Map<string, string | undefined>();
  walkPlanSchemas(plan, (v) => {
    const event = v.owner.kind === 'track' ? v.owner.name : undefined;
    const { format } = v.schema;
    if (typeof format === 'string' && !formats().has(format)) {
      fail(v.file, joinPointer(v.pointer, 'format'), `Unknown format "${format}"; known formats: ${[...formats()].sort().join(', ')}`, event);
    }
    for (const { source, pointer } of patternsOf(v)) {
      let problem = checked.get(source);
      if (!checked.has(source)) checked.set(source, (problem = patternProblem(source)));
      if (problem !== undefined) fail(v.file, pointer, problem, event);
    }
  });
  return diagnostics;
}

/** Why ajv, with the engine cdp runs patterns on, would refuse a pattern; undefined when it would not. */
function patternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `Pattern /${source}/ is not a valid regular expression in unicode mode: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  const linear = compileLinear(source);
  if (!('problem' in linear)) return undefined;
  const hint = /look(ahead|behind)/.test(linear.problem.message) ? '; write that condition as a schema of its own, such as `not: { pattern: ... }`' : '';
  return `Pattern /${source}/ cannot run in linear time (RE2), as cdp runs every pattern: ${describeProblem(linear.problem)}${hint}`;
}
