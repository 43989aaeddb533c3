import type { Plan } from '../plan/model.js';
import { compareCodeUnits } from '../core/compare.js';
import { assignIdentifiers, claimName, eventFunctionNames, toIdentifier } from './identifiers.js';

/** Types the generated module declares itself; a plan type or event with one of these names is numbered. */
export const RUNTIME_TYPE_NAMES: readonly string[] = [
  'AnalyticsClient', 'CallOptions', 'IdentityOptions', 'Message', 'Violation', 'Pages', 'Screens', 'IdentifyTraits', 'GroupTraits',
];

/** Every name the generated code gives to something of the plan, distinct and deterministic. */
export interface CodegenNames {
  /** Track event -> function (shared with `cdp scan` through identifiers.ts). */
  functions: Map<string, string>;
  /** Reusable type -> type name. */
  types: Map<string, string>;
  /** Track event -> interface of its properties. */
  events: Map<string, string>;
  pages: Map<string, string>;
  screens: Map<string, string>;
  /** A name no other generated type has, from `base` (numbered if taken); for nested interfaces. */
  reserve(base: string): string;
}

export function codegenNames(plan: Pick<Plan, 'events' | 'types' | 'pages' | 'screens'>): CodegenNames {
  const functions = eventFunctionNames(plan);
  const types = assignIdentifiers(plan.types.keys(), 'PascalCase', RUNTIME_TYPE_NAMES);
  const used = new Set([...RUNTIME_TYPE_NAMES, ...types.values()]);
  const reserve = (base: string): string => claimName(base, used);
  const events = new Map<string, string>();
  for (const [event, fn] of [...functions].sort(([a], [b]) => compareCodeUnits(a, b))) events.set(event, reserve(`${fn[0]!.toUpperCase()}${fn.slice(1)}Properties`));
  const section = (names: Iterable<string>, suffix: string) => {
    const out = new Map<string, string>();
    for (const name of [...names].sort(compareCodeUnits)) out.set(name, reserve(`${toIdentifier(name, 'PascalCase').replace(/_$/, '')}${suffix}`));
    return out;
  };
  return { functions, types, events, pages: section(plan.pages.keys(), 'PageProperties'), screens: section(plan.screens.keys(), 'ScreenProperties'), reserve };
}
