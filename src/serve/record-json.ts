import type { LiveRecord } from './live-state.js';

/**
 * A record as the API and the page's stream send it. The message is spliced in as the text that was
 * stored, so a message nested thousands of levels deep costs no recursion here either.
 */
export function recordJson(record: LiveRecord, fields: 'api' | 'stream'): string {
  const head = fields === 'stream' ? `"seq":${record.seq},"type":${JSON.stringify(record.type)},${record.name !== undefined ? `"name":${JSON.stringify(record.name)},` : ''}` : '';
  return `{${head}"receivedAt":${JSON.stringify(record.receivedAt)},"message":${record.line},"diagnostics":${JSON.stringify(record.diagnostics)}}`;
}
