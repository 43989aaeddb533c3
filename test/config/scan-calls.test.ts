import { describe, expect, it } from 'vitest';
import { callFormProblem, scanCallProblems } from '../../src/config/scan-calls.js';

describe('callFormProblem', () => {
  it('says what a callee or a path of the wrong form probably meant', () => {
    expect(callFormProblem('"scan.calls.0.callee"', 'callee', 'telemetry?.track()')).toBe('"scan.calls.0.callee" must be a function as called, such as "telemetry.track" (did you mean "telemetry.track"?)');
    expect(callFormProblem('"e"', 'event', 'data..event')).toBe('"e" must be an argument index or a dotted path of keys, such as "data.event" (did you mean "data.event"?)');
    expect(callFormProblem('"e"', 'event', "data['event']")).toMatch(/did you mean "data.event"/);
    expect(callFormProblem('"p"', 'properties', '/data/properties')).toMatch(/did you mean "data.properties"/);
    expect(callFormProblem('"e"', 'event', '..')).toBe('"e" must be an argument index or a dotted path of keys, such as "data.event"');
  });
});

describe('scanCallProblems', () => {
  it('accepts indexes, keys and dotted paths that can match', () => {
    expect(
      scanCallProblems([
        { callee: 'telemetry.track', event: 0, properties: 1 },
        { callee: 'trackManual', event: 'data.event', properties: 'data.properties' },
        { callee: 'trackOther', event: '1.meta.name', properties: '1' },
        { callee: 'trackEvent', event: 'name' },
      ]),
    ).toEqual([]);
  });

  it('rejects entries that could never match: a callee listed twice, properties at or inside the event name', () => {
    expect(
      scanCallProblems([
        { callee: 'track', event: 0, properties: 0 },
        { callee: 'trackManual', event: 'data.event', properties: 'data.event.properties' },
        { callee: 'trackName', event: 'name', properties: '0.name' },
        { callee: 'track', event: 1 },
      ]),
    ).toEqual([
      '"scan.calls.0" puts "properties" (0) at or inside "event" (0): an event name holds no properties, so no call can match (did you mean "properties": 1?)',
      '"scan.calls.1" puts "properties" ("data.event.properties") at or inside "event" ("data.event"): an event name holds no properties, so no call can match (did you mean "properties": "data.properties"?)',
      '"scan.calls.2" puts "properties" ("0.name") at or inside "event" ("name"): an event name holds no properties, so no call can match (did you mean "properties": "properties"?)',
      '"scan.calls.3" names the callee "track" of "scan.calls.0" again: only one of them can apply, so merge them',
    ]);
  });
});
