import { Document, isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { pathKey, type Path } from './import-notes.js';

const FLOW_WIDTH = 96;
const COMMENT_WIDTH = 100;
/** Sections whose entries are set apart by a blank line (as the sections themselves are). */
const SPACED_SECTIONS = new Set(['types', 'events', 'pages', 'screens']);

/**
 * Writes a plan with the `yaml` Document API, laid out as a person writes one: small property
 * definitions on one line (`{ type: string, required: true }`), lists of scalars in brackets,
 * a blank line between events, and each comment at the key it is about.
 */
export function writePlanYaml(plan: Record<string, unknown>, header: string[], comments: ReadonlyMap<string, { path: Path; lines: string[] }>, defaultsNote: string[]): string {
  const doc = new Document(plan);
  doc.commentBefore = wrapLines(header);
  const commented = [...comments.values()].map((c) => pathKey(c.path));
  const hasCommentBelow = (path: Path) => {
    const prefix = pathKey(path);
    return commented.some((k) => k.startsWith(prefix + '\u0000'));
  };
  const at = new Map([...comments.values()].map((c) => [pathKey(c.path), c.lines]));
  at.set(pathKey(['defaults']), [...(at.get(pathKey(['defaults'])) ?? []), ...defaultsNote]);

  const visit = (node: unknown, path: Path): void => {
    if (isMap(node)) {
      const definition = isDefinition(path);
      if (definition && fitsOnOneLine(node) && !hasCommentBelow(path)) node.flow = true;
      node.items.forEach((pair: Pair, i: number) => {
        const key = pair.key as Scalar;
        const name = String(isScalar(key) ? key.value : key);
        if (name === '<<' && isScalar(key)) key.type = Scalar.QUOTE_DOUBLE;
        const childPath = [...path, name];
        const lines = at.get(pathKey(childPath));
        if (lines && isScalar(key)) key.commentBefore = wrapLines(lines);
        const section = path.length === 0 && !isScalar(pair.value);
        if (isScalar(key) && i > 0 && (section || (path.length === 1 && SPACED_SECTIONS.has(path[0]!)))) key.spaceBefore = true;
        visit(pair.value, childPath);
      });
    } else if (isSeq(node)) {
      if (node.items.every((item) => isScalar(item)) && JSON.stringify(node.toJSON()).length <= FLOW_WIDTH) node.flow = true;
      node.items.forEach((item, i) => visit(item, [...path, String(i)]));
    }
  };
  visit(doc.contents, []);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Property, trait, item and type definitions: the maps people write on one line when they are small. */
function isDefinition(path: Path): boolean {
  const parent = path[path.length - 2];
  const last = path[path.length - 1];
  return parent === 'properties' || parent === 'traits' || (parent === 'types' && path.length === 2) || last === 'items';
}

function fitsOnOneLine(node: Node): boolean {
  if (!isMap(node)) return false;
  const nested = node.items.some((pair) => (isMap(pair.value) && pair.value.items.length > 0) || (isSeq(pair.value) && pair.value.items.some((i) => !isScalar(i))));
  return !nested && JSON.stringify(node.toJSON()).length <= FLOW_WIDTH && !JSON.stringify(node.toJSON()).includes('\\n');
}

/** Comment lines wrapped at spaces; each line of the result becomes one `#` line. */
function wrapLines(lines: string[]): string {
  const out: string[] = [];
  for (const text of lines) {
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && line.length + word.length + 1 > COMMENT_WIDTH) {
          out.push(` ${line}`);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      out.push(` ${line}`);
    }
  }
  return out.join('\n');
}
