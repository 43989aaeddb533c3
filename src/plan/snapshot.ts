import { deserialize, serialize } from 'node:v8';
import type { Plan } from './model.js';
import { SourceMap, type YamlNode } from './source-map.js';

interface StoredSource {
  file: string;
  text: string;
  /** The parser's nodes, as bytes of their own: only a position asked for (cdp check, not lint) reads them. */
  root: Buffer;
}

/**
 * A loaded plan as bytes, and back. V8's serializer keeps what JSON would lose: the Maps, shared
 * references (a YAML alias is one object reached twice) and values such as `undefined`. The source
 * maps go as their parts (file, text, parser nodes), so positions come back exactly.
 */
export function snapshotPlan(plan: Plan): Buffer {
  const sources = [...plan.sources.values()].map((map): StoredSource => {
    const { file, text, root } = map.parts();
    return { file, text, root: serialize(root) };
  });
  return serialize({ ...plan, sources });
}

export function restorePlan(bytes: Buffer): Plan {
  const data = deserialize(bytes) as Omit<Plan, 'sources'> & { sources: StoredSource[] };
  const sources = new Map(data.sources.map(({ file, text, root }) => [file, new SourceMap(file, text, () => deserialize(root) as YamlNode | undefined)] as const));
  return { ...data, sources };
}
