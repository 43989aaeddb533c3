import { isIsoDateTime } from '../validate/iso-date-time.js';

const HAS_OFFSET = /(?:[Zz]|[+-]\d\d:?\d\d)$/;

/**
 * An ISO-8601 date-time as ms since the epoch, or undefined when it is not one. Without an offset
 * the time is taken as UTC, so a report does not depend on the zone of the machine it ran on.
 */
export function parseInstant(value: string): number | undefined {
  if (!isIsoDateTime(value)) return undefined;
  const ms = Date.parse(HAS_OFFSET.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
