/**
 * How the built-in Segment spec describes a property or trait: a small JSON-Schema-shaped record,
 * so that the plan compiler can turn it into a schema and the linters can compare types.
 */

export type SpecType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface SpecProperty {
  readonly type: SpecType | readonly SpecType[];
  readonly description?: string;
  /** JSON Schema `format` of a string: Segment sends dates as ISO-8601 strings. */
  readonly format?: 'date-time' | 'date' | 'email' | 'uri';
  readonly enum?: readonly string[];
  /** Shape of the elements of an array. */
  readonly items?: SpecProperty;
  /** Known keys of an object (other keys remain allowed). */
  readonly properties?: Readonly<Record<string, SpecProperty>>;
}

export type SpecProperties = Readonly<Record<string, SpecProperty>>;
