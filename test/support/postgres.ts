import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';

/**
 * A real PostgreSQL for tests, from Debian's `postgresql` package (.ci/run installs it): a fresh
 * cluster in a temporary directory, listening only on a unix socket inside it, stopped and deleted
 * by `stop()`. PostgreSQL refuses to run as root, so under root (CI's containers) the cluster is
 * owned and run by the package's `postgres` user.
 */
export interface TestPostgres {
  /** `postgres://cdp@/postgres?host=<socket dir>`: the cluster's superuser `cdp`, no password. */
  url: string;
  /** Runs SQL through psql as the superuser (setting up fixtures; cdp itself only reads). */
  psql(sql: string): string;
  stop(): void;
}

/** Where the server binaries are: the newest /usr/lib/postgresql/<version>/bin (they are not on PATH). */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : undefined;
}

/** Starts a cluster, or says why it cannot (the tests that need it skip with that reason). */
export function startPostgres(): TestPostgres | { skip: string } {
  const bin = postgresBinaries();
  if (!bin) return { skip: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; .ci/run installs Debian\'s postgresql)' };
  const dir = mkdtempSync(join(tmpdir(), 'cdp-pg-'));
  const asRoot = userInfo().uid === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    owner = postgresUser();
    if (!owner) return fail(dir, 'running as root and there is no "postgres" user to run PostgreSQL as');
    chownSync(dir, owner.uid, owner.gid);
  }
  const run = (command: string, args: string[]): SpawnSyncReturns<string> =>
    asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { encoding: 'utf8', timeout: 60_000 })
      : spawnSync(join(bin, command), args, { encoding: 'utf8', timeout: 60_000 });
  const data = join(dir, 'data');
  const init = run('initdb', ['-D', data, '-U', 'cdp', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (init.status !== 0) return fail(dir, `initdb failed: ${(init.stderr || init.error?.message || '').trim()}`);
  const options = `-k ${dir} -c listen_addresses= -c fsync=off -c full_page_writes=off`;
  const start = run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) return fail(dir, `pg_ctl start failed: ${(start.stderr || start.stdout || '').trim()} ${readLog(dir)}`);
  const url = `postgres://cdp@/postgres?host=${encodeURIComponent(dir)}`;
  return {
    url,
    psql(sql) {
      const r = spawnSync(join(bin, 'psql'), ['-h', dir, '-U', 'cdp', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-A', '-t', '-c', sql], { encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return r.stdout;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'server.log'), 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}

function fail(dir: string, reason: string): { skip: string } {
  rmSync(dir, { recursive: true, force: true });
  return { skip: `PostgreSQL could not be started: ${reason}` };
}

/**
 * A cluster for the test file that calls it: started before its tests (then `setup`), stopped after
 * them. `pgIt` declares a test that needs it; when PostgreSQL cannot be started, it skips, saying why.
 */
export function withPostgres(setup?: (pg: TestPostgres) => void | Promise<void>): { pgIt: (name: string, fn: (pg: TestPostgres) => void | Promise<void>) => void } {
  let postgres: TestPostgres | { skip: string } | undefined;
  beforeAll(async () => {
    postgres = startPostgres();
    if (!('skip' in postgres)) await setup?.(postgres);
  }, 120_000);
  afterAll(() => {
    if (postgres && !('skip' in postgres)) postgres.stop();
  });
  return {
    pgIt: (name, fn) =>
      it(name, async (context) => {
        if (!postgres || 'skip' in postgres) {
          context.skip(postgres?.skip ?? 'PostgreSQL was not started');
          return;
        }
        await fn(postgres);
      }),
  };
}
