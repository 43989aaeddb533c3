import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions } from './types.js';

/** Names accepted by `--format`, in the order help text lists them. */
export const REPORTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

export type ReporterName = (typeof REPORTER_NAMES)[number];

// Keyed by ReporterName, so adding a name without its reporter (or the reverse) does not compile.
const REPORTERS: Record<ReporterName, Reporter> = { stylish, json, sarif, github, junit };

export function getReporter(name: string): Reporter | undefined {
  return isReporterName(name) ? REPORTERS[name] : undefined;
}

// A plain `name in REPORTERS` would also accept inherited keys such as `toString`.
function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}
