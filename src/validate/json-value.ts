import { shortened } from '../core/text.js';
import { unescapeToken } from '../plan/pointer.js';

/** JSON type name of a parsed value, telling integers from other numbers. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value as messages quote it: short, on one line, whatever the payload held. */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return shortened(text, max);
}

/** The value at a JSON pointer, or undefined. Own properties only: payload keys are untrusted. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let value = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    const token = unescapeToken(raw);
    if (!Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** `/properties/products/0/price` → `products[0].price`, the way people write property paths. */
export function propertyPath(pointer: string, root: string): string {
  const rest = pointer.startsWith(root + '/') ? pointer.slice(root.length + 1) : pointer.replace(/^\//, '');
  let out = '';
  for (const raw of rest.split('/')) {
    const token = unescapeToken(raw);
    out += /^\d+$/.test(token) ? `[${token}]` : out === '' ? token : `.${token}`;
  }
  return out;
}
