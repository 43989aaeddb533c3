import { expect } from 'vitest';
import { duplicateEvent } from '../../src/rules/plan/duplicate-event.js';
import { impossibleBounds } from '../../src/rules/plan/impossible-bounds.js';
import { missingDescription } from '../../src/rules/plan/missing-description.js';
import { requiredNotDeclared } from '../../src/rules/plan/required-not-declared.js';
import { similarEvent } from '../../src/rules/plan/similar-event.js';
import { specAlternative } from '../../src/rules/plan/spec-alternative.js';
import { typeKeywordMismatch } from '../../src/rules/plan/type-keyword-mismatch.js';
import { unsafePattern } from '../../src/rules/plan/unsafe-pattern.js';
import { nameTooLong } from '../../src/rules/spec/name-too-long.js';
import { testRule } from './rule-tester.js';

testRule(duplicateEvent, {
  valid: ['events:\n  Order Completed: {}\n  Order Refunded: {}\npages:\n  Order Completed: {}\n'],
  invalid: [
    {
      plan: 'events:\n  Order Completed: {}\n  order_completed: {}\n  ORDER-COMPLETED: {}\n',
      errors: [
        { line: 3, suggestion: 'Order Completed', message: 'Event "order_completed" duplicates "Order Completed" (plan.yaml:2): the names differ only in case or separators' },
        { line: 4, suggestion: 'Order Completed' },
      ],
    },
    { plan: 'screens:\n  Home Screen: {}\n  homescreen: {}\n', errors: [{ line: 3, suggestion: 'Home Screen' }] },
  ],
});

testRule(similarEvent, {
  valid: [
    'events:\n  Signed In: {}\n  Signed Up: {}\n  Signed Out: {}\n  Trial Started: {}\n  Trial Ended: {}\n',
    // Equal modulo case is plan/duplicate-event's job, not a near miss.
    'events:\n  Order Completed: {}\n  order_completed: {}\n',
    'events:\n  Product Viewed: {}\n  Product Reviewed: {}\n',
  ],
  invalid: [
    { plan: 'events:\n  Order Completed: {}\n  Order Complete: {}\n', errors: [{ line: 3, suggestion: 'Order Completed', event: 'Order Complete' }] },
    { plan: 'events:\n  Product Viewed: {}\n  Products Viewed: {}\n  Product Vewed: {}\n', errors: [{ line: 3, suggestion: 'Product Viewed' }, { line: 4, suggestion: 'Product Viewed' }] },
  ],
});

testRule(specAlternative, {
  valid: ['events:\n  Order Completed: {}\n  Report Downloaded: {}\n', 'events:\n  Purchase Made:\n    deprecated: Use Order Completed\n'],
  invalid: [{ plan: 'events:\n  Purchase Made: {}\n', errors: [{ line: 2, suggestion: 'Order Completed' }] }],
});

testRule(missingDescription, {
  valid: ['events:\n  Order Completed:\n    description: A customer completed a purchase.\n'],
  invalid: [
    {
      plan: 'events:\n  Order Completed: {}\n  Order Refunded:\n    description: "  "\npages:\n  Home: {}\n',
      errors: [{ line: 2, event: 'Order Completed' }, { line: 3 }, { line: 6, message: 'Page "Home" has no description: say when it is sent and what it means' }],
    },
  ],
});

testRule(impossibleBounds, {
  valid: ['events:\n  Order Completed:\n    properties:\n      total: { type: number, minimum: 0, maximum: 0 }\n      code: { type: string, minLength: 3, maxLength: 3 }\n'],
  invalid: [
    {
      plan: [
        'events:',
        '  Order Completed:',
        '    properties:',
        '      total: { type: number, minimum: 10, maximum: 1 }',
        '      code: { type: string, minLength: 5, maxLength: 2 }',
        '      items: { type: array, minItems: 3, maxItems: 1 }',
        '      share: { type: number, exclusiveMinimum: 1, exclusiveMaximum: 1 }',
        '      count: { type: integer, minimum: 0.2, maximum: 0.8 }',
        '',
      ].join('\n'),
      errors: [
        { line: 4, message: 'minimum 10 is greater than maximum 1: no value can satisfy "total"' },
        { line: 5 },
        { line: 6 },
        { line: 7, message: 'exclusiveMinimum 1 is equal to exclusiveMaximum 1: no value can satisfy "share"' },
        { line: 8, message: 'No integer lies between 0.2 and 0.8: no value can satisfy "count"' },
      ],
    },
  ],
});

testRule(requiredNotDeclared, {
  valid: ['events:\n  Order Completed:\n    required: [order_id]\n    properties:\n      order_id: string\n'],
  invalid: [
    {
      plan: 'events:\n  Order Completed:\n    required: [orderid]\n    properties:\n      order_id: string\n',
      errors: [{ line: 3, suggestion: 'order_id', message: '"orderid" is required but not declared in event "Order Completed"' }],
    },
    {
      plan: 'types:\n  Product:\n    type: object\n    required: [sku]\n    properties:\n      product_id: string\n',
      errors: [{ line: 4, message: '"sku" is required but not declared in type "Product"' }],
    },
  ],
});

testRule(typeKeywordMismatch, {
  valid: [
    'events:\n  A Happened:\n    properties:\n      total: { type: number, minimum: 0 }\n      note: { type: [string, "null"], maxLength: 10 }\n      kind: { type: string, enum: [a, b] }\n      n: { type: number, enum: [1, 2.5] }\n',
    'events:\n  A Happened:\n    properties:\n      loose: { minLength: 2 }\n',
  ],
  invalid: [
    {
      plan: 'events:\n  A Happened:\n    properties:\n      total: { type: number, minLength: 2 }\n      kind: { type: string, enum: [a, 1] }\n      flag: { type: boolean, default: "yes" }\n',
      errors: [
        { line: 4, message: '"minLength" applies to string values, but "total" is declared as number: the keyword has no effect' },
        { line: 5, message: 'enum value 1 is integer, but "kind" is declared as string' },
        { line: 6 },
      ],
    },
  ],
});

testRule(nameTooLong, {
  valid: [`events:\n  "${'A'.repeat(248)} Viewed": {}\n`],
  invalid: [
    {
      plan: `events:\n  "${'Very '.repeat(60)}Long Event Added":\n    properties:\n      ${'p'.repeat(256)}: string\n`,
      errors: [{ line: 2 }, { line: 4 }],
    },
  ],
});

testRule(typeKeywordMismatch, {
  valid: [],
  invalid: [
    {
      plan: 'types:\n  Code:\n    type: integer\n    pattern: "^x$"\n',
      errors: [{ message: '"pattern" applies to string values, but type "Code" is declared as integer: the keyword has no effect' }],
    },
  ],
});

testRule(nameTooLong, {
  valid: [],
  invalid: [{ plan: `identify:\n  traits:\n    ${'t'.repeat(300)}: string\n`, errors: [{ line: 3, message: `Trait name is 300 characters long; Segment allows at most 255: "${'t'.repeat(40)}…"` }] }],
});

testRule(unsafePattern, {
  valid: [
    'events:\n  Order Completed:\n    properties:\n      currency: { type: string, pattern: "^[A-Z]{3}$" }\n      slug: { type: string, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }\n',
    // Exponential, but RE2 cannot run it: plan/invalid-schema reports it.
    'events:\n  Order Completed:\n    properties:\n      a: { type: string, pattern: "^(a+)+\\\\1$" }\n',
  ],
  invalid: [
    {
      plan: [
        'types:',
        '  Words: { type: string, pattern: "^(\\\\w+\\\\s?)+$" }',
        'events:',
        '  Order Completed:',
        '    properties:',
        '      note: Words',
        '      tags:',
        '        type: object',
        '        patternProperties:',
        '          "^(a|aa)+$": { type: string }',
        '      trimmed: { type: string, pattern: "\\\\s+$" }',
        '',
      ].join('\n'),
      errors: [
        { line: 2, messageId: 'exponential', message: expect.stringMatching(/^Pattern \/\^\(\\w\+\\s\?\)\+\$\/ backtracks in exponential time from character 3: /) as unknown as string },
        { line: 10, messageId: 'exponential', event: 'Order Completed' },
        { line: 11, messageId: 'polynomial', message: expect.stringMatching(/^Pattern \/\\s\+\$\/ backtracks in quadratic time from character 1: /) as unknown as string },
      ],
    },
  ],
});
