import jsYaml from 'js-yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import { SourceMap, type YamlNode } from './source-map.js';

/** More alias uses than this in one file are refused ("billion laughs"); plans reuse through `types`. */
export const MAX_ALIAS_EXPANSIONS = 100;
/** Nodes produced through aliases, all expansions together; caps a few aliases of a huge anchor. */
export const MAX_ALIASED_NODES = 10_000;
/** Deeper YAML than this is refused before it can exhaust the stack. */
export const MAX_YAML_DEPTH = 200;

// YAML 1.2 core types plus merge keys (`<<: *base`); no timestamps, so `2024-01-01` stays a string.
// (@types/js-yaml omits the `types` export that js-yaml 4 has.)
const { merge } = (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types;
const PLAN_SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [merge] });

export interface YamlSource {
  value: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML into plain values and keeps the parser's node spans, from which the source map finds
 * positions on demand. js-yaml builds aliases as shared references, so a "billion laughs" file
 * costs nothing to parse; it is measured afterwards and refused before anything walks it.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const root: YamlNode = { start: 0, end: text.length, result: undefined, children: [] };
  const stack: YamlNode[] = [root];
  let aliases = 0;
  let firstAliasAt = -1;
  let value: unknown;
  try {
    value = jsYaml.load(text, {
      schema: PLAN_SCHEMA,
      filename: file,
      maxDepth: MAX_YAML_DEPTH,
      listener(event, state) {
        if (event === 'open') {
          const node: YamlNode = { start: state.position, end: state.position, result: undefined, children: [] };
          stack.at(-1)!.children.push(node);
          stack.push(node);
        } else {
          const node = stack.pop()!;
          node.end = state.position;
          node.result = state.result;
          // Only an alias starts with `*`: plain scalars cannot, quoted ones start with a quote.
          if (node.children.length === 0 && text.charCodeAt(skipBlank(text, node.start)) === 42 /* * */) {
            if (aliases++ === 0) firstAliasAt = skipBlank(text, node.start);
          }
        }
      },
    } as jsYaml.LoadOptions);
  } catch (error) {
    const map = new SourceMap(file, text, undefined);
    return { value: undefined, map, diagnostics: [syntaxDiagnostic(error, text, map)] };
  }
  const map = new SourceMap(file, text, root.children[0]);
  const excess = aliases > MAX_ALIAS_EXPANSIONS ? `${aliases} aliases, more than ${MAX_ALIAS_EXPANSIONS}` : aliasExcess(value);
  if (excess) {
    const message = `YAML aliases expand past the safety limit: ${excess} (a "billion laughs" document?); reuse definitions through \`types\` instead`;
    const { line, column } = map.position(Math.max(firstAliasAt, 0));
    return { value: undefined, map, diagnostics: [{ ruleId: 'plan/alias-limit', severity: 'error', fatal: true, message, file, line, column }] };
  }
  return { value: value === undefined ? null : value, map, diagnostics: [] };
}

function syntaxDiagnostic(error: unknown, text: string, map: SourceMap): Diagnostic {
  if (!(error instanceof jsYaml.YAMLException)) throw error;
  const mark = error.mark as { position?: number } | undefined;
  const offset = typeof mark?.position === 'number' ? Math.min(mark.position, text.length) : 0;
  const { line, column } = map.position(offset);
  const reason = error.reason ?? error.message;
  const base = { severity: 'error' as const, fatal: true, file: map.file, line, column };
  if (reason.startsWith('duplicated mapping key')) {
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:\n]*?))\s*:/.exec(text.slice(offset, offset + 1000));
    const name = key ? (key[1] ?? key[2] ?? key[3] ?? '').trim() : '';
    return { ...base, ruleId: 'plan/duplicate-key', message: `duplicate key${name ? ` "${name}"` : ''}: each key may appear only once in a map` };
  }
  const hint = /tab characters/.test(reason) ? ' (indent with spaces)' : '';
  return { ...base, ruleId: 'plan/yaml-syntax', message: `YAML syntax error: ${reason}${hint}` };
}

/** Says why the aliases in `value` expand to too much, or undefined when they are within the limit. */
function aliasExcess(value: unknown): string | undefined {
  const seen = new Set<object>();
  const sizes = new Map<object, number>();
  let aliased = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      const size = expandedSize(v, sizes);
      if (size === undefined) return 'an alias is used inside its own anchor, so it expands without end';
      aliased += size;
      if (aliased > MAX_ALIASED_NODES) return `aliases expand to more than ${MAX_ALIASED_NODES} nodes`;
      continue;
    }
    seen.add(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return undefined;
}

/**
 * Nodes in `root` with every alias expanded, memoised in `sizes`; undefined when `root` contains
 * itself (`a: &a { b: *a }`, which js-yaml builds as a cyclic object). Iterative: an anchored node
 * may nest as deep as YAML allows.
 */
function expandedSize(root: object, sizes: Map<object, number>): number | undefined {
  const open = new Set<object>();
  const stack: Array<{ node: object; entered: boolean }> = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (sizes.has(top.node)) {
      stack.pop();
    } else if (!top.entered) {
      top.entered = true;
      open.add(top.node);
      for (const child of Object.values(top.node)) {
        if (child === null || typeof child !== 'object' || sizes.has(child)) continue;
        if (open.has(child)) return undefined;
        stack.push({ node: child, entered: false });
      }
    } else {
      let size = 1;
      for (const child of Object.values(top.node)) size += child !== null && typeof child === 'object' ? sizes.get(child)! : 1;
      sizes.set(top.node, size);
      open.delete(top.node);
      stack.pop();
    }
  }
  return sizes.get(root)!;
}

/** Offset of the first character at or after `offset` that is not blank or inside a comment. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return text.length;
      i = eol + 1;
    } else return i;
  }
}
