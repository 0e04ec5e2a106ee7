// A k-means worker thread. Plain JavaScript on purpose: it must load without the TypeScript
// loaders of tsx or vitest. It instantiates the compiled kernel on the shared memory it is
// given and runs chunks of a phase, claiming them from a shared counter, until none are left.
/* global WebAssembly */
import { parentPort } from 'node:worker_threads';

let kernel;
let control;

parentPort.on('message', (message) => {
  try {
    if (message.type === 'attach') {
      const instance = new WebAssembly.Instance(message.module, {
        env: { memory: message.memory },
      });
      kernel = instance.exports;
      kernel.configure(...message.configure);
      control = new Int32Array(message.memory.buffer, message.controlOffset, 1);
      parentPort.postMessage({ type: 'attached' });
    } else if (message.type === 'run') {
      const run = kernel[message.op];
      let chunk;
      while ((chunk = Atomics.add(control, 0, 1)) < message.chunks) run(chunk, ...message.args);
      parentPort.postMessage({ type: 'done' });
    } else if (message.type === 'detach') {
      // Drop the references so the fit's memory can be collected while the worker idles.
      kernel = undefined;
      control = undefined;
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
  }
});
