import { compareDiagnostics, type Diagnostic } from './diagnostic.js';

/** What a reporter needs to know about a rule, without importing the rule itself. */
export interface RuleDescriptor {
  id: string;
  description: string;
  /**
   * Where the rule is documented, relative to the root of cdp's repository
   * (`docs/rules.md#namingevent-case`). Not a URI: the package publishes no documentation URL.
   */
  docs: string;
}

export interface ReportSummary {
  errorCount: number;
  warningCount: number;
  /** Diagnostics that stopped the command (exit code 2). Included in errorCount. */
  fatalCount: number;
  /** Count of diagnostics per rule id, keys sorted. */
  rules: Record<string, number>;
  /** Command-specific counts, e.g. `{ events: 41 }` for check, `{ read, valid, invalid, malformed }` for lint. */
  stats: Record<string, number>;
}

/** The data a command hands to a reporter. Reporters turn it into text and know nothing else. */
export interface Report {
  /** The command that produced the report: 'check', 'lint', ... */
  command: string;
  /** Files the command read, in the order read (used by junit/sarif to list clean files too). */
  files: string[];
  diagnostics: Diagnostic[];
  summary: ReportSummary;
  /** Descriptors of the rules that appear in `diagnostics`, by id. */
  rules: Record<string, RuleDescriptor>;
  /** Per planned event, where code sends it (`cdp scan`). */
  coverage?: CoverageEntry[];
}

export interface CoverageEntry {
  /** track for the plan's events, page or screen for its pages and screens. */
  type: 'track' | 'page' | 'screen';
  event: string;
  implemented: boolean;
  /** Call sites, 1-based, in file and position order. */
  locations: Array<{ file: string; line: number; column: number }>;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  fatal: number;
  rules: Array<[string, number]>;
}

/** Counts diagnostics as they come, for commands that never hold them all (`cdp lint`). */
export class SummaryCounter {
  #errors = 0;
  #warnings = 0;
  #fatal = 0;
  readonly #perRule = new Map<string, number>();

  add(d: Diagnostic): void {
    if (d.severity === 'error') this.#errors++;
    else this.#warnings++;
    if (d.fatal) this.#fatal++;
    this.#perRule.set(d.ruleId, (this.#perRule.get(d.ruleId) ?? 0) + 1);
  }

  /** The counts so far, as plain data a worker thread can send. */
  counts(): DiagnosticCounts {
    return { errors: this.#errors, warnings: this.#warnings, fatal: this.#fatal, rules: [...this.#perRule] };
  }

  /** Adds counts made elsewhere (by a worker thread). */
  merge(counts: DiagnosticCounts): void {
    this.#errors += counts.errors;
    this.#warnings += counts.warnings;
    this.#fatal += counts.fatal;
    for (const [id, n] of counts.rules) this.#perRule.set(id, (this.#perRule.get(id) ?? 0) + n);
  }

  summary(stats: Record<string, number> = {}): ReportSummary {
    const rules: Record<string, number> = {};
    for (const id of [...this.#perRule.keys()].sort()) rules[id] = this.#perRule.get(id)!;
    return { errorCount: this.#errors, warningCount: this.#warnings, fatalCount: this.#fatal, rules, stats };
  }
}

export function summarize(diagnostics: readonly Diagnostic[], stats: Record<string, number> = {}): ReportSummary {
  const counter = new SummaryCounter();
  for (const d of diagnostics) counter.add(d);
  return counter.summary(stats);
}

export function createReport(
  command: string,
  files: string[],
  diagnostics: Diagnostic[],
  rules: Record<string, RuleDescriptor>,
  stats: Record<string, number> = {},
): Report {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return { command, files, diagnostics: sorted, summary: summarize(sorted, stats), rules };
}
