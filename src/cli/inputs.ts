import { fstatSync, statSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { expandInputs } from '../ingest/glob.js';
import type { InputError, InputSource } from '../ingest/types.js';
import { UsageError, type Io } from './io.js';

export interface ResolvedInputs {
  sources: InputSource[];
  /** Arguments that named nothing readable (a missing file, a glob matching nothing): fatal, reported. */
  problems: Diagnostic[];
  /** Total size of the file inputs, undefined when stdin is among them (its size is unknown). */
  totalBytes: number | undefined;
}

/** Event-log inputs from the command line: files and globs, `-`, or piped stdin when there are none. */
export function resolveInputs(inputs: string[], io: Io): ResolvedInputs {
  const { stdin } = io;
  const args = inputs.length > 0 ? inputs : stdin && stdinIsPiped(stdin) ? ['-'] : [];
  if (args.length === 0) throw new UsageError('No input: give NDJSON or JSON files, a glob such as "logs/**/*.ndjson", or pipe events to stdin');
  const { sources, problems } = expandInputs(args, io.cwd);
  return {
    sources,
    problems: problems.map(unreadableInput),
    totalBytes: sizeOf(sources),
  };
}

/** An input that cannot be read: fatal (exit 2), and the rest is still read. */
export function unreadableInput(problem: InputError): Diagnostic {
  return { ruleId: 'input/unreadable', severity: 'error', fatal: true, message: problem.message, file: problem.file };
}

/**
 * Whether stdin carries data worth reading without being asked: a pipe, a file or a socket — not a
 * terminal, and not /dev/null, which a CI job without input would otherwise read as zero events.
 */
function stdinIsPiped(stdin: NodeJS.ReadableStream & { isTTY?: boolean; fd?: number }): boolean {
  if (stdin.isTTY) return false;
  if (stdin !== process.stdin) return true;
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

function sizeOf(sources: readonly InputSource[]): number | undefined {
  let total = 0;
  for (const s of sources) {
    if (!s.path) return undefined;
    try {
      total += statSync(s.path).size;
    } catch {
      // Unreadable inputs are reported when read.
    }
  }
  return total;
}
