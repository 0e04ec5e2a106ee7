import { Worker } from 'node:worker_threads';
import type { KernelPhase } from './kernel.ts';
import type { WasmMemory, WasmModule } from './wasm-kernel.ts';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A worker thread with at most one request in flight. */
class KernelWorker {
  readonly worker: Worker;
  private pending: Pending | undefined;
  failed: Error | undefined;

  constructor() {
    this.worker = new Worker(new URL('./kmeans-worker.mjs', import.meta.url));
    this.worker.on('message', (message: { type: string; message?: string }) => {
      const pending = this.pending;
      this.pending = undefined;
      if (message.type === 'error')
        pending?.reject(new Error(`k-means worker: ${message.message}`));
      else pending?.resolve();
    });
    const fail = (error: Error): void => {
      this.failed = error;
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`k-means worker exited with code ${code}`)));
  }

  request(message: object): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message);
    });
  }
}

// Idle workers are kept (unreferenced, so they never keep the process alive) and reused: a
// thread takes tens of milliseconds to start, more than an iteration of a large fit.
const idle: KernelWorker[] = [];

/**
 * Worker threads attached to one fit's shared memory. `run` executes a phase on the workers
 * while the caller works on the same phase on its own thread; chunks are claimed from a shared
 * counter, so the split adapts to how busy each thread is without changing any result.
 */
export class KernelThreads {
  private constructor(
    private readonly workers: KernelWorker[],
    private readonly control: Int32Array,
  ) {}

  /** Starts (or reuses) `count` workers and instantiates the kernel on `memory` in each. */
  static async attach(
    count: number,
    module: WasmModule,
    memory: WasmMemory,
    configure: readonly number[],
    controlOffset: number,
  ): Promise<KernelThreads> {
    const workers: KernelWorker[] = [];
    while (workers.length < count) {
      const reused = idle.pop();
      if (reused?.failed) continue; // exited while idle: let it go
      workers.push(reused ?? new KernelWorker());
    }
    const threads = new KernelThreads(workers, new Int32Array(memory.buffer, controlOffset, 1));
    try {
      for (const { worker } of workers) worker.ref();
      await Promise.all(
        workers.map((w) => w.request({ type: 'attach', module, memory, configure, controlOffset })),
      );
    } catch (error) {
      threads.release();
      throw error;
    }
    return threads;
  }

  /**
   * Runs `phase` over `chunks` chunks: the workers and `runHere` (the caller's thread) claim
   * chunks until none are left; resolves when every chunk is done.
   */
  async run(
    phase: KernelPhase,
    chunks: number,
    runHere: (claim: () => number) => void,
  ): Promise<void> {
    Atomics.store(this.control, 0, 0);
    const done = this.workers.map((w) =>
      w.request({ type: 'run', op: phase.op, args: phase.args, chunks }),
    );
    let failure: unknown;
    try {
      runHere(() => Atomics.add(this.control, 0, 1));
    } catch (error) {
      failure = error;
    }
    // Always wait for the workers, so no thread still writes to the memory after we return.
    const settled = await Promise.allSettled(done);
    if (failure !== undefined) throw failure;
    const rejected = settled.find((s) => s.status === 'rejected');
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
  }

  /** Detaches the workers from the fit's memory and returns them to the idle pool. */
  release(): void {
    for (const w of this.workers) {
      if (w.failed) {
        void w.worker.terminate();
        continue;
      }
      w.worker.postMessage({ type: 'detach' });
      w.worker.unref();
      idle.push(w);
    }
    this.workers.length = 0;
  }
}
