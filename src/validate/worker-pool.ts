import { Worker } from 'node:worker_threads';
import type { WorkUnit } from '../ingest/types.js';
import type { CheckerSetup } from './checker-setup.js';
import type { PreparedUnit } from './unit-output.js';

interface Job {
  id: number;
  unit: WorkUnit;
  resolve: (result: PreparedUnit) => void;
  reject: (error: Error) => void;
}

/** Worker threads that check units in parallel; each result comes back through its own promise. */
export class WorkerPool {
  readonly #idle: Worker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Map<Worker, Job>();
  readonly #workers: Worker[] = [];
  #nextId = 0;
  #failure: Error | undefined;

  constructor(size: number, setup: CheckerSetup) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: setup });
      worker.on('message', (message: { id: number; result?: PreparedUnit; error?: string }) => this.done(worker, message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.#failure) this.fail(new Error(`a lint worker stopped with exit code ${code}`));
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  run(unit: WorkUnit): Promise<PreparedUnit> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, unit, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#running.set(worker, job);
      // A lines unit owns its bytes (see WorkUnit): move them to the worker instead of copying.
      const { unit } = job;
      const owned = unit.kind === 'lines' && unit.data.byteOffset === 0 && unit.data.byteLength === unit.data.buffer.byteLength;
      worker.postMessage({ id: job.id, unit }, owned ? [unit.data.buffer as ArrayBuffer] : []);
    }
  }

  private done(worker: Worker, message: { id: number; result?: PreparedUnit; error?: string }): void {
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    this.#idle.push(worker);
    if (job) {
      if (message.result) job.resolve(message.result);
      else job.reject(new Error(message.error ?? 'a lint worker failed'));
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.#failure = error;
    for (const job of [...this.#running.values(), ...this.#queue]) job.reject(error);
    this.#running.clear();
    this.#queue.length = 0;
  }
}
