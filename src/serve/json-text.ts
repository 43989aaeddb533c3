/**
 * JSON text of a parsed JSON value, as JSON.stringify writes it, at any depth: V8's JSON.stringify
 * recurses and gives up somewhere past 1,000 levels, and a collector must store what it accepted.
 * The common case stays JSON.stringify; only a value it cannot write takes the iterative path.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return iterativeJson(value);
  }
}

type Frame = { kind: 'array'; items: unknown[]; next: number } | { kind: 'object'; entries: Array<[string, unknown]>; next: number };

function iterativeJson(root: unknown): string {
  const parts: string[] = [];
  const stack: Frame[] = [];
  const open = (value: unknown): void => {
    if (value === null || typeof value !== 'object') {
      parts.push(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      parts.push('[');
      stack.push({ kind: 'array', items: value, next: 0 });
    } else {
      parts.push('{');
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
      stack.push({ kind: 'object', entries, next: 0 });
    }
  };
  open(root);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.kind === 'array') {
      if (frame.next === frame.items.length) {
        parts.push(']');
        stack.pop();
        continue;
      }
      if (frame.next > 0) parts.push(',');
      const item = frame.items[frame.next++];
      open(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item);
    } else {
      if (frame.next === frame.entries.length) {
        parts.push('}');
        stack.pop();
        continue;
      }
      const [key, child] = frame.entries[frame.next++]!;
      parts.push(`${frame.next > 1 ? ',' : ''}${JSON.stringify(key)}:`);
      open(child);
    }
  }
  return parts.join('');
}
