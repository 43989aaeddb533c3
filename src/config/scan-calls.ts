import type { ScanConfig } from './load-config.js';

type CallEntry = NonNullable<ScanConfig['calls']>[number];

/** What a callee and a path are made of: their words, from which a mistyped value is rebuilt. */
const IDENTIFIERS = /[A-Za-z_$][\w$]*/g;
const KEYS = /[\w$-]+/g;

/**
 * The message for a `scan.calls` value that does not have its form (the config schema's pattern):
 * no call could match it, so it says what was probably meant (`telemetry?.track` for
 * `telemetry.track`, `data[event]` or `/data/event` for `data.event`).
 */
export function callFormProblem(at: string, field: string, value: unknown): string {
  const [expected, words] = field === 'callee' ? ['a function as called, such as "telemetry.track"', IDENTIFIERS] : ['an argument index or a dotted path of keys, such as "data.event"', KEYS];
  const meant = typeof value === 'string' ? (value.match(words) ?? []).join('.') : '';
  return `${at} must be ${expected}${meant ? ` (did you mean "${meant}"?)` : ''}`;
}

/**
 * Entries of `scan.calls` that have the right form and still could never match a call: a callee
 * listed twice (one entry hides the other), properties at or inside the place of the event name.
 */
export function scanCallProblems(calls: readonly CallEntry[]): string[] {
  const problems: string[] = [];
  const first = new Map<string, number>();
  calls.forEach((call, i) => {
    const at = `"scan.calls.${i}"`;
    const earlier = first.get(call.callee);
    if (earlier === undefined) first.set(call.callee, i);
    else problems.push(`${at} names the callee "${call.callee}" of "scan.calls.${earlier}" again: only one of them can apply, so merge them`);
    if (call.properties !== undefined && within(call.properties, call.event)) {
      const [properties, event] = [JSON.stringify(call.properties), JSON.stringify(call.event)];
      problems.push(`${at} puts "properties" (${properties}) at or inside "event" (${event}): an event name holds no properties, so no call can match (did you mean "properties": ${JSON.stringify(besideName(call.event))}?)`);
    }
  });
  return problems;
}

/** Whether place `inner` is place `outer` or inside it. */
function within(inner: number | string, outer: number | string): boolean {
  const a = argumentPath(inner);
  const b = argumentPath(outer);
  return a.index === b.index && b.keys.every((key, i) => a.keys[i] === key);
}

/** Where properties usually sit next to a name at `event`: the next argument, or a `properties` key beside it. */
function besideName(event: number | string): number | string {
  const { index, keys } = argumentPath(event);
  if (keys.length === 0) return index + 1;
  return [...(typeof event === 'string' && /^\d/.test(event) ? [String(index)] : []), ...keys.slice(0, -1), 'properties'].join('.');
}

/**
 * A place in a call's arguments: an index, or a dotted path of keys into an argument's object
 * literal: `name` and `data.event` start at the first argument, `1.event` at the second.
 */
export function argumentPath(at: number | string): { index: number; keys: string[] } {
  if (typeof at === 'number') return { index: at, keys: [] };
  const keys = at.split('.');
  return /^\d+$/.test(keys[0]!) ? { index: Number(keys[0]), keys: keys.slice(1) } : { index: 0, keys };
}
