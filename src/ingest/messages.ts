import { isBatch } from './batch.js';
import { forEachLine } from './lines.js';
import type { WorkUnit } from './types.js';

export interface MessageLocation {
  file: string;
  line: number;
  column?: number;
}

export interface MessageVisitor {
  /** A parsed JSON value (not necessarily an object: the consumer decides what a message is). */
  message(value: unknown, at: MessageLocation): void;
  /** Text that is not JSON, or not UTF-8. */
  malformed(at: MessageLocation): void;
}

/** Parses every event of a unit; a Segment batch on one NDJSON line yields each of its events. */
export function forEachMessage(unit: WorkUnit, visitor: MessageVisitor): void {
  const { file } = unit;
  if (unit.kind === 'lines') {
    forEachLine(unit, (text, line) => visitText(text, { file, line }, visitor, true));
  } else {
    for (const item of unit.items) visitText(item.text, { file, line: item.line, column: item.column }, visitor, false);
  }
}

function visitText(text: string | undefined, at: MessageLocation, visitor: MessageVisitor, batchLines: boolean): void {
  if (text === undefined) {
    visitor.malformed(at);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    visitor.malformed(at);
    return;
  }
  if (batchLines && isBatch(value)) {
    for (const event of value.batch) visitor.message(event, at);
    return;
  }
  visitor.message(value, at);
}
