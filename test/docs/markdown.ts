/**
 * Just enough Markdown for the documentation tests: fenced code blocks, headings and their GitHub
 * anchors, and links.
 */

export interface Fence {
  /** The info string after the opening fence (`console`, `yaml`, ...), possibly empty. */
  info: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The last non-blank line before the opening fence (an HTML comment marker, say). */
  before: string;
}

export interface Link {
  target: string;
  line: number;
}

/** Splits a Markdown file into fenced code blocks and the prose lines outside them. */
export function parseMarkdown(text: string): { fences: Fence[]; prose: { text: string; line: number }[] } {
  const lines = text.split('\n');
  const fences: Fence[] = [];
  const prose: { text: string; line: number }[] = [];
  let open: { marker: string; info: string; line: number; before: string; body: string[] } | undefined;
  let lastNonBlank = '';
  lines.forEach((line, i) => {
    if (open) {
      if (line.trimStart().startsWith(open.marker) && line.trim().replace(/[`~]/g, '') === '') {
        fences.push({ info: open.info, text: open.body.join('\n'), line: open.line, before: open.before });
        open = undefined;
        lastNonBlank = line;
      } else open.body.push(line);
      return;
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(line);
    if (fence) {
      open = { marker: fence[1]!, info: fence[2]!.trim(), line: i + 1, before: lastNonBlank, body: [] };
      return;
    }
    prose.push({ text: line, line: i + 1 });
    if (line.trim() !== '') lastNonBlank = line.trim();
  });
  return { fences, prose };
}

/**
 * The text GitHub shows for a heading's Markdown: link syntax and code-span backticks removed, and
 * HTML tags outside code spans (inside one, `<file>` is text).
 */
function renderedText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part.slice(1, -1) : part.replace(/<[^>]+>/g, '')))
    .join('')
    .trim();
}

/**
 * GitHub's anchors for the headings of a Markdown file, in order (github-slugger's rules): the text
 * in lower case, every character that is not a letter, mark, digit, `-`, `_` or space dropped
 * (emphasis asterisks among them), spaces turned into `-`, and `-1`, `-2`, ... appended to repeats.
 */
export function headingAnchors(text: string): string[] {
  const occurrences = new Map<string, number>();
  const anchors: string[] = [];
  for (const { text: line } of parseMarkdown(text).prose) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!heading) continue;
    const original = renderedText(heading[1]!)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    let slug = original;
    while (occurrences.has(slug)) {
      const n = occurrences.get(original)! + 1;
      occurrences.set(original, n);
      slug = `${original}-${n}`;
    }
    occurrences.set(slug, 0);
    anchors.push(slug);
  }
  return anchors;
}

/** Every inline link and image target in the prose of a Markdown file (code spans ignored). */
export function links(text: string): Link[] {
  const found: Link[] = [];
  for (const { text: line, line: n } of parseMarkdown(text).prose) {
    const withoutCode = line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
    for (const m of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: m[1]!, line: n });
  }
  return found;
}
