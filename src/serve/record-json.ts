import { lineText, type LiveRecord } from './live-state.js';

/**
 * A record as the API sends it. The message is spliced in as the text that was stored, so a message
 * nested thousands of levels deep costs no recursion here either.
 */
export function recordJson(record: LiveRecord): string {
  return `{"receivedAt":${JSON.stringify(record.receivedAt)},"message":${lineText(record)},"diagnostics":${JSON.stringify(record.diagnostics)}}`;
}

/**
 * A record as the page's stream sends it: its fields as JSON on one line, the message as stored on
 * the next (JSON text holds no line break), so that the page gets the text without writing it again.
 */
export function streamData(record: LiveRecord): string {
  const fields = { seq: record.seq, type: record.type, name: record.name, receivedAt: record.receivedAt, diagnostics: record.diagnostics };
  return `${JSON.stringify(fields)}\n${lineText(record)}`;
}
