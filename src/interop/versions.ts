/**
 * Orders event versions as Segment numbers them (1, 2, ...) and as RudderTyper writes them
 * ("1-0-0", "3-0-0"): by their numbers, left to right. No version sorts first.
 */
export function compareVersions(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return String(a).localeCompare(String(b));
}

function parts(v: number | string): number[] {
  return typeof v === 'number' ? [v] : (String(v).match(/\d+/g) ?? []).map(Number);
}
