import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { withoutBom } from '../core/text.js';
import { DEFAULT_POLICIES, type Plan, type Policy, type RawConvention, type TypeDefinition, type PlanEvent } from './model.js';
import { Normalizer } from './normalize.js';
import { loneSurrogateKeys } from './lone-surrogates.js';
import { joinPointer } from './pointer.js';
import { resolveTypes } from './resolve-types.js';
import { SourceMap } from './source-map.js';
import { validatePlanFormat } from './validate-format.js';
import { diskFiles, PlanFileError, type PlanFiles } from './plan-files.js';
import { parseYamlSource } from './yaml-source.js';

/** Thrown when a plan cannot be turned into a model; carries every problem found, not just the first. */
export class PlanLoadError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'the plan could not be loaded');
    this.name = 'PlanLoadError';
  }
}

const ROOT_ONLY_KEYS = ['plan', 'version', 'conventions', 'defaults'];

interface IncludeSite {
  file: string;
  pointer: string;
}

/**
 * Reads a plan and every file it includes, validates each against the plan format, expands
 * shorthands and resolves type references. `path` is resolved against `cwd`; file names in the
 * model and in diagnostics are relative to `cwd` when the file lies beneath it. `files` reads them:
 * from disk unless told otherwise (`cdp diff --against` reads them from a git commit).
 */
export function loadPlan(path: string, cwd = process.cwd(), files: PlanFiles = diskFiles): Plan {
  return new PlanLoader(cwd, files).load(path);
}

class PlanLoader {
  readonly #diagnostics: Diagnostic[] = [];
  readonly #normalizer = new Normalizer();
  readonly #stack: string[] = [];
  readonly #plan: Plan;

  constructor(
    private readonly cwd: string,
    private readonly files: PlanFiles,
  ) {
    this.#plan = {
      file: '',
      files: [],
      conventions: {},
      defaults: { ...DEFAULT_POLICIES },
      types: new Map(),
      events: new Map(),
      pages: new Map(),
      screens: new Map(),
      sources: new Map(),
    };
  }

  load(path: string): Plan {
    this.#plan.file = this.display(resolve(this.cwd, path));
    this.loadFile(resolve(this.cwd, path));
    if (this.#diagnostics.length === 0) this.#diagnostics.push(...this.#normalizer.diagnostics);
    if (this.#diagnostics.length === 0) this.#diagnostics.push(...resolveTypes(this.#plan.types, this.#normalizer.refs));
    if (this.#diagnostics.length > 0) throw new PlanLoadError(this.#diagnostics.map((d) => this.position(d)));
    return this.#plan;
  }

  private loadFile(absolute: string, site?: IncludeSite): void {
    const file = this.display(absolute);
    const text = this.read(absolute, file, site);
    if (text === undefined) return;
    const source = parseYamlSource(text, file);
    this.#plan.files.push(file);
    this.#plan.sources.set(file, source.map);
    if (source.diagnostics.length > 0) {
      this.#diagnostics.push(...source.diagnostics);
      return;
    }
    if (source.value === null || source.value === undefined) {
      this.fail(file, '', `The plan file is empty: it needs at least ${site ? 'one of `events`, `types`, `identify`, `group`, `pages` or `screens`' : '`plan:` and `events:`'}`, 'plan/invalid-format');
      return;
    }
    const formatErrors = [...validatePlanFormat(source.value, source.map), ...loneSurrogateKeys(source.value, source.map)];
    if (formatErrors.length > 0) {
      this.#diagnostics.push(...formatErrors);
      return;
    }
    const raw = source.value as Record<string, unknown>;
    if (site) {
      for (const key of ROOT_ONLY_KEYS) {
        if (Object.hasOwn(raw, key)) this.fail(file, `/${key}`, `"${key}" may only be set in the root plan file (${this.#plan.file}), not in an included file`, 'plan/invalid-include');
      }
    } else {
      this.root(raw);
    }
    this.sections(raw, file);
    this.includes(raw, absolute, file);
  }

  private read(absolute: string, file: string, site?: IncludeSite): string | undefined {
    const where = site ? { file: site.file, path: site.pointer } : {};
    try {
      return withoutBom(this.files.read(absolute));
    } catch (error) {
      if (!(error instanceof PlanFileError)) throw error;
      const message = error.directory
        ? `${file} is a directory, not a plan file`
        : site
          ? `Cannot read included plan file ${file}: ${error.reason}`
          : `Cannot read plan file ${file}: ${error.reason}`;
      this.#diagnostics.push({ ruleId: 'plan/io-error', severity: 'error', fatal: true, message, ...where });
      return undefined;
    }
  }

  private root(raw: Record<string, unknown>): void {
    const plan = this.#plan;
    if (typeof raw.plan === 'string') plan.name = raw.plan;
    if (raw.version !== undefined) plan.version = raw.version as number | string;
    if (typeof raw.description === 'string') plan.description = raw.description;
    const conventions = (raw.conventions ?? {}) as { event?: RawConvention; property?: RawConvention };
    if (conventions.event !== undefined) plan.conventions.event = conventions.event;
    if (conventions.property !== undefined) plan.conventions.property = conventions.property;
    const defaults = (raw.defaults ?? {}) as { unplanned_events?: Policy; unplanned_properties?: Policy };
    if (defaults.unplanned_events) plan.defaults.unplannedEvents = defaults.unplanned_events;
    if (defaults.unplanned_properties) plan.defaults.unplannedProperties = defaults.unplanned_properties;
  }

  private sections(raw: Record<string, unknown>, file: string): void {
    const n = this.#normalizer.forFile(file);
    for (const [name, def] of entries(raw.types)) {
      const pointer = joinPointer('/types', name);
      this.define(this.#plan.types, name, { name, file, pointer, schema: n.type(name, def, pointer) } satisfies TypeDefinition, 'type');
    }
    const named = [
      ['events', this.#plan.events, 'track', 'event'],
      ['pages', this.#plan.pages, 'page', 'page'],
      ['screens', this.#plan.screens, 'screen', 'screen'],
    ] as const;
    for (const [key, target, kind, noun] of named) {
      for (const [name, def] of entries(raw[key])) {
        const pointer = joinPointer(`/${key}`, name);
        this.define<PlanEvent>(target, name, n.event(kind, name, def, pointer), noun);
      }
    }
    for (const kind of ['identify', 'group'] as const) {
      if (raw[kind] === undefined) continue;
      const existing = this.#plan[kind];
      if (existing) {
        this.fail(file, `/${kind}`, `"${kind}" is already defined in ${existing.file}; define it in one file only`, 'plan/duplicate-definition');
        continue;
      }
      this.#plan[kind] = n.traits(kind, raw[kind], `/${kind}`);
    }
  }

  private define<T extends { file: string; pointer: string }>(target: Map<string, T>, name: string, value: T, noun: string): void {
    const existing = target.get(name);
    if (existing) {
      const at = this.#plan.sources.get(existing.file)?.locate(existing.pointer);
      this.fail(value.file, value.pointer, `The ${noun} "${name}" is already defined in ${existing.file}${at ? `:${at.line}:${at.column}` : ''}`, 'plan/duplicate-definition');
      return;
    }
    target.set(name, value);
  }

  private includes(raw: Record<string, unknown>, absolute: string, file: string): void {
    const list = raw.include === undefined ? [] : Array.isArray(raw.include) ? (raw.include as string[]) : [raw.include as string];
    this.#stack.push(absolute);
    list.forEach((entry, i) => {
      const pointer = Array.isArray(raw.include) ? joinPointer('/include', i) : '/include';
      const target = resolve(dirname(absolute), entry);
      if (this.#stack.includes(target)) {
        const chain = [...this.#stack.slice(this.#stack.indexOf(target)), target].map((f) => this.display(f)).join(' -> ');
        this.fail(file, pointer, `Include cycle: ${chain}`, 'plan/invalid-include');
      } else if (this.#plan.files.includes(this.display(target))) {
        this.fail(file, pointer, `${this.display(target)} is included more than once`, 'plan/invalid-include');
      } else {
        this.loadFile(target, { file, pointer });
      }
    });
    this.#stack.pop();
  }

  private fail(file: string, pointer: string, message: string, ruleId: string): void {
    this.#diagnostics.push({ ruleId, severity: 'error', fatal: true, message, file, path: pointer });
  }

  /** Fills in line and column from the path for diagnostics raised before positions were known. */
  private position(d: Diagnostic): Diagnostic {
    if (d.line !== undefined || d.file === undefined || d.path === undefined) return d;
    const map: SourceMap | undefined = this.#plan.sources.get(d.file);
    return map ? { ...d, ...map.locate(d.path) } : d;
  }

  private display(absolute: string): string {
    const rel = relative(this.cwd, absolute);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  }
}

function entries(value: unknown): Array<[string, unknown]> {
  return value && typeof value === 'object' ? Object.entries(value) : [];
}
