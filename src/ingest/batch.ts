/** A Segment HTTP batch (`{"batch": [...]}`) sent as one NDJSON line: its events are read one by one. */
export function isBatch(value: unknown): value is { batch: unknown[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.type === undefined && Array.isArray(v.batch);
}
