import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { verifyPlanSchemas } from '../compile/verify.js';
import type { CdpConfig } from '../config/load-config.js';
import { resolveConventions } from '../config/resolve.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadPlan, PlanLoadError } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import { checkerFor, type CheckerSetup } from '../validate/checker-setup.js';
import type { EventChecker } from '../validate/event-checker.js';
import type { PlanStatus } from './server.js';

/** Editors save in bursts (write, rename, chmod): one reload per burst. */
const SETTLE_MS = 150;

export type PlanLoad = { plan: Plan; checker: EventChecker } | { problems: Diagnostic[] };

/** The plan and its checker, or the problems that keep it from loading (as `cdp lint` would stop on them). */
export function loadChecker(planPath: string, cwd: string, config: CdpConfig, setup: Pick<CheckerSetup, 'severities' | 'explicit'>): PlanLoad {
  let plan: Plan;
  try {
    plan = loadPlan(planPath, cwd);
  } catch (error) {
    if (error instanceof PlanLoadError) return { problems: error.diagnostics };
    throw error;
  }
  const problems = verifyPlanSchemas(plan);
  if (problems.length > 0) return { problems };
  const conventions = resolveConventions(plan, config);
  return { plan, checker: checkerFor(plan, { ...setup, planPath, cwd, conventions, output: { format: 'groups', quiet: false } }) };
}

/**
 * Keeps the checker of the plan file up to date while the server runs: an edit of the plan (or of
 * a file it includes) is loaded again; an edit that does not load leaves the last good plan in force
 * and says why. Folders are watched, not files: editors save by replacing the file.
 */
export class PlanWatcher {
  #checker: EventChecker;
  #files: string[];
  #problems: Diagnostic[] = [];
  #watchers: FSWatcher[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly cwd: string,
    private readonly planPath: string,
    private readonly load: () => PlanLoad,
    initial: { plan: Plan; checker: EventChecker },
    private readonly onChange: (status: PlanStatus, problems: readonly Diagnostic[]) => void,
  ) {
    this.#checker = initial.checker;
    this.#files = initial.plan.files;
    this.watchFiles();
  }

  checker(): EventChecker {
    return this.#checker;
  }

  status(): PlanStatus {
    return { file: this.planPath, problems: this.#problems.map(describe) };
  }

  close(): void {
    clearTimeout(this.#timer);
    for (const w of this.#watchers) w.close();
    this.#watchers = [];
  }

  /** Loads the plan again now; what a change of its files triggers after they settle. */
  reload(): void {
    const result = this.load();
    if ('problems' in result) {
      this.#problems = result.problems;
    } else {
      this.#checker = result.checker;
      this.#problems = [];
      this.#files = result.plan.files;
      this.watchFiles();
    }
    this.onChange(this.status(), this.#problems);
  }

  private watchFiles(): void {
    for (const w of this.#watchers) w.close();
    this.#watchers = [];
    // The root file always, even when it was deleted: it may come back.
    const files = new Set([resolve(this.cwd, this.planPath), ...this.#files.map((f) => resolve(this.cwd, f))]);
    const byFolder = new Map<string, Set<string>>();
    for (const file of files) {
      const names = byFolder.get(dirname(file)) ?? new Set<string>();
      names.add(basename(file));
      byFolder.set(dirname(file), names);
    }
    for (const [folder, names] of byFolder) {
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name === null || names.has(name.toString())) this.schedule();
        });
        watcher.on('error', () => watcher.close());
        this.#watchers.push(watcher);
      } catch {
        // A folder that went away cannot be watched; the others still are.
      }
    }
  }

  private schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.reload(), SETTLE_MS);
  }
}

function describe(d: Diagnostic): string {
  const at = d.file === undefined ? '' : `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}: `;
  return `${at}${d.message} (${d.ruleId})`;
}
