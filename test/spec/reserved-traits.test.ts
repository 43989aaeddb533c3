import { describe, expect, it } from 'vitest';
import {
  isReservedTrait,
  RESERVED_GROUP_TRAITS,
  RESERVED_IDENTIFY_TRAITS,
  type ReservedSection,
} from '../../src/spec/reserved-traits.js';

describe('reserved traits', () => {
  it('hold the identify traits Segment reserves', () => {
    expect(Object.keys(RESERVED_IDENTIFY_TRAITS).sort()).toEqual([
      'address', 'age', 'avatar', 'birthday', 'company', 'createdAt', 'description', 'email', 'firstName',
      'gender', 'id', 'lastName', 'name', 'phone', 'title', 'username', 'website',
    ]);
    expect(Object.keys(RESERVED_IDENTIFY_TRAITS.address?.properties ?? {}).sort()).toEqual([
      'city', 'country', 'postalCode', 'state', 'street',
    ]);
  });

  it('hold the group traits Segment reserves', () => {
    expect(Object.keys(RESERVED_GROUP_TRAITS).sort()).toEqual([
      'address', 'avatar', 'createdAt', 'description', 'email', 'employees', 'id', 'industry', 'name', 'phone',
      'plan', 'website',
    ]);
  });
});

describe('isReservedTrait', () => {
  it.each<[ReservedSection, string[], boolean]>([
    ['identify', ['email'], true],
    ['identify', ['firstName'], true],
    ['identify', ['first_name'], true],
    ['identify', ['createdAt'], true],
    ['identify', ['created_at'], true],
    ['identify', ['address'], true],
    ['identify', ['address', 'postalCode'], true],
    ['identify', ['address', 'postal_code'], true],
    ['identify', ['address', 'zip'], false],
    ['identify', ['address', 'postalCode', 'extra'], false],
    ['identify', ['company', 'employee_count'], true],
    ['identify', ['company', 'employeeCount'], true],
    ['identify', ['employees'], false],
    ['identify', ['plan'], false],
    ['identify', ['favoriteColor'], false],
    ['identify', ['FirstName'], false],
    ['identify', ['email', 'domain'], false],
    ['identify', [], false],
    ['group', ['employees'], true],
    ['group', ['plan'], true],
    ['group', ['address', 'city'], true],
    ['group', ['firstName'], false],
    ['page', ['referrer'], true],
    ['page', ['keywords'], true],
    ['page', ['email'], false],
    ['page', ['category'], true],
    ['page', ['url', 'host'], false],
    ['screen', ['name'], true],
    ['screen', ['url'], false],
  ])('%s %j: %s', (section, path, expected) => {
    expect(isReservedTrait(section, path)).toBe(expected);
  });
});
