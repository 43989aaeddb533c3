import { Analytics } from '@segment/analytics-node';

export const NODE_WRITE_KEY = 'cdp-test-node-write-key';

/**
 * Runs `script` against a real @segment/analytics-node client posting to `host` (an origin such as
 * http://127.0.0.1:4000), then flushes and closes it: every message has been answered when this returns.
 */
export async function driveAnalyticsNode(host: string, script: (analytics: Analytics) => void | Promise<void>, options: { timeoutMs?: number } = {}): Promise<void> {
  // maxRetries 0: a collector that fails should fail the test at once, not after ten backed-off retries.
  const analytics = new Analytics({ writeKey: NODE_WRITE_KEY, host, maxRetries: 0 });
  const errors: unknown[] = [];
  analytics.on('error', (error) => errors.push(error));
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    await script(analytics);
  } finally {
    const started = Date.now();
    // closeAndFlush resolves on its timeout too (it aborts what is pending): only the clock tells them apart.
    await analytics.closeAndFlush({ timeout: timeoutMs });
    if (Date.now() - started >= timeoutMs) errors.push(new Error(`not flushed within ${timeoutMs} ms`));
  }
  if (errors.length > 0) throw new Error(`analytics-node reported ${errors.length} error(s): ${errors.map((e) => JSON.stringify(e, Object.getOwnPropertyNames(e))).join('; ')}`);
}
