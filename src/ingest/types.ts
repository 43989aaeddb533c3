/** One input to lint: a file on disk or standard input. */
export interface InputSource {
  /** How diagnostics name it: a path relative to the working directory when under it, else absolute; `<stdin>` for stdin. */
  name: string;
  /** Absolute path, for files. */
  path?: string;
  stdin?: boolean;
}

/** Where one event came from. Lines and columns are 1-based. */
export interface EventLocation {
  file: string;
  line: number;
  column?: number;
  /** Index of the event in a JSON array or `batch` array, when it came from one. */
  index?: number;
  /**
   * Prepended to JSON pointers into the event, for events that share a line (the elements of a
   * `{"batch": [...]}` line are told apart as `/batch/3/...`).
   */
  pathPrefix?: string;
}

/**
 * A piece of input ready to be checked, small enough to hand to a worker thread.
 * - `lines`: complete NDJSON lines, raw bytes ending at a line break (or at the end of the input),
 *   the first of them being line `firstLine` of the file. Blank lines, `\r` before `\n` and
 *   invalid UTF-8 are left for the consumer (see `forEachLine`). A UTF-8 BOM at the start of the
 *   input has already been removed.
 * - `elements`: the texts of the elements of a JSON array document, or of the `batch` array of a
 *   `{"batch": [...]}` document, or the single object of a one-event JSON document.
 */
export type WorkUnit =
  | { kind: 'lines'; file: string; firstLine: number; data: Uint8Array }
  | { kind: 'elements'; file: string; items: ElementText[] };

export interface ElementText {
  text: string;
  line: number;
  column: number;
  /** Position in the array; undefined for the object of a single-event document. */
  index?: number;
}

/** An input that could not be read, or not to its end. Whatever was read before still counts. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
    /** The line reached when the error struck, if known. */
    readonly line?: number,
  ) {
    super(message);
  }
}
