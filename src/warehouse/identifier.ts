/**
 * `"name"` with `"` doubled: how DuckDB and PostgreSQL quote an identifier, whatever it holds. Table
 * and column names from the plan and the catalogue reach the SQL cdp writes to load and report only
 * through this.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error(`The identifier ${JSON.stringify(name)} contains a NUL character, which SQL cannot carry`);
  return `"${name.replace(/"/g, '""')}"`;
}
