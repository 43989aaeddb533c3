import { eventCase } from '../../src/rules/naming/event-case.js';
import { propertyCase } from '../../src/rules/naming/property-case.js';
import { testRule } from './rule-tester.js';

testRule(eventCase, {
  valid: [
    'events:\n  Order Completed: {}\n  Product Added to Wishlist: {}\n  Signed Up: {}\n',
    'events:\n  Video Content Playing: {}\n',
    { plan: 'events:\n  order_completed: {}\n', conventions: { event: 'snake_case' } },
    { plan: 'events:\n  whatever name: {}\n', conventions: { event: 'off' } },
    { plan: 'events:\n  app.order.completed: {}\n', conventions: { event: { pattern: '^app\\.[a-z]+\\.[a-z]+$' } } },
  ],
  invalid: [
    {
      plan: 'events:\n  Complete Order: {}\n  order_completed: {}\n  OrderCompleted: {}\n',
      errors: [
        { line: 2, column: 3, suggestion: 'Order Completed', event: 'Complete Order' },
        { line: 3, column: 3, suggestion: 'Order Completed' },
        { line: 4, column: 3, suggestion: 'Order Completed' },
      ],
    },
    { plan: 'events:\n  Order Completed: {}\n', conventions: { event: 'snake_case' }, errors: [{ suggestion: 'order_completed' }] },
    { plan: 'events:\n  Order Completed: {}\n', conventions: { event: { pattern: '^[a-z.]+$' } }, errors: [{ line: 2 }] },
  ],
});

testRule(propertyCase, {
  valid: [
    'events:\n  Order Completed:\n    properties:\n      order_id: string\n      line_items:\n        type: array\n        items:\n          type: object\n          properties:\n            unit_price: number\n',
    'identify:\n  traits:\n    firstName: string\n    createdAt: string\n    address:\n      type: object\n      properties:\n        postalCode: string\n',
    'group:\n  traits:\n    createdAt: string\n    employees: integer\n',
    { plan: 'events:\n  Order Completed:\n    properties:\n      orderId: string\n', conventions: { property: 'camelCase' } },
  ],
  invalid: [
    {
      plan: 'events:\n  Order Completed:\n    properties:\n      orderId: string\n      Order-Total: number\n',
      errors: [
        { line: 4, column: 7, suggestion: 'order_id', event: 'Order Completed' },
        { line: 5, column: 7, suggestion: 'order_total' },
      ],
    },
    {
      plan: 'events:\n  Order Completed:\n    properties:\n      products:\n        type: array\n        items:\n          type: object\n          properties:\n            unitPrice: number\n',
      errors: [{ line: 9, column: 13, suggestion: 'unit_price' }],
    },
    {
      // Reserved traits are exempt only where Segment reserves them: identify traits, not event properties.
      plan: 'identify:\n  traits:\n    loyaltyTier: string\nevents:\n  Order Completed:\n    properties:\n      firstName: string\n',
      errors: [{ line: 7, suggestion: 'first_name' }, { line: 3, suggestion: 'loyalty_tier' }],
    },
    {
      plan: 'types:\n  Product:\n    type: object\n    properties:\n      productId: string\n',
      errors: [{ line: 5, message: 'Property "productId" of type "Product" is not in snake_case' }],
    },
  ],
});
