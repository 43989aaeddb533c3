import type { ErrorObject } from 'ajv';
import { preview, propertyPath, valueAt } from '../../validate/json-value.js';
import type { Rule } from '../types.js';

/** Keywords other rules report, or that only wrap the errors of their branches. */
const NOT_VALUES = new Set(['required', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'if']);

export const invalidValue: Rule = {
  meta: {
    id: 'plan/invalid-value',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Values sent match the plan: type, enum, const, format, pattern, bounds.',
    messages: {
      invalid: '{{what}} "{{property}}" of {{subject}} {{problem}}, got {{actual}}',
      warehouse: '{{what}} "{{property}}" of {{subject}} {{problem}} (column "{{column}}"), in {{rows}}',
      warehouseColumn: 'Column "{{column}}" is {{type}}, which cannot hold {{what}} "{{property}}" of {{subject}} ({{kinds}}); it has a value in {{rows}}',
    },
  },
  checkPayload({ event, type, subject, schemaErrors, report }) {
    const errors = schemaErrors();
    if (errors.length === 0) return;
    const root = type === 'identify' || type === 'group' ? '/traits' : '/properties';
    for (const e of collapseBranches(errors)) {
      const value = valueAt(event, e.instancePath);
      report({
        messageId: 'invalid',
        data: { what: root === '/traits' ? 'Trait' : 'Property', property: propertyPath(e.instancePath, root) || root.slice(1), subject, problem: describe(e), actual: preview(value) },
        path: e.instancePath,
        expected: expected(e),
        actual: value,
      });
    }
  },
};

/**
 * A value that matches no branch of an anyOf (a nullable reference, say) fails every branch;
 * one diagnostic naming the alternatives reads better than one per branch.
 */
function collapseBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // Errors inside a `$ref` branch carry the referenced schema's path, so branches are recognised
  // by where they point in the payload: at the combinator's value or below it.
  const branchOf = (e: ErrorObject, c: ErrorObject) =>
    e !== c && (e.schemaPath.startsWith(c.schemaPath + '/') || e.instancePath === c.instancePath || e.instancePath.startsWith(c.instancePath + '/'));
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      if (combinators.some((c) => branchOf(e, c))) continue;
      const branches = errors.filter((b) => branchOf(b, e) && !NOT_VALUES.has(b.keyword));
      out.push(branches.length > 0 ? { ...e, message: [...new Set(branches.map(describe))].join(' or ') } : e);
      continue;
    }
    if (!NOT_VALUES.has(e.keyword) && !combinators.some((c) => branchOf(e, c))) out.push(e);
  }
  return out;
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'type':
      return `must be ${String(e.params.type).replace(/,/g, ' or ')}`;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => preview(v, 30)).join(', ')}`;
    case 'const':
      return `must be ${preview(e.params.allowedValue)}`;
    case 'format':
      return `must be a valid ${String(e.params.format)}`;
    case 'pattern':
      return `must match /${String(e.params.pattern)}/`;
    default:
      return e.message ?? 'is invalid';
  }
}

function expected(e: ErrorObject): unknown {
  switch (e.keyword) {
    case 'type':
      return e.params.type;
    case 'enum':
      return e.params.allowedValues;
    case 'const':
      return e.params.allowedValue;
    case 'format':
      return `format ${String(e.params.format)}`;
    case 'pattern':
      return `pattern ${String(e.params.pattern)}`;
    default:
      return e.params.limit ?? e.message;
  }
}

