import type { Diagnostic, Severity, SeverityOption, WarehouseFinding } from '../../core/diagnostic.js';
import { shortened } from '../../core/text.js';
import type { Plan, PlanEvent, Policy, TraitsSection } from '../../plan/model.js';
import { getRule } from '../../rules/index.js';
import { ruleDiagnostic, type ProblemText } from '../../rules/types.js';
import { preview, propertyPath } from '../../validate/json-value.js';
import type { PlanTable } from '../layout.js';
import type { TableCheck, TableQuery } from './table-query.js';

/** Rule severities as lint resolves them: configured ones, and which of them the user set (the plan's policies apply to the others). */
export interface RuleSettings {
  severities: ReadonlyMap<string, SeverityOption>;
  explicit: ReadonlySet<string>;
}

/** Longest name a message's subject quotes, as file lint cuts it. */
const MAX_SUBJECT_NAME = 120;

/** `17 of 1,204 rows`. */
export function rowsText(count: number, rows: number): string {
  return `${count.toLocaleString('en-US')} of ${rowCount(rows)}`;
}

/** `1 row`, `1,204 rows`. */
export function rowCount(rows: number): string {
  return `${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}`;
}

/**
 * A rule's diagnostic at the severity lint would give it: none when the rule is off; the plan's
 * policy (unplanned events and properties) unless the user set the rule's severity.
 */
export function warehouseDiagnostic(settings: RuleSettings, ruleId: string, problem: ProblemText, where: WarehouseFinding, extra: { event?: string; path?: string; policy?: Policy } = {}): Diagnostic | undefined {
  const configured = settings.severities.get(ruleId) ?? 'off';
  if (configured === 'off') return undefined;
  const severity = settings.explicit.has(ruleId) ? configured : (extra.policy ?? configured);
  if (severity === 'off') return undefined;
  const d = ruleDiagnostic(getRule(ruleId)!, severity as Severity, problem);
  d.file = where.table;
  if (extra.event !== undefined) d.event = extra.event;
  if (extra.path !== undefined) d.path = extra.path;
  d.warehouse = where;
  return d;
}

/** How messages name an entry, as file lint names its events: `event "Order Completed"`, `page "Home"`, `identify call`. */
export function subjectOf(kind: PlanTable['kind'], name: string | undefined): string {
  if (name === undefined) return `${kind} call`;
  return `${kind === 'track' ? 'event' : kind} "${shortened(name, MAX_SUBJECT_NAME)}"`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plan's own entry behind a table entry, for its policies and deprecation reason. */
export function planEntry(plan: Plan, entry: Pick<PlanTable, 'kind' | 'event'>): PlanEvent | TraitsSection | undefined {
  switch (entry.kind) {
    case 'identify':
    case 'group':
      return plan[entry.kind];
    default: {
      const map = entry.kind === 'track' ? plan.events : entry.kind === 'page' ? plan.pages : plan.screens;
      return entry.event === undefined ? undefined : map.get(entry.event);
    }
  }
}

/** The ids a sample expression returned: JSON text of an array, or NULL. */
export function parseSamples(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  // Dialects that give the smallest and the largest id give the same one twice for one row.
  return Array.isArray(parsed) ? [...new Set(parsed.filter((id): id is string => typeof id === 'string'))] : [];
}

export function countOf(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

export interface TableResult {
  plan: Plan;
  settings: RuleSettings;
  schema: string;
  table: string;
  query: TableQuery;
  row: Record<string, unknown>;
}

/** The diagnostics of one table's query result. */
export function tableFindings({ plan, settings, schema, table, query, row }: TableResult): Diagnostic[] {
  const rowsOf = new Map<PlanTable, number>();
  query.checks.forEach((check, i) => {
    if (check.kind === 'rows') rowsOf.set(check.entry, countOf(row[`c${i}`]));
  });
  const out: Diagnostic[] = [];
  query.checks.forEach((check, i) => {
    const count = countOf(row[`c${i}`]);
    if (check.kind === 'rows' || count === 0) return;
    const rows = rowsOf.get(check.entry) ?? countOf(row.rows);
    const column = check.kind === 'deprecated' ? undefined : typeof check.column === 'string' ? check.column : check.column.column;
    const where: WarehouseFinding = { table: `${schema}.${table}`, ...(column !== undefined ? { column } : {}), count, rows, samples: query.samples ? parseSamples(row[`s${i}`]) : [] };
    const d = finding(check, plan, settings, where);
    if (d) out.push(d);
  });
  return out;
}

function finding(check: Exclude<TableCheck, { kind: 'rows' }>, plan: Plan, settings: RuleSettings, where: WarehouseFinding): Diagnostic | undefined {
  const { entry } = check;
  const subject = subjectOf(entry.kind, entry.event);
  const traits = entry.kind === 'identify' || entry.kind === 'group';
  const rows = rowsText(where.count, where.rows);
  const event = entry.event !== undefined ? { event: entry.event } : {};
  const planned = planEntry(plan, entry);
  switch (check.kind) {
    case 'missing': {
      const data = { subject: capitalized(subject), what: traits ? 'trait' : 'property', property: propertyPath(check.column.pointer, traits ? '/traits' : '/properties'), column: check.column.column, rows };
      return warehouseDiagnostic(settings, 'plan/missing-required', { messageId: check.absent ? 'warehouseNoColumn' : 'warehouse', data }, where, { ...event, path: check.column.pointer });
    }
    case 'value': {
      const data = { what: traits ? 'Trait' : 'Property', property: propertyPath(check.column.pointer, traits ? '/traits' : '/properties'), subject, problem: describeKeyword(check.keyword, check.value), column: check.column.column, rows };
      return warehouseDiagnostic(settings, 'plan/invalid-value', { messageId: 'warehouse', data, expected: expectedOf(check.keyword, check.value) }, where, { ...event, path: check.column.pointer });
    }
    case 'column-type': {
      const kinds = (check.column.kinds ?? []).join(' or ');
      const data = { column: check.column.column, type: check.type, what: traits ? 'trait' : 'property', property: propertyPath(check.column.pointer, traits ? '/traits' : '/properties'), subject, kinds, rows };
      return warehouseDiagnostic(settings, 'plan/invalid-value', { messageId: 'warehouseColumn', data, expected: check.column.kinds, actual: check.type }, where, { ...event, path: check.column.pointer });
    }
    case 'unplanned-property': {
      const policy = (planned && ('unplannedTraits' in planned ? planned.unplannedTraits : (planned as PlanEvent).unplannedProperties)) ?? plan.defaults.unplannedProperties;
      return warehouseDiagnostic(settings, 'plan/unplanned-property', { messageId: 'warehouse', data: { column: check.column, subject, rows } }, where, { ...event, policy });
    }
    case 'deprecated': {
      const reason = planned && 'deprecated' in planned && typeof planned.deprecated === 'string' ? planned.deprecated : undefined;
      const suggestion = reason && /^use\s+(.+?)\.?$/i.exec(reason)?.[1];
      const problem: ProblemText = reason
        ? { messageId: 'warehouseBecause', data: { subject: capitalized(subject), reason, rows }, suggestion: suggestion || undefined }
        : { messageId: 'warehouse', data: { subject: capitalized(subject), rows } };
      return warehouseDiagnostic(settings, 'plan/deprecated-event', problem, where, event);
    }
  }
}

const BOUNDS: Record<string, string> = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' };

/** What a value failing a keyword should be, in the words file lint (ajv) uses. */
export function describeKeyword(keyword: string, value: unknown): string {
  switch (keyword) {
    case 'type':
      return `must be ${[value].flat(2).join(' or ')}`;
    case 'enum':
      return `must be one of ${(value as unknown[]).map((v) => preview(v, 30)).join(', ')}`;
    case 'const':
      return `must be ${preview(value)}`;
    case 'format':
      return `must be a valid ${String(value)}`;
    case 'pattern':
      return `must match /${String(value)}/`;
    case 'minLength':
      return `must NOT have fewer than ${String(value)} characters`;
    case 'maxLength':
      return `must NOT have more than ${String(value)} characters`;
    case 'anyOf':
      return (value as unknown[]).map(describeSchema).join(', or ');
    default:
      return `must be ${BOUNDS[keyword]} ${String(value)}`;
  }
}

/** A branch of anyOf/oneOf in words: its keywords' descriptions. */
function describeSchema(schema: unknown): string {
  if (schema === null || typeof schema !== 'object') return schema === false ? 'must be nothing' : 'may be anything';
  const parts = Object.entries(schema)
    .filter(([k]) => k === 'type' || k === 'enum' || k === 'const' || k === 'format' || k === 'pattern' || k in BOUNDS || k === 'minLength' || k === 'maxLength')
    .map(([k, v]) => describeKeyword(k, v));
  return parts.length > 0 ? parts.join(' and ') : 'must match the plan';
}

function expectedOf(keyword: string, value: unknown): unknown {
  if (keyword === 'format' || keyword === 'pattern') return `${keyword} ${String(value)}`;
  return value;
}
