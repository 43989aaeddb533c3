import { hasUtcOffset, isIsoDateTime } from '../validate/iso-date-time.js';

/**
 * An ISO-8601 date-time as ms since the epoch, or undefined when it is not one. Without an offset
 * the time is taken as UTC, so a report does not depend on the zone of the machine it ran on.
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date (the start or the end of that UTC day, by `edge`) or an ISO-8601 date-time, as ms since
 * the epoch; undefined when it is neither.
 */
export function parseDateBound(value: string, edge: 'start' | 'end'): number | undefined {
  const ms = DATE_ONLY.test(value) ? parseInstant(`${value}T00:00:00Z`) : parseInstant(value);
  return ms !== undefined && DATE_ONLY.test(value) && edge === 'end' ? ms + 86_399_999 : ms;
}

export function parseInstant(value: string): number | undefined {
  if (!isIsoDateTime(value)) return undefined;
  const ms = Date.parse(hasUtcOffset(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
