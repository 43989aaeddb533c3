import { describe, expect, it } from 'vitest';
import {
  CALL_TYPES,
  CALL_TYPE_SPECS,
  COMMON_FIELDS,
  isCallType,
  MAX_NAME_LENGTH,
  missingIdentity,
  TIMESTAMP_FIELDS,
  type CallType,
} from '../../src/spec/call-types.js';

describe('call types', () => {
  it('are the six Segment calls', () => {
    expect([...CALL_TYPES].sort()).toEqual(['alias', 'group', 'identify', 'page', 'screen', 'track']);
  });

  it.each<[unknown, boolean]>([
    ['track', true], ['identify', true], ['page', true], ['screen', true], ['group', true], ['alias', true],
    ['Track', false], ['batch', false], ['', false], [undefined, false], [1, false], [null, false],
  ])('isCallType(%j) = %s', (value, expected) => {
    expect(isCallType(value)).toBe(expected);
  });

  it('limits names to 255 characters', () => {
    expect(MAX_NAME_LENGTH).toBe(255);
  });

  it('lists the common fields, timestamps among them', () => {
    for (const field of ['messageId', 'timestamp', 'sentAt', 'receivedAt', 'originalTimestamp', 'context', 'integrations', 'version', 'anonymousId', 'userId', 'type']) {
      expect(COMMON_FIELDS).toContain(field);
    }
    for (const field of TIMESTAMP_FIELDS) expect(COMMON_FIELDS).toContain(field);
  });

  it.each<[CallType, string | undefined, string | undefined, string[]]>([
    ['track', 'event', 'properties', ['event', 'properties']],
    ['identify', undefined, 'traits', ['traits']],
    ['page', 'name', 'properties', ['name', 'category', 'properties']],
    ['screen', 'name', 'properties', ['name', 'properties']],
    ['group', undefined, 'traits', ['groupId', 'traits']],
    ['alias', undefined, undefined, ['previousId']],
  ])('%s names itself with %j and carries %j', (type, nameField, payloadField, fields) => {
    const spec = CALL_TYPE_SPECS[type];
    expect(spec.nameField).toBe(nameField);
    expect(spec.payloadField).toBe(payloadField);
    expect(spec.fields).toEqual(fields);
    expect(spec.nameRequired).toBe(type === 'track');
  });
});

describe('missingIdentity', () => {
  it.each<[CallType, Record<string, unknown>, string[]]>([
    ['track', { userId: 'u1' }, []],
    ['track', { anonymousId: 'a1' }, []],
    ['track', {}, ['userId or anonymousId']],
    ['track', { userId: '', anonymousId: null }, ['userId or anonymousId']],
    ['identify', { userId: 42 }, []],
    ['page', {}, ['userId or anonymousId']],
    ['screen', { anonymousId: 'a1' }, []],
    ['group', { groupId: 'g1', userId: 'u1' }, []],
    ['group', { userId: 'u1' }, ['groupId']],
    ['group', {}, ['groupId', 'userId or anonymousId']],
    ['alias', { previousId: 'p1', userId: 'u1' }, []],
    ['alias', { previousId: 'p1', anonymousId: 'a1' }, ['userId']],
    ['alias', {}, ['previousId', 'userId']],
  ])('%s %j misses %j', (type, message, missing) => {
    expect(missingIdentity(type, message)).toEqual(missing);
  });
});
