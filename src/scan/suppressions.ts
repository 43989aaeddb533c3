import { ts } from 'ts-morph';
import { forEachNode } from './syntax.js';

/** The word every directive starts with; files without it are not searched for comments. */
export const DIRECTIVE_PREFIX = 'cdp-disable';

const DIRECTIVE = /^\s*(cdp-disable-next-line|cdp-disable-line|cdp-disable|cdp-enable)\b([\s\S]*)$/;

/** A range of lines in which some rules (or all, when `rules` is undefined) are off. */
interface Suppression {
  from: number;
  to: number;
  rules: ReadonlySet<string> | undefined;
}

/**
 * Inline directives, as ESLint spells them: `// cdp-disable-next-line plan/missing-required`,
 * `// cdp-disable-line`, and `/* cdp-disable rule-id *\/` up to a matching `/* cdp-enable *\/`
 * (or the end of the file). Rule ids are separated by commas; none means every rule; text after
 * ` -- ` is a reason and ignored.
 */
export class Suppressions {
  readonly #ranges: Suppression[];

  private constructor(ranges: Suppression[]) {
    this.#ranges = ranges;
  }

  static none(): Suppressions {
    return new Suppressions([]);
  }

  static of(source: ts.SourceFile): Suppressions {
    const ranges: Suppression[] = [];
    const open: Array<{ from: number; rules: ReadonlySet<string> | undefined }> = [];
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
    for (const comment of comments(source)) {
      const body = comment.text.startsWith('//') ? comment.text.slice(2) : comment.text.slice(2, -2);
      const match = DIRECTIVE.exec(body.replace(/\*\s*$/, ''));
      if (!match) continue;
      const [, directive, rest] = match as unknown as [string, string, string];
      const ids = rest.split(' -- ')[0]!.split(/[\s,]+/).filter(Boolean);
      const rules = ids.length > 0 ? new Set(ids) : undefined;
      const startLine = lineOf(comment.pos);
      const endLine = lineOf(comment.end);
      if (directive === 'cdp-disable-next-line') ranges.push({ from: endLine + 1, to: endLine + 1, rules });
      else if (directive === 'cdp-disable-line') ranges.push({ from: startLine, to: startLine, rules });
      else if (directive === 'cdp-disable') open.push({ from: startLine, rules });
      else {
        // cdp-enable closes the matching disable (all of them, when it names no rule).
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (rules && !(o.rules && [...o.rules].every((r) => rules.has(r)))) continue;
          ranges.push({ from: o.from, to: startLine, rules: o.rules });
          open.splice(i, 1);
        }
      }
    }
    for (const o of open) ranges.push({ from: o.from, to: Number.POSITIVE_INFINITY, rules: o.rules });
    return new Suppressions(ranges);
  }

  isSuppressed(ruleId: string, line: number): boolean {
    return this.#ranges.some((r) => line >= r.from && line <= r.to && (!r.rules || r.rules.has(ruleId)));
  }
}

/** Every comment of the file once, in order: comments are trivia before or after some token. */
function comments(source: ts.SourceFile): Array<{ pos: number; end: number; text: string }> {
  const text = source.text;
  const seen = new Map<number, { pos: number; end: number; text: string }>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) if (!seen.has(r.pos)) seen.set(r.pos, { pos: r.pos, end: r.end, text: text.slice(r.pos, r.end) });
  };
  forEachNode(source, (node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
  });
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}
