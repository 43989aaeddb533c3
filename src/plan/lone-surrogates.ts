import type { Diagnostic } from '../core/diagnostic.js';
import { joinPointer } from './pointer.js';
import type { SourceMap } from './source-map.js';
import { describe } from './validate-format.js';

/** A UTF-16 surrogate without its pair: in a `u` regex a paired one is one astral code point, not a \p{Cs}. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Keys holding a lone surrogate, which YAML can spell (`"\ud800"`) but no UTF-8 file can carry:
 * ajv throws while compiling a schema with such a property name, which would fail every event of
 * that name. Refused with the plan's other format problems instead.
 */
export function loneSurrogateKeys(value: unknown, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Aliases share nodes: each is looked at once.
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }];
  while (stack.length > 0) {
    const { value: node, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const children = Object.entries(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i]!;
      const at = joinPointer(pointer, key);
      if (LONE_SURROGATE.test(key)) {
        const message = `Key ${JSON.stringify(key)} in ${describe(pointer)} holds a lone UTF-16 surrogate; names must be well-formed Unicode`;
        out.push({ ruleId: 'plan/invalid-format', severity: 'error', fatal: true, message, file: map.file, ...map.locate(at, 'key'), path: at });
      }
      stack.push({ value: child, pointer: at });
    }
  }
  return out.reverse();
}
