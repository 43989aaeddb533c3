import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { withoutBom } from '../core/text.js';
import type { Plan } from '../plan/model.js';
import { restorePlan, snapshotPlan } from '../plan/snapshot.js';
import type { ValidatorStore } from './event-validators.js';

/**
 * Entries kept per plan file: enough for switching between a few branches, or between two builds of
 * cdp (a benchmark's before and after), without each run throwing away what the other wrote.
 */
const ENTRIES_PER_PLAN = 4;

/** Written by `npm run build` (scripts/build-id.mjs): a hash of the build, so no entry outlives the code that wrote it. */
const BUILD_ID_URL = new URL('../build-id.txt', import.meta.url);

/**
 * What earlier runs learnt about a plan, kept between runs because a short run (a pre-commit hook,
 * an editor) spends most of its time on it: the plan read, validated and resolved, and the
 * validators compiled for its events. Entries are found by content, never by date: the key is the
 * plan file's bytes and path, the working folder (names in the plan are relative to it) and the
 * build of cdp; the files it includes are compared by hash on every use. So a changed plan, a
 * changed include or another version of cdp simply misses. The cache is a convenience: a folder
 * that cannot be read or written, or an entry that does not load, costs the time saved, never a
 * wrong answer.
 */
export class PlanCache {
  constructor(
    readonly dir: string,
    private readonly buildId: string,
  ) {}

  /**
   * The cache at `location` (--cache-location), else where JavaScript tools keep theirs:
   * node_modules/.cache/cdp of the nearest folder with a package.json. Undefined without a project
   * folder or a build id (running from the sources).
   */
  static locate(cwd: string, location?: string, buildId = readBuildId()): PlanCache | undefined {
    if (buildId === undefined) return undefined;
    if (location !== undefined) return new PlanCache(resolve(cwd, location), buildId);
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) return new PlanCache(join(dir, 'node_modules', '.cache', 'cdp'), buildId);
      if (dirname(dir) === dir) return undefined;
    }
  }

  /** The entry of the plan at `planPath` as its file reads now; undefined when the file cannot be read. */
  entry(planPath: string, cwd: string): CacheEntry | undefined {
    const absolute = resolve(cwd, planPath);
    let text: string;
    try {
      text = planText(absolute);
    } catch {
      return undefined;
    }
    const place = join(this.dir, 'plans', hash(`${absolute}\0${resolve(cwd)}`).slice(0, 16));
    return new CacheEntry(this.dir, place, hash(this.buildId, text).slice(0, 24), this.buildId, cwd);
  }
}

interface StoredPlan {
  /** Every file of the plan but the first, which the key covers: absolute path and hash. */
  includes: Array<[string, string]>;
  plan: Buffer;
}

export class CacheEntry {
  readonly dir: string;

  constructor(
    /** The cache's folder (PlanCache.dir). */
    readonly cacheDir: string,
    /** Holds the entries of one plan path: the newest ENTRIES_PER_PLAN are kept. */
    private readonly place: string,
    private readonly version: string,
    private readonly buildId: string,
    private readonly cwd: string,
  ) {
    this.dir = join(place, version);
  }

  /** The plan as stored, if every file it includes is unchanged. */
  readPlan(): Plan | undefined {
    try {
      const stored = deserialize(readFileSync(join(this.dir, 'plan.bin'))) as StoredPlan;
      for (const [file, digest] of stored.includes) if (hash(planText(file)) !== digest) return undefined;
      return restorePlan(stored.plan);
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps a plan that loaded without problems. Hashes are taken of the text the loader read, not of
   * the files as they are now: a file saved while cdp ran must not be taken for what was loaded. A
   * plan whose first file no longer reads as it did when the entry was found is not kept.
   */
  writePlan(plan: Plan): void {
    try {
      const texts = plan.files.map((file) => plan.sources.get(file)!.parts().text);
      if (hash(this.buildId, texts[0]!).slice(0, 24) !== this.version) return;
      const includes = plan.files.slice(1).map((file, i): [string, string] => [resolve(this.cwd, file), hash(texts[i + 1]!)]);
      mkdirSync(this.dir, { recursive: true });
      writeAtomically(join(this.dir, 'plan.bin'), serialize({ includes, plan: snapshotPlan(plan) } satisfies StoredPlan));
      this.prune();
    } catch {
      // A cache that cannot be written leaves the next run as slow as this one, nothing worse.
    }
  }

  /** Removes all but the newest entries of this plan path (by the time their folder last changed). */
  private prune(): void {
    const entries = readdirSync(this.place).map((name) => ({ name, at: name === this.version ? Infinity : statSync(join(this.place, name)).mtimeMs }));
    entries.sort((a, b) => b.at - a.at);
    for (const { name } of entries.slice(ENTRIES_PER_PLAN)) rmSync(join(this.place, name), { recursive: true, force: true });
  }

  /** Where the validators of this plan's events are kept, one module each. */
  validators(): ValidatorStore {
    const file = (key: string) => join(this.dir, `v-${hash(key).slice(0, 24)}.cjs`);
    return {
      read: (key) => {
        try {
          return { code: readFileSync(file(key), 'utf8'), file: file(key) };
        } catch {
          return undefined;
        }
      },
      write: (key, code) => {
        try {
          mkdirSync(this.dir, { recursive: true });
          writeAtomically(file(key), code);
        } catch {
          // As in writePlan: the next run compiles this validator again.
        }
      },
    };
  }
}

/** A plan file's text as the plan loader reads it (src/plan/load.ts): UTF-8, without a byte order mark. */
function planText(path: string): string {
  return withoutBom(readFileSync(path, 'utf8'));
}

function readBuildId(): string | undefined {
  try {
    return readFileSync(BUILD_ID_URL, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function hash(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex');
}

/** Readers see the old file or the new one, never half of one: runs in parallel (workers, CI jobs) share the folder. */
function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
