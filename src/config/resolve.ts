import { SEVERITY_OPTIONS, type SeverityOption } from '../core/diagnostic.js';
import { closest } from '../naming/distance.js';
import { parseConvention, type Convention } from '../naming/conventions.js';
import type { Plan, RawConvention } from '../plan/model.js';
import { RULES, getRule } from '../rules/index.js';
import type { ResolvedConventions } from '../rules/types.js';
import { ConfigError, type CdpConfig } from './load-config.js';

export const DEFAULT_CONVENTIONS: ResolvedConventions = { event: 'object-action', property: 'snake_case' };

/**
 * Rule severities: each rule's default, then the config's `rules`, then `--rule id=severity` flags.
 * Unknown rule ids are an error, with the closest id as a hint, so a typo never silently disables nothing.
 */
export interface ResolvedSeverities {
  severities: Map<string, SeverityOption>;
  /** Rules the config or a flag set; the plan's own policies apply to the others. */
  explicit: Set<string>;
}

export function resolveSeverities(config: CdpConfig, flags: readonly string[] = []): ResolvedSeverities {
  const out = new Map<string, SeverityOption>(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
  const explicit = new Set<string>();
  for (const [id, severity] of Object.entries(config.rules ?? {})) {
    out.set(checkRuleId(id, 'in the config'), severity);
    explicit.add(id);
  }
  for (const flag of flags) {
    const match = /^([^=]+)=(.*)$/.exec(flag.trim());
    if (!match) throw new ConfigError(`--rule expects id=severity, e.g. --rule naming/event-case=warn (got "${flag}")`);
    const [, id, severity] = match as unknown as [string, string, string];
    if (!(SEVERITY_OPTIONS as readonly string[]).includes(severity)) {
      throw new ConfigError(`--rule ${id}: severity must be one of ${SEVERITY_OPTIONS.join(', ')} (got "${severity}")`);
    }
    out.set(checkRuleId(id, 'in --rule'), severity as SeverityOption);
    explicit.add(id);
  }
  return { severities: out, explicit };
}

function checkRuleId(id: string, where: string): string {
  if (getRule(id)) return id;
  const suggestion = closest(id, RULES.map((r) => r.meta.id), 4);
  throw new ConfigError(`Unknown rule "${id}" ${where}${suggestion ? `; did you mean "${suggestion}"?` : ''} (see docs/rules.md)`);
}

/** Naming conventions: built-in defaults, then the config's, then the plan's own (the most specific wins). */
export function resolveConventions(plan: Plan | undefined, config: CdpConfig): ResolvedConventions {
  return {
    event: pick('event', plan?.conventions.event, config.conventions?.event),
    property: pick('property', plan?.conventions.property, config.conventions?.property),
  };
}

function pick(kind: 'event' | 'property', fromPlan: RawConvention | undefined, fromConfig: RawConvention | undefined): Convention {
  const raw = fromPlan ?? fromConfig;
  if (raw === undefined) return DEFAULT_CONVENTIONS[kind];
  const parsed = parseConvention(raw);
  if ('error' in parsed) throw new ConfigError(`Invalid ${kind} convention ${JSON.stringify(raw)}: ${parsed.error}`);
  return parsed.convention;
}
