import type { ts } from 'ts-morph';
import type { CallType } from '../spec/call-types.js';

/**
 * What the scanner knows statically about a value passed in a tracking call. `deferred` values are
 * settled by the type checker (see type-resolver.ts) before the calls are checked.
 */
export type Value =
  | { kind: 'literal'; value: string | number | boolean | null }
  /** `open`: keys the scanner cannot see may be present too (a spread of unknown type, a computed key). */
  | { kind: 'object'; entries: Array<[string, Value]>; open: boolean }
  | { kind: 'array'; items: Value[] }
  | { kind: 'unknown' }
  /** The value's type decides; a `spread` entry of an object stands for the keys its type contributes. */
  | { kind: 'deferred'; node: ts.Expression; spread?: boolean };

/** An event, page or screen name: known, left to the type checker, or not resolvable statically. */
export type NameValue =
  | { kind: 'known'; name: string }
  /** Literal text and nodes whose literal types complete it, in order. */
  | { kind: 'deferred'; parts: Array<string | ts.Expression>; text: string }
  | { kind: 'dynamic'; text: string };

export interface Location {
  file: string;
  line: number;
  column: number;
}

/** One tracking call found in code. */
export interface ExtractedCall extends Location {
  type: CallType;
  /** Track event name, or page/screen name. */
  name?: NameValue;
  /**
   * The properties (traits for identify/group). Undefined when the call passes none; `null` when
   * the call's signature does not say where they are, so they are not checked.
   */
  body: Value | undefined | null;
  /** Where the body nests deeper than the scan follows (see MAX_VALUE_DEPTH); what is deeper counts as unknown. */
  tooDeep?: Location;
}

export const UNKNOWN: Value = { kind: 'unknown' };

/** Key of the object entry that holds a spread (the entry's value says so; the key is only a slot). */
export const SPREAD_KEY = '';
