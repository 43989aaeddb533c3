import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * dbt's own readers for the files cdp writes: PyYAML for sources.yml and Jinja 2 (sandboxed, with
 * dbt's context) for every string and every test, through test/support/dbt_render.py. They come
 * with the machine's Python, or Debian's python3-jinja2 and python3-yaml (.ci/run installs them).
 */
const SCRIPT = fileURLToPath(new URL('./dbt_render.py', import.meta.url));
const PYTHONS = ['python3', '/usr/bin/python3'];

let found: string | { skip: string } | undefined;

/** A Python with Jinja 2 and PyYAML, or why there is none (the tests that need it skip with that reason). */
export function dbtPython(): string | { skip: string } {
  found ??=
    PYTHONS.find((python) => spawnSync(python, ['-c', 'import jinja2, yaml'], { encoding: 'utf8' }).status === 0) ??
    ({ skip: 'no python3 with jinja2 and yaml (.ci/run installs Debian\'s python3-jinja2 and python3-yaml)' } as const);
  return found;
}

function run(request: unknown): unknown {
  const python = dbtPython();
  if (typeof python !== 'string') throw new Error(python.skip);
  const r = spawnSync(python, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`dbt_render.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** sources.yml as dbt reads it: `parsed` by PyYAML, and `rendered` with every string through Jinja. */
export function readDbtYaml(text: string): { parsed: unknown; rendered: unknown } {
  return run({ kind: 'yaml', text }) as { parsed: unknown; rendered: unknown };
}

export interface RenderedTest {
  sql?: string;
  config?: Array<Record<string, unknown>>;
  /** A compiler error the template raised. */
  error?: string;
}

export interface RenderRequest {
  templates: Record<string, string>;
  /** dbt's `target.type`. */
  target: string;
  /** `source.table` -> the relation's SQL text. */
  relations: Record<string, string>;
  /** `source.table` -> the columns the adapter reports. */
  columns: Record<string, Array<{ name: string; data_type: string }>>;
}

/** Singular tests rendered as dbt renders them when it runs them. */
export function renderDbtSql(request: RenderRequest): Record<string, RenderedTest> {
  return run({ kind: 'sql', ...request }) as Record<string, RenderedTest>;
}
