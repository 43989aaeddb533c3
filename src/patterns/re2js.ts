import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let loaded: typeof RE2JS | undefined;

/**
 * re2js, loaded on first use: it takes 40-60 ms to load, which a plan whose patterns all run on
 * JavaScript's engine (the usual case) never needs to pay.
 */
export function re2js(): typeof RE2JS {
  loaded ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return loaded;
}
