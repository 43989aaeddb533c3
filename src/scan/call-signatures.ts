import type { CallType } from '../spec/call-types.js';

/** A custom tracking function from the config's `scan.calls`. */
export interface CustomCall {
  /** The function as written at call sites: `trackEvent`, `telemetry.track`. */
  callee: string;
  /** Where the event name is: an argument index, or a path of keys into an argument's object (see `argumentPath` in config/scan-calls.ts). */
  event: number | string;
  /** Where the properties are, in the same terms; without it, properties are not checked. */
  properties?: number | string;
}

/** Where a call keeps its name and its properties (or traits), once the call form is known. */
export interface ArgumentLayout {
  type: CallType;
  /** Argument index of the event, page or screen name; or a path of keys into an argument's object. */
  name?: number | string;
  /** Same for the properties or traits; `null` when the form has none to check. */
  body: number | string | null;
  /** An event whose name the callee itself says (a generated function). */
  event?: string;
}

/** The six Segment calls, as methods of an analytics client. */
export const ANALYTICS_METHODS: ReadonlySet<string> = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias']);

/** Objects that hold the browser snippet's global client (`window.analytics.track`). */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self']);

/** The name under which code refers to the Segment client; the pre-filter looks for it too. */
export const CLIENT_NAME = 'analytics';

/** Segment's own packages: what they export, or what calling or constructing it returns, is Segment's. */
export function isSegmentPackage(specifier: string): boolean {
  return specifier.startsWith('@segment/') || specifier === 'analytics-node';
}

/**
 * Whether an import from `specifier` whose definition cannot be seen can be the Segment client: a
 * Segment package, or one of the project's own modules whose path says analytics or segment. An
 * `analytics` imported from any other package (firebase/analytics, say) is some other product's.
 */
export function isClientModule(specifier: string): boolean {
  return isSegmentPackage(specifier) || (specifier.startsWith('.') && /analytics|segment/i.test(specifier));
}

/**
 * Argument layout of a Segment client method. The browser form is `track(event, properties,
 * options)`; the analytics-node form passes one object, `track({ userId, event, properties })`.
 * `page` takes an optional category before the name: two leading strings mean category and name.
 */
export function clientLayout(method: CallType, args: { nodeForm: boolean; objectFirst: boolean; stringSecond: boolean }): ArgumentLayout {
  if (args.nodeForm) return objectLayout(method);
  switch (method) {
    case 'track':
      return { type: 'track', name: 0, body: 1 };
    case 'page':
    case 'screen':
      if (args.objectFirst) return { type: method, body: 0 };
      return args.stringSecond && method === 'page' ? { type: 'page', name: 1, body: 2 } : { type: method, name: 0, body: 1 };
    case 'identify':
      // identify(traits) or identify(userId, traits).
      return { type: 'identify', body: args.objectFirst ? 0 : 1 };
    case 'group':
      return { type: 'group', body: 1 };
    case 'alias':
      return { type: 'alias', body: null };
  }
}

/** The analytics-node form: everything in the first argument's object. */
function objectLayout(method: CallType): ArgumentLayout {
  switch (method) {
    case 'track':
      return { type: 'track', name: 'event', body: 'properties' };
    case 'page':
    case 'screen':
      return { type: method, name: 'name', body: 'properties' };
    case 'identify':
    case 'group':
      return { type: method, body: 'traits' };
    case 'alias':
      return { type: 'alias', body: null };
  }
}

/**
 * Layouts of the functions `cdp codegen` generates: the properties object always comes first for
 * event functions; the wrappers follow the Segment calls they stand for.
 */
export function generatedLayout(exportName: string, events: ReadonlyMap<string, string>): ArgumentLayout | undefined {
  const event = events.get(exportName);
  if (event !== undefined) return { type: 'track', event, body: 0 };
  switch (exportName) {
    case 'track':
      return { type: 'track', name: 0, body: 1 };
    case 'identify':
      return { type: 'identify', body: 0 };
    case 'group':
      return { type: 'group', body: 1 };
    case 'page':
    case 'screen':
      return { type: exportName, name: 0, body: 1 };
    case 'alias':
      return { type: 'alias', body: null };
    default:
      return undefined;
  }
}

export function customLayout(call: CustomCall): ArgumentLayout {
  return { type: 'track', name: call.event, body: call.properties ?? null };
}

/** The identifier a custom callee starts with, which the pre-filter looks for: `telemetry` of `telemetry.track`. */
export function calleeHead(callee: string): string {
  return callee.split('.')[0]!;
}
