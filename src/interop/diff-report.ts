import type { Diagnostic, PlanChange, Severity } from '../core/diagnostic.js';
import type { Plan, PlanNode } from '../plan/model.js';
import { ruleDiagnostic, type SeverityMap } from '../rules/types.js';
import type { Change, Version } from './diff-change.js';

export interface DiffDiagnosticsOptions {
  severities: SeverityMap;
  /** How the old plan's files are named in `change.was`: `origin/main:plans/shop.yaml` when read from git. */
  oldFileLabel?: (file: string) => string;
}

/**
 * Turns classified changes into diagnostics: each at its rule's configured severity, except that a
 * breaking change to a subject whose version was bumped is an intended new version, a warning.
 * Positions are in the new plan; where a removed part was is kept in `change.was`.
 */
export function diffDiagnostics(changes: readonly Change[], plans: { old: Plan; new: Plan }, options: DiffDiagnosticsOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const change of changes) {
    const configured = options.severities.get(change.rule.meta.id) ?? change.rule.meta.defaultSeverity;
    if (configured === 'off') continue;
    const breaking = change.breaks.length > 0;
    const { versions } = change.subject;
    const bumped = breaking && isBump(versions.old, versions.new);
    const severity: Severity = bumped ? 'warn' : configured;
    const d = ruleDiagnostic(change.rule, severity, { messageId: change.messageId, data: change.data });
    if (bumped) d.message += ` (intended: ${versions.of === 'plan' ? 'plan ' : ''}version ${versionLabel(versions.old)} → ${versions.new})`;
    Object.assign(d, locate(plans.new, change.node));
    if (change.subject.kind !== 'plan') d.event = change.subject.name;
    const info: PlanChange = { subject: change.subject.kind, breaks: [...change.breaks] };
    if (bumped) {
      info.intended = { to: versions.new! };
      if (versions.old !== undefined) info.intended.from = versions.old;
    }
    if (change.before !== undefined) info.before = change.before;
    if (change.after !== undefined) info.after = change.after;
    if (change.was) {
      const at = locate(plans.old, change.was);
      info.was = { file: options.oldFileLabel?.(at.file) ?? at.file, line: at.line ?? 1, column: at.column ?? 1 };
    }
    d.change = info;
    out.push(d);
  }
  return out;
}

function locate(plan: Plan, node: PlanNode): { file: string; line?: number; column?: number; path: string } {
  const at = plan.sources.get(node.file)?.locate(node.pointer);
  return { file: node.file, ...(at ? { line: at.line, column: at.column } : {}), path: node.pointer };
}

/**
 * Whether the version went up: numbers (and numeric strings) compared as numbers, other strings
 * in natural order (`v2` < `v10`). A version written where there was none counts from 1.
 */
export function isBump(before: Version, after: Version): boolean {
  if (after === undefined) return false;
  const from = before ?? 1;
  const a = Number(from);
  const b = Number(after);
  if (Number.isFinite(a) && Number.isFinite(b) && String(from).trim() !== '' && String(after).trim() !== '') return b > a;
  return String(after).localeCompare(String(from), 'en', { numeric: true }) > 0;
}

function versionLabel(version: Version): string {
  return version === undefined ? '(none)' : String(version);
}
