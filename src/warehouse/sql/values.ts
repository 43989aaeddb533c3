import type { SqlDialect, SqlType, SqlValue } from './dialect.js';

/** Marks a value's place in the text until `finish` numbers it; quoting rejects NUL, so no name or literal holds one. */
const MARK = '\u0000';
const MARKED = /\u0000(\d+)\u0000/g;

/**
 * Where the values of a query go: bound parameters (`$1`, `$2`, ... as the engines take them), or
 * literals written into the text (`cdp compile --target sql`, which has nothing to bind). Either
 * way a value is cast to the type it is compared as, so that no engine has to guess the type of a
 * parameter from its context (PostgreSQL would take `$1` beside a bigint column for a bigint).
 */
export class SqlValues {
  readonly #values: SqlValue[] = [];

  constructor(
    readonly dialect: SqlDialect,
    private readonly mode: 'params' | 'literals',
  ) {}

  /** The value as an expression of `type`. */
  value(value: SqlValue, type: SqlType): string {
    if (this.mode === 'literals') {
      // A string literal is text, and a number literal a number, in every dialect.
      if ((typeof value === 'number' && type === 'double') || (typeof value === 'string' && type === 'text')) return this.dialect.literal(value);
      return this.dialect.cast(this.dialect.literal(value), type);
    }
    this.#values.push(value);
    return this.dialect.cast(`${MARK}${this.#values.length - 1}${MARK}`, type);
  }

  text(value: string): string {
    return this.value(value, 'text');
  }

  number(value: number): string {
    return this.value(value, 'double');
  }

  /**
   * The finished statement and its parameters, numbered in the order they appear: a condition
   * dropped while the query was built (one that can never hold) leaves no parameter unused,
   * which PostgreSQL would reject for having no type.
   */
  finish(sql: string): { sql: string; params: SqlValue[] } {
    const params: SqlValue[] = [];
    const numbers = new Map<string, number>();
    const text = sql.replace(MARKED, (_, index: string) => {
      let n = numbers.get(index);
      if (n === undefined) {
        params.push(this.#values[Number(index)]!);
        numbers.set(index, (n = params.length));
      }
      return `$${n}`;
    });
    return { sql: text, params };
  }
}
