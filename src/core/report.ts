import { compareDiagnostics, type Diagnostic } from './diagnostic.js';

/** What a reporter needs to know about a rule, without importing the rule itself. */
export interface RuleDescriptor {
  id: string;
  description: string;
  docsUrl: string;
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
}

export function summarize(diagnostics: readonly Diagnostic[], stats: Record<string, number> = {}): ReportSummary {
  const perRule = new Map<string, number>();
  let errorCount = 0;
  let warningCount = 0;
  let fatalCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else warningCount++;
    if (d.fatal) fatalCount++;
    perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
  }
  const rules: Record<string, number> = {};
  for (const id of [...perRule.keys()].sort()) rules[id] = perRule.get(id)!;
  return { errorCount, warningCount, fatalCount, rules, stats };
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
