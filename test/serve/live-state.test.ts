import { describe, expect, it } from 'vitest';
import { lineText, LiveState, MAX_RECORDS } from '../../src/serve/live-state.js';

describe('LiveState', () => {
  it('keeps the newest MAX_RECORDS messages for the API and counts all of them', () => {
    const state = new LiveState();
    const total = 2 * MAX_RECORDS + 5;
    for (let i = 1; i <= total; i++) state.add({ type: 'track', event: `E${i}` }, Buffer.from(`{"n":${i}}`), '2026-01-01T00:00:00.000Z', [], 'captured/events-2026-01-01.ndjson');
    const kept = state.events();
    expect(kept).toHaveLength(MAX_RECORDS);
    expect(kept[0]!.name).toBe(`E${total}`);
    expect(lineText(kept[0]!)).toBe(`{"n":${total}}`);
    expect(lineText(kept.at(-1)!)).toBe(`{"n":${total - MAX_RECORDS + 1}}`);
    expect(kept.at(-1)!.name).toBe(`E${total - MAX_RECORDS + 1}`);
    expect(state.events({ event: `E${total - MAX_RECORDS}` })).toEqual([]);
    expect(state.summary().stats.read).toBe(total);
  });
});
