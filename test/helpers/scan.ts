import { extractCalls, parseScanned, type ExtractOptions, type Extraction } from '../../src/scan/extract-calls.js';

/** A file's text parsed and read as `cdp scan` does; a file the parser gives up on fails the test. */
export function extractText(file: string, text: string, options: ExtractOptions): Extraction {
  const parsed = parseScanned(file, text);
  if ('problem' in parsed) throw new Error(`${file}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`);
  return extractCalls(file, parsed.source, options);
}
