import type { Diagnostic } from '../core/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';
import { walkPlanSchemas } from '../plan/walk.js';
import { createAjv } from '../validate/ajv.js';

let knownFormats: Set<string> | undefined;

function formats(): Set<string> {
  knownFormats ??= new Set(Object.keys(createAjv().formats));
  return knownFormats;
}

/**
 * Finds what the plan format lets through but ajv would refuse to compile: formats ajv does not
 * know and patterns that are not valid under the `u` flag ajv compiles them with. Compiling every
 * schema would find the same and cost seconds on a plan with thousands of events.
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
  walkPlanSchemas(plan, (v) => {
    const event = v.owner.kind === 'track' ? v.owner.name : undefined;
    const { format, pattern, patternProperties } = v.schema;
    if (typeof format === 'string' && !formats().has(format)) {
      fail(v.file, joinPointer(v.pointer, 'format'), `Unknown format "${format}"; known formats: ${[...formats()].sort().join(', ')}`, event);
    }
    const patterns: Array<[string, string]> = [];
    if (typeof pattern === 'string') patterns.push([pattern, joinPointer(v.pointer, 'pattern')]);
    if (patternProperties && typeof patternProperties === 'object') {
      for (const key of Object.keys(patternProperties)) patterns.push([key, joinPointer(v.pointer, 'patternProperties', key)]);
    }
    for (const [source, pointer] of patterns) {
      try {
        new RegExp(source, 'u');
      } catch (error) {
        fail(v.file, pointer, `Pattern /${source}/ is not a valid regular expression in unicode mode: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, event);
      }
    }
  });
  return diagnostics;
}
