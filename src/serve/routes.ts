import type { CallType } from '../spec/call-types.js';

/** How a POST path of the Segment HTTP Tracking API carries its messages. */
export type IngestRoute = { kind: 'single'; type: CallType } | { kind: 'batch' };

// Server SDKs and the HTTP API use the long paths; analytics.js/analytics-next the one-letter ones.
const SINGLE: Readonly<Record<string, CallType>> = {
  track: 'track',
  t: 'track',
  identify: 'identify',
  i: 'identify',
  page: 'page',
  p: 'page',
  screen: 'screen',
  s: 'screen',
  group: 'group',
  g: 'group',
  alias: 'alias',
  a: 'alias',
};
const BATCH: ReadonlySet<string> = new Set(['batch', 'b', 'import']);

/** The route of a path such as `/v1/track` or `/v1/b` (a trailing slash allowed), or undefined. */
export function ingestRoute(pathname: string): IngestRoute | undefined {
  const match = /^\/v1\/([a-z]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  const name = match[1]!;
  if (BATCH.has(name)) return { kind: 'batch' };
  return Object.hasOwn(SINGLE, name) ? { kind: 'single', type: SINGLE[name]! } : undefined;
}
