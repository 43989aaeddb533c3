import type { Plan } from '../../plan/model.js';
import { unicodeEscape } from '../../reporters/text.js';
import { CONNECTOR_COLUMN_TYPES } from '../column-types.js';
import type { WarehouseColumn, WarehouseTable } from '../engine.js';
import { layoutPlan, type PlanTable, type WarehouseConfig } from '../layout.js';
import type { SqlDialect } from '../sql/dialect.js';
import { subjectOf } from './findings.js';
import { buildNameQuery, nameSources } from './spellings.js';
import { buildTableQuery, type TableCheck } from './table-query.js';

/** Columns every table of calls has that the checks read: `id` for samples, `received_at` for --since. */
const MESSAGE_COLUMNS = ['id', 'received_at'];

/**
 * The check queries of `cdp lint --warehouse` as SQL text for a dialect (`cdp compile --target
 * sql`), values written as literals. With no catalogue to read, each planned table is taken to
 * have the columns the plan declares, and every value is read as text (a column holds whatever
 * type the connector saw first: a cast to text works on all of them); columns the plan does not
 * declare cannot be known, so there is no unplanned-property check.
 */
export function printCheckQueries(plan: Plan, dialect: SqlDialect, schema: string, config?: WarehouseConfig): string {
  const entries = layoutPlan(plan, config).tables.filter((t) => !t.derived);
  const column = (name: string): WarehouseColumn => ({ name, type: CONNECTOR_COLUMN_TYPES[dialect.name][name === 'received_at' ? 'timestamp' : 'string'] });
  const statements: string[] = [];
  const catalogue: WarehouseTable[] = [];
  const groups = new Map<string, PlanTable[]>();
  for (const entry of entries) groups.set(entry.table, [...(groups.get(entry.table) ?? []), entry]);
  for (const [name, group] of groups) {
    const columns = new Map<string, WarehouseColumn>();
    for (const c of [...MESSAGE_COLUMNS, ...(group[0]!.kind === 'track' ? ['event', 'event_text'] : []), ...(group[0]!.kind === 'page' || group[0]!.kind === 'screen' ? ['name'] : [])]) {
      columns.set(c, column(c));
    }
    for (const entry of group) for (const c of entry.columns) if (!columns.has(c.column)) columns.set(c.column, column(c.column));
    const table: WarehouseTable = { name, columns: [...columns.values()] };
    catalogue.push(table);
    const query = buildTableQuery({ dialect, schema, table, entries: group, values: 'literals', assumedTypes: true });
    const header = [`-- ${comment(`${schema}.${name}`)}: ${group.map((e) => comment(subjectOf(e.kind, e.event))).join(', ')}`];
    query.checks.forEach((check, i) => header.push(`-- c${i}: ${describeCheck(check)}`));
    for (const what of query.unchecked) header.push(`-- not checked in ${dialect.name}: ${comment(what)}`);
    statements.push(`${header.join('\n')}\n${query.sql};`);
  }
  for (const name of ['tracks', 'pages', 'screens']) {
    const columns = [...MESSAGE_COLUMNS, ...(name === 'tracks' ? ['event', 'event_text'] : ['name'])];
    catalogue.push({ name, columns: columns.map(column) });
  }
  for (const source of nameSources(plan, catalogue)) {
    const { sql } = buildNameQuery(dialect, schema, source, undefined, 'literals');
    statements.push(`-- ${comment(`${schema}.${source.table.name}`)}: rows per ${source.nameColumn} (plan/unplanned-event${source.kind === 'track' ? ', naming/event-case' : ''})\n${sql};`);
  }
  return `${statements.join('\n\n')}\n`;
}

function describeCheck(check: TableCheck): string {
  const subject = comment(subjectOf(check.entry.kind, check.entry.event));
  switch (check.kind) {
    case 'rows':
      return `rows of ${subject}`;
    case 'deprecated':
      return `plan/deprecated-event, ${subject}`;
    case 'unplanned-property':
      return `plan/unplanned-property, ${subject}, column ${comment(check.column)}`;
    case 'missing':
      return `plan/missing-required, ${subject}, ${comment(check.column.pointer)}`;
    case 'column-type':
      return `plan/invalid-value (column type), ${subject}, ${comment(check.column.pointer)}`;
    case 'value':
      return `plan/invalid-value (${check.keyword}), ${subject}, ${comment(check.column.pointer)}`;
  }
}

/** Text for a `--` comment: a name with a line break in it would end the comment and run as SQL. */
export function comment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, unicodeEscape);
}
