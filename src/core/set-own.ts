/**
 * Sets `key` on a plain object as an own property even when the key is `__proto__`, which plain
 * assignment would take as the prototype: plans, payloads and schemas may use any key.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
