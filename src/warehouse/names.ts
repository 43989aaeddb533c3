import { snakeCase } from './snake-case.js';

/**
 * Names in the warehouse as Segment's connector writes them. docs/warehouse.md gives the sources
 * and every assumption made where they are silent.
 */

/** The tables the connector writes besides one table per track event. */
export const SEGMENT_TABLES = ['aliases', 'groups', 'identifies', 'pages', 'screens', 'tracks', 'users', 'accounts'] as const;
export type SegmentTable = (typeof SEGMENT_TABLES)[number];
const SEGMENT_TABLE_SET: ReadonlySet<string> = new Set(SEGMENT_TABLES);

/**
 * Redshift's reserved words (docs.aws.amazon.com/redshift/latest/dg/r_pg_keywords.html), the list
 * Segment's Redshift and Redshift-FAQ pages point to: a table or column with one of these names gets
 * a leading underscore (`open` -> `_open`). Segment documents no other list; cdp applies this one
 * on every engine, as the connector's naming does not depend on the destination.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'aes128 aes256 all allowoverwrite analyse analyze and any array as asc authorization az64 backup between binary ' +
    'blanksasnull both bytedict bzip2 case cast check collate column constraint create credentials cross current_date ' +
    'current_time current_timestamp current_user current_user_id default deferrable deflate defrag delta delta32k desc ' +
    'disable distinct do else emptyasnull enable encode encrypt encryption end except explicit false for foreign freeze ' +
    'from full globaldict256 globaldict64k grant group gzip having identity ignore ilike in initially inner intersect ' +
    'interval into is isnull join leading left like limit localtime localtimestamp lun luns lzo lzop minus mostly16 ' +
    'mostly32 mostly8 natural new not notnull null nulls off offline offset oid old on only open or order outer overlaps ' +
    'parallel partition percent permissions pivot placing primary raw readratio recover references rejectlog resort ' +
    'respect restore right select session_user similar snapshot some sysdate system table tag tdes text255 text32k then ' +
    'timestamp to top trailing true truncatecolumns union unique unnest unpivot user using verbose wallet when where ' +
    'with without'
  ).split(' '),
);

/** Redshift's limit on identifiers (bytes; the names here are ASCII). PostgreSQL cuts at 63. */
export const MAX_IDENTIFIER_LENGTH = 127;

/** Columns every table of calls has (the users table has fewer; see COMMON_COLUMNS). */
const BASE_COLUMNS = ['id', 'anonymous_id', 'user_id', 'received_at', 'sent_at', 'timestamp', 'original_timestamp', 'uuid', 'uuid_ts', 'loaded_at'];

/** The kinds of table the plan maps onto. */
export type TableKind = 'track' | 'identify' | 'group' | 'page' | 'screen';

/**
 * Columns the connector fills from the message itself rather than from properties or traits, per
 * kind of table; besides these, every column whose name starts with `context_` is common.
 */
export const COMMON_COLUMNS: Readonly<Record<TableKind | 'alias' | 'users', ReadonlySet<string>>> = {
  track: new Set([...BASE_COLUMNS, 'event', 'event_text']),
  identify: new Set(BASE_COLUMNS),
  group: new Set([...BASE_COLUMNS, 'group_id']),
  page: new Set([...BASE_COLUMNS, 'name']),
  screen: new Set([...BASE_COLUMNS, 'name']),
  alias: new Set([...BASE_COLUMNS, 'previous_id']),
  users: new Set(['id', 'received_at', 'uuid', 'uuid_ts', 'loaded_at']),
};
const ALL_COMMON: ReadonlySet<string> = new Set(Object.values(COMMON_COLUMNS).flatMap((s) => [...s]));

export const CONTEXT_PREFIX = 'context_';

/** Whether a column is one the connector fills from the message (not a property or trait). */
export function isCommonColumn(name: string, kind?: keyof typeof COMMON_COLUMNS): boolean {
  if (name.startsWith(CONTEXT_PREFIX)) return true;
  return (kind ? COMMON_COLUMNS[kind] : ALL_COMMON).has(name);
}

/**
 * Property and trait columns that would take the name of a column the connector fills from the
 * message get a leading underscore (Segment's Redshift page: "conflict with top level Segment
 * fields (for example, userId, receivedAt, or messageId) ... are _-prefixed"). The page and screen
 * `name` property is the page's name itself, so it shares the `name` column.
 */
function collidesWithMessageField(column: string, kind: TableKind): boolean {
  if (column === 'message_id') return true;
  if ((kind === 'page' || kind === 'screen') && column === 'name') return false;
  return COMMON_COLUMNS[kind].has(column);
}

/**
 * A snake-cased name made safe as an identifier: a leading underscore when it starts with a digit,
 * is a reserved word, or (`prefix`) collides with a message column; then cut to the length limit.
 * An empty name stays empty: the connector cannot create it.
 */
export function safeIdentifier(snake: string, prefix = false): string {
  if (snake === '') return '';
  const escaped = prefix || /^[0-9]/.test(snake) || RESERVED_WORDS.has(snake) ? `_${snake}` : snake;
  return escaped.slice(0, MAX_IDENTIFIER_LENGTH);
}

/** The table of a track event by the connector's rules (no config): `Order Completed` -> `order_completed`. */
export function eventTableName(event: string): string {
  const snake = snakeCase(event);
  // An event table named like one of the connector's own tables would merge into it; cdp assumes
  // the connector keeps them apart the way it keeps reserved words apart.
  return safeIdentifier(snake, SEGMENT_TABLE_SET.has(snake));
}

/** The column of a property or trait at `path` in a table of `kind`, by the connector's rules (no config). */
export function propertyColumnName(path: readonly string[], kind: TableKind = 'track'): string {
  const snake = snakeCase(path.join('_'));
  return safeIdentifier(snake, collidesWithMessageField(snake, kind));
}

/** The column a context field lands in: `context.app.version` -> `context_app_version`. */
export function contextColumnName(path: readonly string[]): string {
  return safeIdentifier(snakeCase(['context', ...path].join('_')));
}
