import type { Io } from './io.js';

/** Inputs smaller than this finish before a spinner would be worth drawing. */
const MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  update(bytes: number, events: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * An ora spinner on stderr with events/s and bytes read — only on a terminal, never under CI, and
 * never on stdout, which carries the report. ora is loaded only when a spinner is shown.
 */
export async function startProgress(io: Io, totalBytes: number | undefined, label = 'Linting'): Promise<Progress> {
  if (!io.stderr.isTTY || io.env.CI || (totalBytes !== undefined && totalBytes < MIN_BYTES)) return NONE;
  const { default: ora } = await import('ora');
  const spinner = ora({ text: `${label}…`, stream: io.stderr as NodeJS.WritableStream }).start();
  const started = Date.now();
  let last = 0;
  return {
    update(bytes, events) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const share = totalBytes ? ` of ${(totalBytes / 1e6).toFixed(0)}` : '';
      spinner.text = `${label}… ${events.toLocaleString('en-US')} events, ${(bytes / 1e6).toFixed(0)}${share} MB, ${Math.round(events / seconds).toLocaleString('en-US')} events/s`;
    },
    stop() {
      spinner.stop();
    },
  };
}
