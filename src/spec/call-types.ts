/** The six Segment call types and what each message must or may carry. */

export const CALL_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type CallType = (typeof CALL_TYPES)[number];

const CALL_TYPE_SET: ReadonlySet<string> = new Set(CALL_TYPES);

export function isCallType(value: unknown): value is CallType {
  return typeof value === 'string' && CALL_TYPE_SET.has(value);
}

/** Event, page, screen and property names are limited to this many characters. */
export const MAX_NAME_LENGTH = 255;

/** Fields every call may carry, whatever its type. */
export const COMMON_FIELDS = [
  'anonymousId',
  'channel',
  'context',
  'integrations',
  'messageId',
  'originalTimestamp',
  'receivedAt',
  'sentAt',
  'timestamp',
  'type',
  'userId',
  'version',
] as const;

/** Common fields that hold ISO-8601 timestamps. */
export const TIMESTAMP_FIELDS = ['timestamp', 'sentAt', 'receivedAt', 'originalTimestamp'] as const;

/** Who a message is about: every field of `all`, and at least one of `oneOf` when it is not empty. */
export interface IdentityRequirement {
  readonly all: readonly string[];
  readonly oneOf: readonly string[];
}

export interface CallTypeSpec {
  readonly identity: IdentityRequirement;
  /** The field naming the call, if the type has one: `event` for track, `name` for page/screen. */
  readonly nameField?: 'event' | 'name';
  /** Whether the name field is mandatory (track) or optional (page, screen). */
  readonly nameRequired: boolean;
  /** The object holding the call's payload. */
  readonly payloadField?: 'properties' | 'traits';
  /** Fields specific to this type, beyond COMMON_FIELDS. */
  readonly fields: readonly string[];
}

const USER_OR_ANONYMOUS: IdentityRequirement = { all: [], oneOf: ['userId', 'anonymousId'] };

export const CALL_TYPE_SPECS: Readonly<Record<CallType, CallTypeSpec>> = {
  track: {
    identity: USER_OR_ANONYMOUS,
    nameField: 'event',
    nameRequired: true,
    payloadField: 'properties',
    fields: ['event', 'properties'],
  },
  identify: { identity: USER_OR_ANONYMOUS, nameRequired: false, payloadField: 'traits', fields: ['traits'] },
  page: {
    identity: USER_OR_ANONYMOUS,
    nameField: 'name',
    nameRequired: false,
    payloadField: 'properties',
    fields: ['name', 'category', 'properties'],
  },
  screen: {
    identity: USER_OR_ANONYMOUS,
    nameField: 'name',
    nameRequired: false,
    payloadField: 'properties',
    fields: ['name', 'properties'],
  },
  group: {
    identity: { all: ['groupId'], oneOf: ['userId', 'anonymousId'] },
    nameRequired: false,
    payloadField: 'traits',
    fields: ['groupId', 'traits'],
  },
  alias: { identity: { all: ['previousId', 'userId'], oneOf: [] }, nameRequired: false, fields: ['previousId'] },
};

/** An identity field counts when it has a value: not undefined, null, or a string of only whitespace. */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** A field that names who or what a call is about. */
export type IdentityField = 'userId' | 'anonymousId' | 'groupId' | 'previousId';

// What JavaScript, Python and SQL exports write for a missing value; as an id, each one lumps
// every call that lacked the value into one user (or account).
const PLACEHOLDER_IDS: ReadonlySet<string> = new Set(['undefined', 'null', 'nan', 'none', '[object object]']);
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDER_IDS].map((id) => id.length));

/** Whether `value` is a missing value turned into text ("undefined", "null", "[object Object]"...). */
export function isPlaceholderId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LONGEST_PLACEHOLDER && PLACEHOLDER_IDS.has(value.trim().toLowerCase());
}

/**
 * The identity requirements `message` misses for its call type, each as a phrase for a message:
 * [] when complete, else e.g. ['groupId'] or ['userId or anonymousId'].
 */
export function missingIdentity(type: CallType, message: Readonly<Record<string, unknown>>): string[] {
  const { all, oneOf } = CALL_TYPE_SPECS[type].identity;
  const missing = all.filter((field) => !present(message[field]));
  if (oneOf.length > 0 && !oneOf.some((field) => present(message[field]))) missing.push(oneOf.join(' or '));
  return missing;
}
