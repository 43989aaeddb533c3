import { escapeToken } from '../plan/pointer.js';

/**
 * How deep a message may nest (objects and arrays, counted from the message itself). Real tracking
 * calls stay under 10 levels (the deepest of the 4,963 messages of our corpus has 8); anything far
 * past that is generated or hostile, and every walk over payload values stops here.
 */
export const MAX_DEPTH = 64;

/**
 * The JSON pointer (from `value`) of the first object or array nested more than `limit` levels
 * deep, or undefined. Recursion stops at the limit, so a value 100,000 levels deep costs no more
 * stack than one at the limit.
 */
export function tooDeepAt(value: unknown, limit = MAX_DEPTH): string | undefined {
  const path: string[] = [];
  return deeper(value, limit, path) ? path.reduce((pointer, token) => `/${token}${pointer}`, '') : undefined;
}

/** Fills `path` (innermost token first) when something under `value` is deeper than `levels` allow. */
function deeper(value: unknown, levels: number, path: string[]): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (deeper(value[i], levels - 1, path)) {
        path.push(String(i));
        return true;
      }
    }
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (deeper((value as Record<string, unknown>)[key], levels - 1, path)) {
      path.push(escapeToken(key));
      return true;
    }
  }
  return false;
}

/** A value a diagnostic can carry as `actual`: itself, unless it nests too deep to be written out. */
export function reportableValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && tooDeepAt(value) !== undefined ? undefined : value;
}
