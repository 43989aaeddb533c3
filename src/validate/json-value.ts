import { shortened } from '../core/text.js';
import { unescapeToken } from '../plan/pointer.js';

/** JSON type name of a parsed value, telling integers from other numbers. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * A value as messages quote it: short, on one line, whatever the payload held. Written as
 * JSON.stringify would, but only as far as the quote reaches: a value nested thousands of levels
 * deep, or megabytes long, costs what its first `max` characters cost.
 */
export function preview(value: unknown, max = 60): string {
  const out = { text: '' };
  if (!writeJson(value, max, out)) return shortened(String(value), max);
  return shortened(out.text, max);
}

/**
 * Appends `value` as JSON to `out.text` until the text is longer than `limit`; false when the value
 * has no JSON form (undefined, a function, a symbol). Recursion is bounded: each level writes a
 * bracket before it goes down, and nothing is written past the limit.
 */
function writeJson(value: unknown, limit: number, out: { text: string }): boolean {
  if (out.text.length > limit) return true;
  switch (typeof value) {
    case 'string':
      out.text += JSON.stringify(value.length > limit ? value.slice(0, limit + 1) : value);
      return true;
    case 'number':
    case 'boolean':
      out.text += JSON.stringify(value);
      return true;
    case 'object': {
      if (value === null) {
        out.text += 'null';
        return true;
      }
      if (Array.isArray(value)) {
        out.text += '[';
        for (let i = 0; i < value.length && out.text.length <= limit; i++) {
          if (i > 0) out.text += ',';
          if (!writeJson(value[i], limit, out)) out.text += 'null';
        }
        out.text += ']';
        return true;
      }
      out.text += '{';
      let first = true;
      for (const key in value) {
        if (out.text.length > limit) break;
        if (!Object.hasOwn(value, key)) continue;
        const child = (value as Record<string, unknown>)[key];
        if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
        out.text += `${first ? '' : ','}${JSON.stringify(key.length > limit ? key.slice(0, limit + 1) : key)}:`;
        first = false;
        writeJson(child, limit, out);
      }
      out.text += '}';
      return true;
    }
    default:
      return false;
  }
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
