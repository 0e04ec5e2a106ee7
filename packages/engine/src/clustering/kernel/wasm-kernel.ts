import type { KMeansBackend, KMeansKernel } from './kernel.ts';

/**
 * The slice of the WebAssembly JS API the kernel needs. The project's TypeScript libs (ES2023 +
 * Node types) do not declare `WebAssembly`, and pulling in the DOM lib for it would leak browser
 * globals into the engine, so the few members used are typed here.
 */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}
export type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

export const WASM_PAGE_BYTES = 65536;
/** wasm32 addresses 4 GiB at most. */
export const WASM_MAX_PAGES = 65536;

/** The compiled kernel module, or why there is none. Loaded once, when the engine loads. */
export interface KernelStatus {
  readonly backend: KMeansBackend;
  /** Why the WebAssembly kernel is not used, when it is not. */
  readonly reason?: string;
}

let compiled: WasmModule | undefined;
let status: KernelStatus;

// The generated module is absent until `pnpm --filter @tagwise/engine build` (run on install by
// the package's `prepare` script) has compiled assembly/kmeans-kernel.ts. A non-literal
// specifier keeps the type checker from requiring it.
const generatedModule = './build/kmeans-kernel-wasm.js';
try {
  const generated = (await import(/* @vite-ignore */ generatedModule)) as { wasmBase64: string };
  if (!wasm) throw new Error('this runtime has no WebAssembly');
  compiled = new wasm.Module(base64Bytes(generated.wasmBase64));
  status = { backend: 'wasm-simd' };
} catch (error) {
  compiled = undefined;
  status = {
    backend: 'typescript',
    reason: `WebAssembly kernel unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); build it with \`pnpm --filter @tagwise/engine build\``,
  };
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Which k-means kernel this process uses, and why not WebAssembly when it does not. */
export function kmeansKernelStatus(): KernelStatus {
  return status;
}

/** The compiled WebAssembly module (to send to worker threads), if available. */
export function wasmKernelModule(): WasmModule | undefined {
  return compiled;
}

// The memory of the last fit, weakly held: a fit right after another (restarts over k, repeated
// runs) reuses it instead of faulting in fresh pages (~60 ms per 100 MB here); the garbage
// collector still frees it when memory is needed.
let recycled: WeakRef<WasmMemory> | undefined;

/**
 * A shared memory of at least `bytes` bytes (not zeroed when recycled), or undefined when it
 * cannot be had. Hand it back with `recycleSharedMemory` when done.
 */
export function acquireSharedMemory(bytes: number): WasmMemory | undefined {
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  if (!wasm || pages > WASM_MAX_PAGES) return undefined;
  const previous = recycled?.deref();
  // Reuse only a memory of about the right size, so a small fit does not pin a big one.
  if (previous && previous.buffer.byteLength >= bytes && previous.buffer.byteLength <= 2 * bytes) {
    recycled = undefined;
    return previous;
  }
  try {
    return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return undefined;
  }
}

export function recycleSharedMemory(memory: WasmMemory): void {
  recycled = new WeakRef(memory);
}

/** Instantiates the WebAssembly kernel on `memory` (on this thread). */
export function instantiateWasmKernel(module: WasmModule, memory: WasmMemory): KMeansKernel {
  if (!wasm) throw new Error('this runtime has no WebAssembly');
  const instance = new wasm.Instance(module, { env: { memory } });
  return instance.exports as unknown as KMeansKernel;
}
