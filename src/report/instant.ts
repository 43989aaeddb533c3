import { hasUtcOffset, isIsoDateTime } from '../validate/iso-date-time.js';

/**
 * An ISO-8601 date-time as ms since the epoch, or undefined when it is not one. Without an offset
 * the time is taken as UTC, so a report does not depend on the zone of the machine it ran on.
 */
export function parseInstant(value: string): number | undefined {
  if (!isIsoDateTime(value)) return undefined;
  const ms = Date.parse(hasUtcOffset(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
