import { deserialize, serialize } from 'node:v8';
import type { Plan } from './model.js';
import { SourceMap } from './source-map.js';

/**
 * A loaded plan as bytes, and back. V8's serializer keeps what JSON would lose: the Maps, shared
 * references (a YAML alias is one object reached twice) and values such as `undefined`. The source
 * maps go as their parts (file, text, parser nodes), so positions come back exactly.
 */
export function snapshotPlan(plan: Plan): Buffer {
  const sources = [...plan.sources.values()].map((map) => map.parts());
  return serialize({ ...plan, sources });
}

export function restorePlan(bytes: Buffer): Plan {
  const data = deserialize(bytes) as Omit<Plan, 'sources'> & { sources: Array<ReturnType<SourceMap['parts']>> };
  const sources = new Map(data.sources.map(({ file, text, root }) => [file, new SourceMap(file, text, root)] as const));
  return { ...data, sources };
}
