import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import { joinPointer } from './pointer.js';
import { SourceMap } from './source-map.js';

/** Expanding more aliases than this is treated as a resource-exhaustion attack ("billion laughs"). */
export const MAX_ALIAS_EXPANSIONS = 100;
/** Nodes produced through aliases, all expansions together; caps a few aliases of a huge anchor. */
export const MAX_ALIASED_NODES = 10_000;

export interface YamlSource {
  value: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
}

class AliasLimitError extends Error {}

/**
 * Parses YAML into plain JSON-like values and records where each value came from. Maps become
 * objects whose own keys may include `__proto__` (set as data, never as the prototype).
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const map = new SourceMap(file, lines);
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const { line, column } = map.position(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    diagnostics.push({
      ruleId: duplicate ? 'plan/duplicate-key' : 'plan/yaml-syntax',
      severity: 'error',
      fatal: true,
      message: duplicate ? duplicateKeyMessage(text, error.pos[0]) : syntaxMessage(error.code, error.message),
      file,
      line,
      column,
    });
  }
  if (diagnostics.length > 0) return { value: undefined, map, diagnostics };

  const walker = new Walker(doc, map);
  try {
    return { value: walker.toValue(doc.contents, ''), map, diagnostics };
  } catch (error) {
    if (!(error instanceof AliasLimitError)) throw error;
    const { line, column } = walker.lastAlias === undefined ? { line: 1, column: 1 } : map.position(walker.lastAlias);
    diagnostics.push({
      ruleId: 'plan/alias-limit',
      severity: 'error',
      fatal: true,
      message: `${error.message}: the file expands YAML aliases more than ${MAX_ALIAS_EXPANSIONS} times or into more than ${MAX_ALIASED_NODES} nodes (a "billion laughs" document?)`,
      file,
      line,
      column,
    });
    return { value: undefined, map, diagnostics };
  }
}

class Walker {
  #aliases = 0;
  #aliasedNodes = 0;
  #aliasDepth = 0;
  lastAlias: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly map: SourceMap,
  ) {}

  toValue(node: unknown, pointer: string, keyOffset?: number): unknown {
    if (node === null || node === undefined) return null;
    if (this.#aliasDepth > 0 && ++this.#aliasedNodes > MAX_ALIASED_NODES) throw new AliasLimitError('too many aliased nodes');
    if (isAlias(node)) {
      this.lastAlias = node.range?.[0];
      if (++this.#aliases > MAX_ALIAS_EXPANSIONS) throw new AliasLimitError('too many aliases');
      const target = node.resolve(this.doc);
      this.#aliasDepth++;
      try {
        return this.toValue(target, pointer, keyOffset ?? node.range?.[0]);
      } finally {
        this.#aliasDepth--;
      }
    }
    const n = node as Node;
    if (n.range) this.map.set(pointer, n.range[0], keyOffset);
    if (isScalar(n)) return n.value ?? null;
    if (isSeq(n)) return n.items.map((item, i) => this.toValue(item, joinPointer(pointer, i)));
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      const merges: unknown[] = [];
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : isAlias(pair.key) ? String(pair.key.source) : String(pair.key);
        // With `merge: true` the parser marks `<<` keys with a symbol value.
        if (isScalar(pair.key) && (typeof pair.key.value === 'symbol' || pair.key.value === '<<')) {
          merges.push(this.toValue(pair.value, pointer));
          continue;
        }
        if (Object.hasOwn(out, key)) continue; // reported as DUPLICATE_KEY by the parser
        const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        setOwn(out, key, this.toValue(pair.value, joinPointer(pointer, key), keyOffset));
      }
      for (const source of merges.flat()) {
        if (source && typeof source === 'object' && !Array.isArray(source)) {
          for (const [k, v] of Object.entries(source)) if (!Object.hasOwn(out, k)) setOwn(out, k, v);
        }
      }
      return out;
    }
    return null;
  }
}

export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function duplicateKeyMessage(text: string, offset: number): string {
  const key = /^["']?([^:"'\n]*)/.exec(text.slice(offset, offset + 300))?.[1]?.trim();
  return key ? `duplicate key "${key}": each key may appear only once in a map` : 'duplicate key in a map';
}

function syntaxMessage(code: string, message: string): string {
  const text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return `YAML syntax error: ${text}${code === 'TAB_AS_INDENT' ? ' (indent with spaces)' : ''}`;
}
