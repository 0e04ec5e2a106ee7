import * as tf from '@tensorflow/tfjs';
// Registers the 'wasm' backend (lazily initialised); its .wasm binaries ship inside the package.
import '@tensorflow/tfjs-backend-wasm';
import { EngineError } from '../errors.ts';

/** TF.js backends the churn model runs on, fastest first. */
export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';
export const TF_BACKENDS: readonly TfBackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** Which backend computes, reported with every training result. */
export interface BackendInfo {
  readonly name: TfBackendName;
  /** wasm only: whether the SIMD build is in use. */
  readonly simd?: boolean;
  /** wasm only: whether the multi-threaded build is in use (never in Node, see below). */
  readonly threads?: boolean;
  /** Backends tried before this one, with why each was not used. */
  readonly skipped: readonly { name: TfBackendName; reason: string }[];
}

let current: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;
const TFJS_NODE = '@tensorflow/tfjs-node';

async function tryTensorflow(): Promise<string | undefined> {
  try {
    // Optional native backend: present only where its install script could download
    // libtensorflow. A variable specifier keeps bundlers and tsc from requiring it.
    await import(/* @vite-ignore */ TFJS_NODE);
  } catch (error) {
    return `${TFJS_NODE} is not installed (${(error as Error).message.split('\n')[0]})`;
  }
  return (await tf.setBackend('tensorflow')) ? undefined : 'the tensorflow backend failed to start';
}

async function trySet(name: 'wasm' | 'cpu'): Promise<string | undefined> {
  try {
    return (await tf.setBackend(name)) ? undefined : `the ${name} backend failed to start`;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Selects the TF.js backend for training and scoring: the native `tensorflow` backend when
 * `@tensorflow/tfjs-node` is installed, else `wasm`, else `cpu` (always available). Pass a
 * name to insist on one backend (an error if it cannot start).
 *
 * wasm notes, checked on Node 20: the SIMD build is detected and used. The multi-threaded
 * build is not offered in Node (the package's own feature test returns false, upstream issue
 * tfjs#3830); forcing it fails with ERR_WORKER_PATH because emscripten starts its workers from
 * a `blob:` URL that Node's Worker refuses, so it is left off rather than attempted.
 *
 * Production mode is enabled: it silences TF.js's console hints (which would otherwise mix
 * into machine-readable CLI output) and skips debug checks.
 */
export async function selectTfBackend(
  preferred: TfBackendName | 'auto' = 'auto',
): Promise<BackendInfo> {
  if (preferred === 'auto' && current) return current;
  if (preferred === 'auto' && pending) return pending;
  const run = async (): Promise<BackendInfo> => {
    tf.enableProdMode();
    const order = preferred === 'auto' ? TF_BACKENDS : [preferred];
    const skipped: { name: TfBackendName; reason: string }[] = [];
    for (const name of order) {
      const reason = name === 'tensorflow' ? await tryTensorflow() : await trySet(name);
      if (reason === undefined) {
        await tf.ready();
        const info: BackendInfo =
          name === 'wasm'
            ? {
                name,
                simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
                threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
                skipped,
              }
            : { name, skipped };
        current = info;
        return info;
      }
      skipped.push({ name, reason });
    }
    throw new EngineError(
      'invalid_argument',
      `TF.js backend "${preferred}" is not available: ${skipped.map((s) => s.reason).join('; ')}`,
      ['backend'],
    );
  };
  pending = run().finally(() => {
    pending = undefined;
  });
  return pending;
}

/** The backend in use; selects one first when none was chosen yet. */
export async function ensureTfBackend(): Promise<BackendInfo> {
  if (current && tf.getBackend() === current.name) return current;
  return selectTfBackend('auto');
}

/** Live TF.js tensors and bytes: lets callers and tests check that nothing leaks. */
export function tfMemory(): { numTensors: number; numBytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}
