import type { Diagnostic } from '../core/diagnostic.js';
import { closest } from '../naming/distance.js';
import { JSON_TYPES, type TypeDefinition } from './model.js';
import type { TypeReference } from './normalize.js';
import { describe } from './validate-format.js';

/**
 * Reports references to types that do not exist, and cycles between types (A -> B -> A), which
 * no payload could satisfy finitely and no generated code could name.
 */
export function resolveTypes(types: Map<string, TypeDefinition>, refs: readonly TypeReference[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const edges = new Map<string, TypeReference[]>();
  for (const ref of refs) {
    if (!types.has(ref.name)) {
      diagnostics.push(unknownReference(ref, types));
      continue;
    }
    if (ref.inType !== undefined) {
      const list = edges.get(ref.inType) ?? [];
      list.push(ref);
      edges.set(ref.inType, list);
    }
  }
  diagnostics.push(...findCycles(types, edges));
  return diagnostics;
}

function unknownReference(ref: TypeReference, types: Map<string, TypeDefinition>): Diagnostic {
  const candidates = ref.form === 'shorthand' ? [...JSON_TYPES, ...types.keys()] : [...types.keys()];
  const suggestion = closest(ref.name, candidates, 2);
  const what = ref.form === 'shorthand' ? `Unknown type "${ref.name}"` : `Reference to undefined type "${ref.name}"`;
  const hint = suggestion ? `; did you mean "${suggestion}"?` : types.size > 0 ? ` (types defined: ${[...types.keys()].slice(0, 8).join(', ')})` : ' (no `types` are defined)';
  return {
    ruleId: 'plan/unknown-type-ref',
    severity: 'error',
    fatal: true,
    message: `${what} in ${describe(ref.pointer.replace(/\/(type|\$ref|items)(\/\d+)?$/, ''))}${hint}`,
    file: ref.file,
    path: ref.pointer,
    suggestion,
  };
}

function findCycles(types: Map<string, TypeDefinition>, edges: Map<string, TypeReference[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: TypeReference[] = [];
  const reported = new Set<string>();

  const visit = (name: string): void => {
    state.set(name, 'open');
    for (const ref of edges.get(name) ?? []) {
      const s = state.get(ref.name);
      if (s === 'open') {
        const start = stack.findIndex((r) => r.inType === ref.name);
        const cycle = [...stack.slice(start === -1 ? stack.length : start), ref];
        const names = cycle.map((r) => r.inType!);
        const key = [...names].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          const first = cycle[0]!;
          out.push({
            ruleId: 'plan/type-cycle',
            severity: 'error',
            fatal: true,
            message: `Types reference each other in a cycle: ${[...names, ref.name].join(' -> ')}`,
            file: first.file,
            path: first.pointer,
          });
        }
      } else if (s === undefined) {
        stack.push(ref);
        visit(ref.name);
        stack.pop();
      }
    }
    state.set(name, 'done');
  };
  for (const name of types.keys()) if (!state.has(name)) visit(name);
  return out;
}
