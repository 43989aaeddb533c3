import { SUBSCHEMA_LIST_KEYWORDS, TYPE_REF_PREFIX, type JsonSchema, type Plan, type PlanEvent, type TraitsSection } from '../plan/model.js';
import { joinPointer } from '../plan/pointer.js';
import { setOwn } from '../core/set-own.js';
import { planShape, type Shape } from '../report/plan-shape.js';
import { withSpecProperties } from '../spec/call-properties.js';
import type { ValueKind } from './column-types.js';
import { eventTableName, propertyColumnName, type TableKind } from './names.js';

/**
 * The plan laid onto the warehouse the way Segment's connector lays out the events: which table
 * each planned event, page, screen and traits section lands in, and which column each property or
 * trait lands in. The config's `warehouse.tables` and `warehouse.columns` override names for
 * warehouses with history. docs/warehouse.md is the reference for every rule here.
 */

export { isCommonColumn, type TableKind } from './names.js';
export { snakeCase } from './snake-case.js';

/** The `warehouse` section of the config. */
export interface WarehouseConfig {
  /** Track event name (as in the plan) -> table name. */
  tables?: Record<string, string>;
  /**
   * Event name -> property path (keys joined with `.`) -> column name. The traits sections and the
   * shared page and screen tables are keyed `identify`, `group`, `page` and `screen`.
   */
  columns?: Record<string, Record<string, string>>;
}

export interface PlanColumn {
  /** JSON pointer of the value in a message: `/properties/order_id`, `/traits/address/city`. */
  pointer: string;
  /** Property keys from the properties (traits) object down to the value. */
  path: string[];
  column: string;
  /**
   * Every row must have a value: the property and each object it sits in are required, and the plan
   * does not allow null (a warehouse cannot tell null from absent).
   */
  required: boolean;
  /** The property's draft-07 schema, self-contained: references to the plan's types are inlined. */
  schema: JsonSchema;
  /** The kinds of value the plan allows here; undefined when it does not restrict them. */
  kinds?: ValueKind[];
}

export interface PlanTable {
  kind: TableKind;
  /** The plan's name of the event, page or screen; absent for the traits sections. */
  event?: string;
  table: string;
  deprecated?: boolean;
  /**
   * The connector derives this table from calls (the users table: one row per user, latest traits
   * upserted), so its row counts are not counts of calls.
   */
  derived?: boolean;
  columns: PlanColumn[];
  /**
   * Column name prefixes of free-form objects (an object the plan declares without properties): any
   * column starting with one is planned, e.g. `metadata_`.
   */
  openPrefixes: string[];
  /** Planned properties no column can hold (no ASCII letter or digit in the name). */
  unmapped: Array<{ pointer: string; reason: string }>;
}

/** A planned event that can have no table (its name has no ASCII letter or digit). */
export interface UnmappedEvent {
  kind: TableKind;
  event: string;
  reason: string;
}

export interface PlanLayout {
  tables: PlanTable[];
  unmapped: UnmappedEvent[];
}

/** The table of a track event: the config's name for it, else the connector's. '' when it can have none. */
export function tableName(event: string, config?: WarehouseConfig): string {
  const override = config?.tables && Object.hasOwn(config.tables, event) ? config.tables[event] : undefined;
  return override ?? eventTableName(event);
}

/**
 * The column of a property or trait: the config's name for it (keyed by `section`, the event name or
 * `identify`/`group`/`page`/`screen`), else the connector's: the keys joined with `_`, snake-cased,
 * made a safe identifier. '' when no column can hold it.
 */
export function columnName(path: readonly string[], config?: WarehouseConfig, section?: string, kind: TableKind = 'track'): string {
  const overrides = section !== undefined && config?.columns && Object.hasOwn(config.columns, section) ? config.columns[section] : undefined;
  const key = path.join('.');
  if (overrides && Object.hasOwn(overrides, key)) return overrides[key]!;
  return propertyColumnName(path, kind);
}

/** The plan's tables and columns, in plan order: track events, pages, screens, identify (identifies, users), group. */
export function mapPlan(plan: Plan, config?: WarehouseConfig): PlanTable[] {
  return layoutPlan(plan, config).tables;
}

/** mapPlan, with the planned events that can have no table. */
export function layoutPlan(plan: Plan, config?: WarehouseConfig): PlanLayout {
  const out: PlanLayout = { tables: [], unmapped: [] };
  const add = (table: PlanTable | UnmappedEvent) => ('table' in table ? out.tables.push(table) : out.unmapped.push(table));
  for (const event of plan.events.values()) add(eventTable(event, tableName(event.name, config), event.name, plan, config));
  for (const event of plan.pages.values()) add(eventTable(event, 'pages', 'page', plan, config));
  for (const event of plan.screens.values()) add(eventTable(event, 'screens', 'screen', plan, config));
  if (plan.identify) {
    out.tables.push(traitsTable(plan.identify, 'identifies', plan, config));
    out.tables.push({ ...traitsTable(plan.identify, 'users', plan, config), derived: true });
  }
  if (plan.group) out.tables.push(traitsTable(plan.group, 'groups', plan, config));
  return out;
}

function eventTable(event: PlanEvent, table: string, section: string, plan: Plan, config: WarehouseConfig | undefined): PlanTable | UnmappedEvent {
  if (table === '') return { kind: event.kind, event: event.name, reason: `"${event.name}" has no ASCII letter or digit, so it has no table name` };
  const properties = event.kind === 'track' ? event.properties : withSpecProperties(event.kind, event.properties);
  const out: PlanTable = { kind: event.kind, event: event.name, table, columns: [], openPrefixes: [], unmapped: [] };
  if (event.deprecated !== undefined && event.deprecated !== false) out.deprecated = true;
  collectColumns(out, properties, '/properties', section, plan, config);
  return out;
}

function traitsTable(section: TraitsSection, table: string, plan: Plan, config: WarehouseConfig | undefined): PlanTable {
  const out: PlanTable = { kind: section.kind, table, columns: [], openPrefixes: [], unmapped: [] };
  collectColumns(out, section.traits, '/traits', section.kind, plan, config);
  return out;
}

/** References are followed at most this deep: the plan loader rejects cycles, this only bounds the work. */
const MAX_DEPTH = 64;

function collectColumns(out: PlanTable, root: JsonSchema, slot: string, section: string, plan: Plan, config: WarehouseConfig | undefined): void {
  const visit = (shape: Shape, schemas: Map<string, JsonSchema>, path: string[], pointer: string, chainRequired: boolean, depth: number) => {
    for (const [key, child] of shape.properties) {
      const childPath = [...path, key];
      const childPointer = joinPointer(pointer, key);
      const schema = schemas.get(key) ?? {};
      const column = columnName(childPath, config, section, out.kind);
      const kinds = valueKinds(child.shape, schema);
      const objectOnly = kinds !== undefined && kinds.length === 0 && child.shape.types !== undefined && child.shape.types.has('object');
      const required = chainRequired && child.required && !(child.shape.types?.has('null') ?? true);
      if (column === '') {
        out.unmapped.push({ pointer: childPointer, reason: `"${childPath.join('.')}" has no ASCII letter or digit, so it has no column name` });
        continue;
      }
      if (!objectOnly) {
        const entry: PlanColumn = { pointer: childPointer, path: childPath, column, required, schema: inlineRefs(schema, plan.types, 0) };
        if (kinds) entry.kinds = kinds;
        out.columns.push(entry);
      }
      const mayBeObject = child.shape.types === undefined || child.shape.types.has('object');
      if (!mayBeObject || depth >= MAX_DEPTH) continue;
      if (child.shape.open && objectOnly) out.openPrefixes.push(`${column}_`);
      // Children of an object that may also be a scalar are never required of every row.
      visit(child.shape, propertySchemas(schema, plan.types, 0), childPath, childPointer, required && objectOnly, depth + 1);
    }
  };
  visit(planShape(root, plan.types), propertySchemas(root, plan.types, 0), [], slot, true, 0);
}

/**
 * The kinds of column value the plan allows at a property: JSON types as the connector stores them
 * (strings with format date-time in a timestamp column, arrays as text); an object is no value of
 * its own (its keys become columns). Undefined when the plan does not restrict the type.
 */
function valueKinds(shape: Shape, schema: JsonSchema): ValueKind[] | undefined {
  if (!shape.types) return undefined;
  const kinds: ValueKind[] = [];
  for (const t of shape.types) {
    if (t === 'string') kinds.push(schema.format === 'date-time' ? 'timestamp' : 'string');
    else if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') kinds.push(t);
  }
  // `number` allows integers too: plan-shape lists both; the column kind is number.
  return kinds.includes('number') ? kinds.filter((k) => k !== 'integer') : kinds;
}

/** The schemas a plan schema gives each of its declared keys, through type references and allOf/anyOf/oneOf. */
function propertySchemas(schema: JsonSchema | boolean, types: Plan['types'], depth: number): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) return out;
  const target = referenced(schema, types);
  if (target !== undefined) return propertySchemas(target, types, depth + 1);
  const all = new Map<string, JsonSchema[]>();
  const push = (key: string, s: JsonSchema) => all.set(key, [...(all.get(key) ?? []), s]);
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [key, s] of Object.entries(schema.properties as Record<string, unknown>)) if (typeof s === 'object' && s !== null) push(key, s as JsonSchema);
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const maps = branches.map((b) => propertySchemas(b as JsonSchema, types, depth + 1));
    if (keyword === 'allOf') {
      for (const m of maps) for (const [key, s] of m) push(key, s);
      continue;
    }
    // A key only some branches declare is left unconstrained by the others: only keys of every branch constrain.
    for (const key of new Set(maps.flatMap((m) => [...m.keys()]))) {
      if (maps.every((m) => m.has(key))) push(key, { anyOf: maps.map((m) => m.get(key)!) });
    }
  }
  for (const [key, list] of all) out.set(key, list.length === 1 ? list[0]! : { allOf: list });
  return out;
}

function referenced(schema: JsonSchema, types: Plan['types']): JsonSchema | boolean | undefined {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(TYPE_REF_PREFIX)) return undefined;
  return types.get(ref.slice(TYPE_REF_PREFIX.length))?.schema ?? true;
}

/** A schema with every reference to a plan type replaced by the type's schema (its annotations kept beside it in allOf). */
function inlineRefs(schema: JsonSchema | boolean, types: Plan['types'], depth: number): JsonSchema {
  if (schema === true || depth > MAX_DEPTH) return {};
  if (schema === false) return { not: {} };
  const target = referenced(schema, types);
  if (target !== undefined) {
    const { $ref: _ref, ...siblings } = schema;
    const inlined = inlineRefs(target, types, depth + 1);
    return Object.keys(siblings).length === 0 ? inlined : { ...inlineChildren(siblings, types, depth), allOf: [inlined, ...((siblings.allOf as JsonSchema[] | undefined) ?? []).map((s) => inlineRefs(s, types, depth + 1))] };
  }
  return inlineChildren(schema, types, depth);
}

function inlineChildren(schema: JsonSchema, types: Plan['types'], depth: number): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties') {
      const m: JsonSchema = {};
      for (const [k, v] of Object.entries(value as JsonSchema)) setOwn(m, k, inlineRefs(v as JsonSchema, types, depth + 1));
      out[key] = m;
    } else if (key === 'items') {
      out.items = Array.isArray(value) ? value.map((v) => inlineRefs(v as JsonSchema, types, depth + 1)) : inlineRefs(value as JsonSchema, types, depth + 1);
    } else if ((SUBSCHEMA_LIST_KEYWORDS as ReadonlySet<string>).has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => inlineRefs(v as JsonSchema, types, depth + 1));
    } else if ((key === 'additionalProperties' || key === 'not' || key === 'contains' || key === 'additionalItems') && typeof value === 'object' && value !== null) {
      out[key] = inlineRefs(value as JsonSchema, types, depth + 1);
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}
