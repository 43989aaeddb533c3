/** A place in the plan being written: the keys from the document root down. */
export type Path = readonly string[];

/**
 * What an import had to decide, said where it was decided: comments at a spot of the plan, notes
 * for the whole plan (one per kind, with a count), and the JSON Schema keywords written as they came.
 */
export class ImportNotes {
  readonly comments = new Map<string, { path: Path; lines: string[] }>();
  readonly #tallies = new Map<string, { count: number; say: (count: number) => string }>();
  readonly #header: string[] = [];
  keptKeywords = 0;

  /** A judgement at one spot; several at the same spot become several lines of one comment. */
  comment(path: Path, text: string): void {
    const key = pathKey(path);
    const entry = this.comments.get(key) ?? { path, lines: [] };
    entry.lines.push(text);
    this.comments.set(key, entry);
  }

  /** A judgement about the whole plan, said once at the top. */
  note(text: string): void {
    this.#header.push(text);
  }

  /** A judgement repeated at many spots (the same kind of keyword dropped again and again), counted and said once. */
  tally(kind: string, say: (count: number) => string): void {
    const entry = this.#tallies.get(kind) ?? { count: 0, say };
    entry.count++;
    this.#tallies.set(kind, entry);
  }

  headerNotes(): string[] {
    return [...this.#header, ...[...this.#tallies.values()].map((t) => t.say(t.count))];
  }

  /** Comments written: one per spot, plus one per header note. */
  get judgements(): number {
    return this.comments.size + this.headerNotes().length;
  }

  /** Whether a comment sits at `path` or below it (such a shape stays where it is rather than move into `types`). */
  hasCommentsUnder(path: Path): boolean {
    const prefix = pathKey(path);
    return [...this.comments.keys()].some((k) => k === prefix || k.startsWith(prefix + SEP));
  }
}

const SEP = '\u0000';

export function pathKey(path: Path): string {
  return path.join(SEP);
}
