import { toCase } from '../naming/case.js';
import { specCallProperties, type SpecCall } from './call-properties.js';
import type { SpecProperties, SpecProperty } from './property-types.js';

/**
 * Traits and properties Segment reserves (from its Identify and Group specs, and for pages and
 * screens the table in call-properties.ts). They keep
 * Segment's own spelling, camelCase, whatever the plan's property convention: callers exempt
 * them from naming rules.
 */

const str = (description: string): SpecProperty => ({ type: 'string', description });
const date = (description: string): SpecProperty => ({ type: 'string', format: 'date-time', description });

const ADDRESS: SpecProperty = {
  type: 'object',
  description: 'Street address',
  properties: {
    city: str('City'),
    country: str('Country'),
    postalCode: str('Postal code'),
    state: str('State or region'),
    street: str('Street and number'),
  },
};

export const RESERVED_IDENTIFY_TRAITS: SpecProperties = {
  address: ADDRESS,
  age: { type: 'number', description: 'Age of the user' },
  avatar: str('Address of an avatar image'),
  birthday: date('Birthday of the user'),
  company: {
    type: 'object',
    description: 'Company the user represents',
    properties: {
      name: str('Name of the company'),
      id: { type: ['string', 'number'], description: 'Id of the company' },
      industry: str('Industry of the company'),
      employee_count: { type: 'number', description: 'Number of employees' },
      plan: str('Plan of the company'),
    },
  },
  createdAt: date('When the user account was created'),
  description: str('Description of the user'),
  email: { type: 'string', format: 'email', description: 'Email address of the user' },
  firstName: str('First name of the user'),
  gender: str('Gender of the user'),
  id: str('Id of the user in your database'),
  lastName: str('Last name of the user'),
  name: str('Full name of the user'),
  phone: str('Phone number of the user'),
  title: str('Job title of the user'),
  username: str('Username, unique per user'),
  website: str('Website of the user'),
};

export const RESERVED_GROUP_TRAITS: SpecProperties = {
  address: ADDRESS,
  avatar: str('Address of the group logo'),
  createdAt: date('When the group was created'),
  description: str('Description of the group'),
  email: { type: 'string', format: 'email', description: 'Email address of the group' },
  employees: str('Number of employees'),
  id: str('Id of the group in your database'),
  industry: str('Industry of the group'),
  name: str('Name of the group'),
  phone: str('Phone number of the group'),
  website: str('Website of the group'),
  plan: str('Plan of the group'),
};

export type ReservedSection = 'identify' | 'group' | SpecCall;

interface Node {
  readonly children: ReadonlyMap<string, Node>;
}

// Segment accepts reserved traits in camelCase or snake_case (firstName or first_name), so both
// spellings of every key are indexed.
function index(properties: SpecProperties | undefined): Node {
  const children = new Map<string, Node>();
  for (const [key, property] of Object.entries(properties ?? {})) {
    const node = index(property.properties);
    for (const spelling of [key, toCase(key, 'camelCase'), toCase(key, 'snake_case')]) children.set(spelling, node);
  }
  return { children };
}

const SECTIONS: Readonly<Record<ReservedSection, Node>> = {
  identify: index(RESERVED_IDENTIFY_TRAITS),
  group: index(RESERVED_GROUP_TRAITS),
  page: index(Object.fromEntries(specCallProperties('page'))),
  screen: index(Object.fromEntries(specCallProperties('screen'))),
};

/**
 * Whether the key path (["firstName"], ["address", "postalCode"]) names a reserved trait of the
 * identify or group call, or a property the spec defines on pages or screens. Either camelCase or
 * snake_case matches.
 */
export function isReservedTrait(section: ReservedSection, path: readonly string[]): boolean {
  if (path.length === 0) return false;
  let node: Node | undefined = SECTIONS[section];
  for (const key of path) {
    node = node.children.get(key);
    if (node === undefined) return false;
  }
  return true;
}
