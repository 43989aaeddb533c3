import type { JsonSchema } from '../plan/model.js';
import { identifiers, renameIdentifiers, topLevelDeclarations } from './code-scan.js';
import { compileValidators, pureValidators, type ValidatorSource } from './standalone-validators.js';

/** The validators of folder mode: a shared module, and what each module that validates holds of them. */
export interface FolderValidators {
  /** validators.ts: the helpers, and one validator per reusable type, each exported. */
  shared: string;
  /** Per group of sources, its `const $validators = ...` and what that imports from validators.ts. */
  modules: Array<{ code: string; imports: string[] }>;
}

/**
 * Compiles every module's validators at once and lays them out so that each reusable type's
 * validator is written once, in validators.ts, and each module keeps only its own; ajv's
 * declarations that several modules use (a pattern, a set of names) are copied into each.
 */
export async function folderValidators(groups: ValidatorSource[][], definitions: JsonSchema): Promise<FolderValidators> {
  const { code, helpers, exports } = await compileValidators(groups, definitions, true);
  const declarations = new Map<string, string>();
  const roots = new Map<string, string>();
  for (const declaration of topLevelDeclarations(code)) {
    const alias = /^const ([\w$]+) = (validate\d+);$/.exec(declaration.code);
    if (alias) roots.set(alias[1]!, alias[2]!);
    else declarations.set(declaration.name, declaration.code);
  }
  const typeExports = new Map([...roots].filter(([name]) => name.startsWith('$type_')).map(([name, fn]) => [fn, name]));
  const helperNames = new Set(helpers.map((h) => /^const (\$\w+) =/.exec(h)![1]!));
  const uses = new Map([...declarations].map(([name, source]) => [name, new Set([...identifiers(source)].map((i) => i.name))]));

  /** The declarations `start` needs, in ajv's order, other types' validators renamed to their exports. */
  const closure = (start: string[], own?: string) => {
    const needed = new Set<string>();
    const imports = new Set<string>();
    const pending = [...start];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (needed.has(name)) continue;
      needed.add(name);
      for (const used of uses.get(name) ?? []) {
        if (typeExports.has(used) && used !== own) imports.add(typeExports.get(used)!);
        else if (helperNames.has(used)) imports.add(used);
        else if (declarations.has(used)) pending.push(used);
      }
    }
    const renames = new Map([...typeExports].filter(([fn]) => fn !== own));
    const body = [...declarations].filter(([name]) => needed.has(name)).map(([, source]) => renameIdentifiers(source, renames));
    return { body, imports: [...imports].sort() };
  };

  const shared = helpers.map((h) => `export ${h}\n`);
  for (const [fn, name] of typeExports) shared.push(`export ${pureValidators(name, closure([fn], fn).body, fn)}`);
  const modules = exports.map((entries) => {
    const keys = entries.map((entry) => /^(\w+)(?:: (\w+))?$/.exec(entry)!);
    const { body, imports } = closure(keys.map((m) => roots.get(m[2] ?? m[1]!)!));
    const result = `{ ${keys.map((m) => `${m[1]}: ${roots.get(m[2] ?? m[1]!)}`).join(', ')} }`;
    return { code: pureValidators('$validators', body, result), imports };
  });
  return { shared: shared.join('\n'), modules };
}
