import { expandInputs } from '../ingest/glob.js';
import { forEachMessage, type MessageLocation } from '../ingest/messages.js';
import { readUnits } from '../ingest/read-units.js';
import { InputError } from '../ingest/types.js';
import { parseInstant } from '../report/instant.js';
import { isIsoDateTime } from '../validate/iso-date-time.js';
import { CONNECTOR_COLUMN_TYPES, type ValueKind } from './column-types.js';
import type { LoadColumn, LoadTarget } from './load-target.js';
import { contextColumnName, eventTableName, propertyColumnName, type TableKind } from './names.js';
import { DIALECTS } from './sql/index.js';

/**
 * Loads raw Segment messages into a database in the layout Segment's warehouse connector writes
 * (docs/warehouse.md): a row in `tracks` and in the event's own table per track call, `identifies`
 * (and `users`, one row per user with the latest traits), `pages`, `screens`, `groups`, `aliases`.
 * Like the connector, it creates a column only once a non-null value arrives and types it from
 * that first value; later values of another type are converted the way the connector converts
 * them (any value into a text column as text, a number in text into a number column), or dropped
 * (NULL) when they cannot be. Arrays are stored as JSON text, objects flattened with `_`.
 */

export interface LoadSummary {
  /** Every message read: loaded + malformed + rejected. */
  read: number;
  loaded: number;
  /** Lines or elements that are not JSON. */
  malformed: number;
  /** JSON values that are not a Segment message the connector would load (not an object, no known type, a track with no event name). */
  rejected: number;
  /** The first problems (malformed or rejected), at most 10. */
  problems: Array<MessageLocation & { reason: string }>;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Values that could not be converted to their column's type and were dropped (stored as NULL). */
  dropped: number;
}

export interface LoaderOptions {
  /** The schema to load into (created when missing); default: the target's default (DuckDB `main`, PostgreSQL `public`). */
  schema?: string;
  /** Stamped into `uuid_ts`; default: when the loader was created. */
  loadedAt?: Date;
}

const MAX_PROBLEMS = 10;
/** Parameters per INSERT: PostgreSQL allows 65,535. */
const MAX_PARAMS = 30_000;
/** Rows buffered per table before they are written. */
const BATCH_ROWS = 2_000;

type ColumnKind = ValueKind | 'id';

/** Columns filled from the message itself, with fixed types. */
const MESSAGE_COLUMNS: Record<string, ColumnKind> = {
  id: 'id',
  received_at: 'timestamp',
  sent_at: 'timestamp',
  timestamp: 'timestamp',
  original_timestamp: 'timestamp',
  anonymous_id: 'id',
  user_id: 'id',
  uuid_ts: 'timestamp',
};

type Row = Map<string, unknown>;

class TableState {
  readonly columns = new Map<string, ColumnKind>();
  /** Columns typed but not yet created in the database. */
  pending: string[] = [];
  created = false;
  buffer: Row[] = [];
  written = 0;

  constructor(readonly name: string) {}
}

export class WarehouseLoader {
  private readonly tables = new Map<string, TableState>();
  private readonly users = new Map<string, Row>();
  private readonly summary: LoadSummary = { read: 0, loaded: 0, malformed: 0, rejected: 0, problems: [], rows: {}, dropped: 0 };
  private readonly loadedAt: string;
  private schemaReady = false;

  constructor(
    private readonly target: LoadTarget,
    private readonly options: LoaderOptions = {},
  ) {
    this.loadedAt = (options.loadedAt ?? new Date()).toISOString();
  }

  /** Adds one message; call `flush` now and then (after each unit) to write full batches. */
  add(value: unknown, at: MessageLocation): void {
    this.summary.read++;
    const problem = this.addMessage(value);
    if (problem === undefined) this.summary.loaded++;
    else {
      this.summary.rejected++;
      this.note(at, problem);
    }
  }

  addMalformed(at: MessageLocation): void {
    this.summary.read++;
    this.summary.malformed++;
    this.note(at, 'not JSON (or not UTF-8)');
  }

  /** Writes the tables whose buffers are full (`all`: every buffered row). */
  async flush(all = false): Promise<void> {
    for (const table of this.tables.values()) if (all || table.buffer.length >= BATCH_ROWS) await this.write(table);
  }

  /** Writes what is buffered and the users table; returns the counts. */
  async finish(): Promise<LoadSummary> {
    for (const row of this.users.values()) this.push('users', row);
    this.users.clear();
    await this.flush(true);
    for (const table of this.tables.values()) this.summary.rows[table.name] = table.written;
    return this.summary;
  }

  private note(at: MessageLocation, reason: string): void {
    if (this.summary.problems.length < MAX_PROBLEMS) this.summary.problems.push({ ...at, reason });
  }

  /** Buffers the rows of one message; a reason when the connector would not load it. */
  private addMessage(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
    const m = value as Record<string, unknown>;
    const type = typeof m.type === 'string' ? m.type.toLowerCase() : undefined;
    const common = this.commonRow(m);
    switch (type) {
      case 'track': {
        if (typeof m.event !== 'string' || m.event === '') return 'a track call with no event name';
        common.set('event', eventTableName(m.event));
        common.set('event_text', m.event);
        this.push('tracks', new Map(common));
        const table = eventTableName(m.event);
        // A name with no ASCII letter or digit has no table: the call is in `tracks` only.
        if (table !== '') this.push(table, this.withFields(common, m.properties, 'track'));
        return undefined;
      }
      case 'page':
      case 'screen': {
        if (typeof m.name === 'string') common.set('name', m.name);
        this.push(`${type}s`, this.withFields(common, m.properties, type));
        return undefined;
      }
      case 'identify': {
        const row = this.withFields(common, m.traits, 'identify');
        this.push('identifies', row);
        const userId = common.get('user_id');
        if (typeof userId === 'string') this.upsertUser(userId, row);
        return undefined;
      }
      case 'group':
        if (m.groupId !== undefined && m.groupId !== null) common.set('group_id', idText(m.groupId));
        this.push('groups', this.withFields(common, m.traits, 'group'));
        return undefined;
      case 'alias':
        if (m.previousId !== undefined && m.previousId !== null) common.set('previous_id', idText(m.previousId));
        this.push('aliases', common);
        return undefined;
      default:
        return type === undefined ? 'no "type"' : `unknown type "${String(m.type)}"`;
    }
  }

  private commonRow(m: Record<string, unknown>): Row {
    const row: Row = new Map();
    const set = (column: string, value: unknown) => {
      if (value !== undefined && value !== null) row.set(column, value);
    };
    set('id', m.messageId === undefined || m.messageId === null ? undefined : idText(m.messageId));
    // The connector stamps received_at itself; a log without it falls back to the message's time.
    set('received_at', timestampOf(m.receivedAt) ?? timestampOf(m.timestamp));
    set('sent_at', timestampOf(m.sentAt));
    set('timestamp', timestampOf(m.timestamp));
    set('original_timestamp', timestampOf(m.originalTimestamp));
    set('anonymous_id', m.anonymousId === undefined || m.anonymousId === null ? undefined : idText(m.anonymousId));
    set('user_id', m.userId === undefined || m.userId === null ? undefined : idText(m.userId));
    set('uuid_ts', this.loadedAt);
    if (m.context !== null && typeof m.context === 'object' && !Array.isArray(m.context)) {
      flatten(m.context as Record<string, unknown>, [], (path, value) => {
        const column = contextColumnName(path);
        if (column !== '') row.set(column, value);
      });
    }
    return row;
  }

  /** The common row plus the properties or traits, flattened into columns. */
  private withFields(common: Row, fields: unknown, kind: TableKind): Row {
    const row = new Map(common);
    if (fields !== null && typeof fields === 'object' && !Array.isArray(fields)) {
      flatten(fields as Record<string, unknown>, [], (path, value) => {
        const column = propertyColumnName(path, kind);
        if (column !== '') row.set(column, value);
      });
    }
    return row;
  }

  /** The users table: one row per user id, the latest value of each trait. */
  private upsertUser(userId: string, identify: Row): void {
    const user = this.users.get(userId) ?? new Map<string, unknown>([['id', userId]]);
    for (const [column, value] of identify) {
      if (column === 'id' || column === 'anonymous_id' || column === 'user_id' || column.startsWith('context_')) continue;
      if (column === 'sent_at' || column === 'timestamp' || column === 'original_timestamp') continue;
      user.set(column, value);
    }
    this.users.set(userId, user);
  }

  private push(tableName: string, row: Row): void {
    let table = this.tables.get(tableName);
    if (!table) this.tables.set(tableName, (table = new TableState(tableName)));
    const stored: Row = new Map();
    for (const [column, value] of row) {
      let kind = table.columns.get(column);
      if (kind === undefined) {
        kind = MESSAGE_COLUMNS[column] ?? kindOf(value);
        if (kind === undefined) continue;
        table.columns.set(column, kind);
        table.pending.push(column);
      }
      const converted = convert(value, kind);
      if (converted === undefined) this.summary.dropped++;
      else stored.set(column, converted);
    }
    table.buffer.push(stored);
  }

  private async write(table: TableState): Promise<void> {
    if (table.buffer.length === 0) return;
    const quote = this.quote;
    const types = CONNECTOR_COLUMN_TYPES[this.target.dialect];
    const typeOf = (column: string) => types[table.columns.get(column) === 'id' ? 'string' : (table.columns.get(column) as ValueKind)];
    const name = this.qualified(table.name);
    if (!this.schemaReady && this.options.schema !== undefined) {
      await this.target.execute(`CREATE SCHEMA IF NOT EXISTS ${quote(this.options.schema)}`);
      this.schemaReady = true;
    }
    if (!table.created) {
      await this.target.execute(`CREATE TABLE ${name} (${table.pending.map((c) => `${quote(c)} ${typeOf(c)}`).join(', ')})`);
      table.created = true;
    } else {
      for (const column of table.pending) await this.target.execute(`ALTER TABLE ${name} ADD COLUMN ${quote(column)} ${typeOf(column)}`);
    }
    table.pending = [];
    const columns = [...table.columns.keys()];
    if (this.target.append) {
      const loadColumns = columns.map((c) => ({ name: c, kind: storedKind(table.columns.get(c)!) }));
      await this.target.append(this.options.schema, table.name, loadColumns, table.buffer.map((row) => columns.map((c) => row.get(c) ?? null)));
    } else {
      const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let start = 0; start < table.buffer.length; start += rowsPerStatement) {
        const rows = table.buffer.slice(start, start + rowsPerStatement);
        const params: unknown[] = [];
        const tuples = rows.map((row) => `(${columns.map((c) => `$${params.push(row.get(c) ?? null)}`).join(', ')})`);
        await this.target.execute(`INSERT INTO ${name} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, params);
      }
    }
    table.written += table.buffer.length;
    table.buffer = [];
  }

  private qualified(table: string): string {
    return this.options.schema === undefined ? this.quote(table) : `${this.quote(this.options.schema)}.${this.quote(table)}`;
  }

  /** The target dialect's one quoting function: every table and column name reaches SQL through it. */
  private get quote(): (name: string) => string {
    return DIALECTS[this.target.dialect].identifier;
  }
}

/**
 * Reads files and globs (NDJSON, JSON arrays, `{"batch": [...]}`, gzip) into `target`. Inputs that
 * cannot be read are returned as problems; what was read before still loads.
 */
export async function loadFiles(target: LoadTarget, inputs: string[], cwd: string, options: LoaderOptions = {}): Promise<{ summary: LoadSummary; problems: InputError[] }> {
  const { sources, problems } = expandInputs(inputs, cwd);
  const loader = new WarehouseLoader(target, options);
  for (const source of sources) {
    try {
      for await (const unit of readUnits(source)) {
        forEachMessage(unit, { message: (value, at) => loader.add(value, at), malformed: (at) => loader.addMalformed(at) });
        await loader.flush();
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
    }
  }
  return { summary: await loader.finish(), problems };
}

/** How a column's values are stored: ids and arrays as text. */
function storedKind(kind: ColumnKind): LoadColumn['kind'] {
  return kind === 'id' || kind === 'array' ? 'string' : kind;
}

/** Walks an object's leaves: nested objects are flattened, arrays kept whole (stored as JSON text), nulls skipped. */
function flatten(object: Record<string, unknown>, path: string[], visit: (path: string[], value: unknown) => void): void {
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, [...path, key], visit);
    else visit([...path, key], value);
  }
}

/** The column type the connector gives a column whose first value this is. */
function kindOf(value: unknown): ValueKind | undefined {
  switch (typeof value) {
    case 'string':
      return timestampOf(value) !== undefined ? 'timestamp' : 'string';
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : undefined;
    case 'boolean':
      return 'boolean';
    default:
      return Array.isArray(value) ? 'array' : undefined;
  }
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A value as its column stores it; undefined when the column's type cannot hold it (the connector drops it). */
function convert(value: unknown, kind: ColumnKind): unknown {
  switch (kind) {
    case 'id':
      return idText(value);
    case 'string':
    case 'array':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && JSON_NUMBER.test(value) ? Number(value) : NaN;
      // An integer column rounds what it is given (Segment: "resulting in a loss of precision").
      return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? Math.round(n) : undefined;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && JSON_NUMBER.test(value) ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'timestamp':
      return timestampOf(value);
  }
}

const CANONICAL_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:[0-5]\d(\.\d{1,6})?Z$/;

/** An ISO-8601 date-time in the one form every engine parses (UTC, milliseconds); undefined for anything else. */
function timestampOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Most timestamps are in that form already (what the SDKs send): only a check, no Date.
  if (CANONICAL_TIMESTAMP.test(value) && isIsoDateTime(value)) return value;
  const ms = parseInstant(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Ids are text columns: a number id is stored as its JSON text. */
function idText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
