import { createRequire } from 'node:module';
import type { checkSync as CheckSync } from 'recheck';
import { provablyLinear } from './linear-proof.js';

/** How a backtracking engine's time on a pattern can grow with the length of the string. */
export type BacktrackingRisk =
  | { complexity: 'exponential'; offset: number }
  | { complexity: 'polynomial'; degree: number; offset: number };

// recheck's budget per pattern: a pattern it cannot settle in time is not reported.
const RECHECK_TIMEOUT_MS = 5000;

let recheck: typeof CheckSync | undefined;

/**
 * Whether a backtracking engine (JavaScript's RegExp, and so ajv as others run it) can take more
 * than linear time on `pattern` (`u` flag), and where the trouble starts (0-based offset);
 * undefined when it cannot, or when that is not known. Patterns a short proof shows linear are
 * settled here; the rest go to recheck, whose automaton analysis (or, for large patterns, fuzzing
 * with a fixed seed) finds exponential and polynomial cases with few false alarms.
 */
export function backtrackingRisk(pattern: string): BacktrackingRisk | undefined {
  if (provablyLinear(pattern)) return undefined;
  recheck ??= (createRequire(import.meta.url)('recheck') as { checkSync: typeof CheckSync }).checkSync;
  const result = recheck(pattern, 'u', { timeout: RECHECK_TIMEOUT_MS, randomSeed: 0 });
  if (result.status !== 'vulnerable') return undefined;
  const offset = Math.min(...result.hotspot.map((h) => h.start), pattern.length);
  return result.complexity.type === 'exponential' ? { complexity: 'exponential', offset } : { complexity: 'polynomial', degree: result.complexity.degree, offset };
}
