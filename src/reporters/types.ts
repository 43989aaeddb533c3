import type { Report } from '../core/report.js';

export interface ReporterOptions {
  /** Emit ANSI colours. Decided by the CLI (TTY, NO_COLOR, --color); reporters never look themselves. */
  color: boolean;
  /** Absolute paths under this directory are printed relative to it. */
  cwd: string;
}

/**
 * Turns a report into the full text of one output format. Pure: no I/O, no environment.
 * Non-empty output ends with a newline, so the caller writes it as is.
 */
export type Reporter = (report: Report, options: ReporterOptions) => string;
