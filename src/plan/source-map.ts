import { pointerTokens } from './pointer.js';

export interface Position {
  line: number;
  column: number;
}

/** A node of the parsed YAML as the parser reported it: where it starts and ends, and its value. */
export interface YamlNode {
  start: number;
  end: number;
  result: unknown;
  children: YamlNode[];
}

interface Entry {
  key: YamlNode;
  value?: YamlNode;
}

/**
 * Source positions of one plan file, found from a JSON pointer on demand. Most plans need no
 * positions at all (a clean check), so nothing is indexed until a diagnostic asks.
 */
export class SourceMap {
  #lineStarts: number[] | undefined;
  #identity: Map<object, YamlNode> | undefined;
  readonly #entries = new WeakMap<YamlNode, Map<string, Entry>>();

  #root: YamlNode | undefined | (() => YamlNode | undefined);

  /** `root` may be a function that makes it, called on first use (a plan cache keeps nodes as bytes). */
  constructor(
    readonly file: string,
    private readonly text: string,
    root: YamlNode | undefined | (() => YamlNode | undefined),
  ) {
    this.#root = root;
  }

  private get root(): YamlNode | undefined {
    if (typeof this.#root === 'function') this.#root = this.#root();
    return this.#root;
  }

  /** What the map is made of, to keep it (a plan cache) and make the same map again. */
  parts(): { file: string; text: string; root: YamlNode | undefined } {
    return { file: this.file, text: this.text, root: this.root };
  }

  /**
   * Position of the entry at `pointer`: its key when it sits in a map (errors about an entry point
   * at its name) unless `prefer` is 'value'; the nearest located ancestor when it cannot be found.
   */
  locate(pointer: string, prefer: 'key' | 'value' = 'key'): Position {
    let node = this.root;
    if (!node) return { line: 1, column: 1 };
    let best = this.valueStart(node);
    // When a token cannot be found, the entry it would sit in is named by its key.
    let fallback = best;
    const tokens = pointerTokens(pointer);
    for (let i = 0; i < tokens.length; i++) {
      const container = this.collection(node);
      const token = tokens[i]!;
      if (Array.isArray(container.result)) {
        // Implicit single-pair maps in flow sequences (`[a: 1]`) leave no node of their own.
        const item = container.children.length === container.result.length ? container.children[Number(token)] : undefined;
        if (!item) return this.position(prefer === 'key' ? fallback : best);
        node = item;
        best = fallback = this.valueStart(item);
      } else if (container.result !== null && typeof container.result === 'object') {
        const entry = this.entries(container).get(token);
        if (!entry) return this.position(prefer === 'key' ? fallback : best);
        if (!entry.value || (i === tokens.length - 1 && prefer === 'key')) return this.position(entry.key.start);
        node = entry.value;
        fallback = entry.key.start;
        best = this.valueStart(entry.value);
      } else {
        return this.position(prefer === 'key' ? fallback : best);
      }
    }
    return this.position(best);
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  private lineStarts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  /**
   * The node holding a collection's entries. An alias has no children of its own: it leads to the
   * node that defined the same object. Block sequence items may wrap their value in one more node.
   */
  private collection(node: YamlNode): YamlNode {
    let n = node;
    while (n.children.length === 1 && n.children[0]!.result === n.result) n = n.children[0]!;
    if (n.children.length === 0 && n.result !== null && typeof n.result === 'object') return this.identity().get(n.result) ?? n;
    return n;
  }

  private identity(): Map<object, YamlNode> {
    if (!this.#identity) {
      const map = new Map<object, YamlNode>();
      const visit = (n: YamlNode) => {
        if (n.result !== null && typeof n.result === 'object' && n.children.length > 0 && !map.has(n.result)) map.set(n.result, n);
        n.children.forEach(visit);
      };
      if (this.root) visit(this.root);
      this.#identity = map;
    }
    return this.#identity;
  }

  /** Keys of a map node: children that a `:` follows in the text are keys; the child after a key is its value. */
  private entries(node: YamlNode): Map<string, Entry> {
    let entries = this.#entries.get(node);
    if (entries) return entries;
    entries = new Map();
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!this.isKey(child)) continue;
      const next = children[i + 1];
      const entry: Entry = next && !this.isKey(next) ? { key: child, value: next } : { key: child };
      const name = String(child.result);
      if (!entries.has(name)) entries.set(name, entry);
      if (entry.value) i++;
    }
    this.#entries.set(node, entries);
    return entries;
  }

  private isKey(node: YamlNode): boolean {
    if (node.result !== null && typeof node.result === 'object') return false;
    let i = node.end;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return this.text[i] === ':';
  }

  /** The parser opens a value before the whitespace and comments that precede it. */
  private valueStart(node: YamlNode): number {
    let i = node.start;
    for (;;) {
      const c = this.text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '#') {
        const eol = this.text.indexOf('\n', i);
        if (eol === -1) return i;
        i = eol + 1;
      } else return i < node.end || node.end <= node.start ? i : node.start;
    }
  }
}
