import { availableParallelism, loadavg } from 'node:os';
import { EngineError, requireArgument } from '../errors.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { createRng } from '../random/prng.ts';
import { createTurnTaker } from '../turns.ts';
import {
  configureArgs,
  runPhaseChunk,
  type KMeansBackend,
  type KMeansKernel,
  type KernelPhase,
} from './kernel/kernel.ts';
import { planLayout, type KernelLayout } from './kernel/layout.ts';
import { PortableKernel } from './kernel/portable-kernel.ts';
import {
  acquireSharedMemory,
  recycleSharedMemory,
  instantiateWasmKernel,
  kmeansKernelStatus,
  wasmKernelModule,
  type WasmMemory,
} from './kernel/wasm-kernel.ts';
import { KernelThreads } from './kernel/worker-pool.ts';
import { copyPoints, fitRestart, prepareWorkspace, type KMeansAlgorithm } from './kmeans-driver.ts';

export { kmeansKernelStatus, type KernelStatus } from './kernel/wasm-kernel.ts';
export type { KMeansBackend } from './kernel/kernel.ts';
export type { KMeansAlgorithm } from './kmeans-driver.ts';

export interface KMeansOptions {
  /** Seed of the k-means++ draws (restart r uses the r-th child seed). @default 0 */
  seed?: number;
  /** Restarts from different k-means++ seeds; the lowest inertia wins (ties: the earliest). Ignored (one run) with `initialCentroids`. @default 4 */
  nInit?: number;
  /** Lloyd iterations per restart at most. @default 300 */
  maxIterations?: number;
  /**
   * Convergence: a restart stops after the first iteration whose total squared centroid shift
   * Σⱼ ‖cⱼ(new) − cⱼ(old)‖² is at most `tolerance` × the mean over features of the points'
   * (population) variance — scikit-learn's definition. With 0 it stops only when no centroid
   * moves, i.e. no assignment changed. @default 1e-4
   */
  tolerance?: number;
  /** Start from these centroids `[k, d]` instead of k-means++ (a single run). */
  initialCentroids?: Matrix;
  /**
   * Threads computing the fit (this one plus `threads − 1` workers). Only the WebAssembly
   * kernel runs threaded; the result does not depend on the count. @default 2 for inputs with
   * n·d·k of at least 2,000,000 when another core is idle (1-minute load average below the
   * core count − 0.5), else 1 — each phase waits for its slowest thread, so a worker that has
   * to share a busy core slows the fit down instead of speeding it up
   */
  threads?: number;
  /**
   * `'hamerly'` (default) skips distance computations proven unnecessary by triangle-inequality
   * bounds; `'lloyd'` computes every distance every iteration. Same result either way, up to
   * floating-point rounding of the centroid sums; `'lloyd'` exists for checks and benchmarks.
   */
  algorithm?: KMeansAlgorithm;
  /**
   * `'float32'` stores the centred points as float32 and computes distances in float32 (to a
   * float32 copy of the centroids; sums, means and centroids stay float64): half the memory and
   * about twice the distance throughput. Assignments can then differ from float64 ones for
   * points whose nearest two centroids are within ~1e-6 (relative) of each other — immaterial
   * for scaled features; `inertia` is summed from those float32 distances (relative error
   * ~1e-6). The bounded and plain algorithms still agree exactly. @default 'float64'
   */
  precision?: 'float64' | 'float32';
  /**
   * Force a kernel: `'typescript'` runs the TypeScript kernel (single-threaded) even when the
   * WebAssembly one is built; `'wasm-simd'` fails when it is not. @default the fastest available
   */
  backend?: KMeansBackend;
  /**
   * Called after every iteration with the within-cluster sum of squares of that iteration's
   * assignment around its updated centroids (from running sums: close to, not bit-equal to,
   * the final `inertia`).
   */
  onProgress?: (progress: { restart: number; iteration: number; inertia: number }) => void;
}

export interface KMeansResult {
  /** `[k, d]` */
  centroids: Matrix;
  /** `[n]`, the index of each point's nearest centroid (lowest index on a tie). */
  assignments: Int32Array;
  /** Σᵢ ‖xᵢ − c(aᵢ)‖², over the returned centroids and assignments. */
  inertia: number;
  /** Lloyd iterations of the winning restart. */
  iterations: number;
  /** Whether the winning restart met `tolerance` before `maxIterations`. */
  converged: boolean;
}

interface Settings {
  seed: number;
  nInit: number;
  maxIterations: number;
  tolerance: number;
  initialCentroids: Matrix | undefined;
  threads: number | undefined;
  algorithm: KMeansAlgorithm;
  backend: KMeansBackend | undefined;
  single: boolean;
  onProgress: KMeansOptions['onProgress'];
}

/** n·d·k from which a second thread pays for its start-up and synchronisation. */
const THREADED_WORK = 2_000_000;
const MAX_THREADS = 64;

/**
 * k-means: Lloyd's algorithm, greedy k-means++ seeding, `nInit` restarts (the lowest inertia
 * wins). Each iteration assigns every point to its nearest centroid (lowest index on a tie) and
 * moves each centroid to its members' mean; by default Hamerly's triangle-inequality bounds
 * skip the distance computations that cannot change an assignment, with the same result as
 * computing them all. After the last iteration the points are assigned once more, so the
 * returned assignments and inertia are those of the returned centroids.
 *
 * Runs on the WebAssembly SIMD kernel when it is built (see `kmeansKernelStatus`), else on its
 * bit-identical TypeScript twin; on `threads` threads (worker threads sharing the kernel's
 * memory). The result is deterministic for a seed and the same for every backend and thread
 * count. Single-threaded, it yields to the event loop between phases every ~50 ms.
 *
 * Memory: the points are copied once, centred, into the kernel's memory — about n·(8·d' + 20)
 * bytes, d' = d rounded up to even (float32: n·(4·d' + 20), d' rounded up to a multiple of 4);
 * that memory is reused by the next fit.
 *
 * Empty clusters: after an assignment, each empty cluster (in ascending order) takes the point
 * farthest from its own centroid (ties: lowest row) among points whose cluster keeps another
 * member; that point alone makes the cluster's new centroid. With fewer distinct points than k
 * a cluster can stay empty, keeping its previous centroid.
 *
 * @param points - `[n, d]`, finite values (scale them first: k-means is not scale-invariant)
 * @param k - number of clusters, `1 <= k <= n`
 * @returns centroids `[k, d]`, assignments `[n]`, and the winning restart's figures
 * @example
 * const { centroids, assignments, inertia } = await kmeans(points, 4, { seed: 1 });
 */
export async function kmeans(
  points: Matrix,
  k: number,
  options: KMeansOptions = {},
): Promise<KMeansResult> {
  const settings = resolveSettings(points, k, options);
  const fit = openFit(points, k, settings);
  try {
    const threads = fit.backend === 'wasm-simd' ? resolveThreads(settings.threads, fit.layout) : 1;
    if (threads === 1) return await runYielding(fit, fitAll(points, fit, settings));
    const workers = await KernelThreads.attach(
      threads - 1,
      wasmKernelModule()!,
      fit.memory!,
      configureArgs(fit.layout),
      fit.layout.control,
    );
    try {
      return await runThreaded(fit, workers, fitAll(points, fit, settings));
    } finally {
      workers.release();
    }
  } finally {
    if (fit.memory) recycleSharedMemory(fit.memory);
  }
}

/**
 * The same fit on the calling thread, synchronously: for small inputs fitted many times (k
 * selection on samples), where a worker would cost more than it saves. `threads` is ignored.
 *
 * @param points - `[n, d]`, finite values
 * @param k - number of clusters, `1 <= k <= n`
 */
export function kmeansSync(points: Matrix, k: number, options: KMeansOptions = {}): KMeansResult {
  const settings = resolveSettings(points, k, options);
  const fit = openFit(points, k, settings);
  try {
    return runSync(fit, fitAll(points, fit, settings));
  } finally {
    if (fit.memory) recycleSharedMemory(fit.memory);
  }
}

interface OpenFit {
  readonly layout: KernelLayout;
  readonly buffer: ArrayBufferLike;
  readonly kernel: KMeansKernel;
  readonly backend: KMeansBackend;
  /** Set for the WebAssembly kernel (shared with worker threads). */
  readonly memory: WasmMemory | undefined;
}

/** Allocates the kernel memory, instantiates the kernel on it and copies the points in. */
function openFit(points: Matrix, k: number, settings: Settings): OpenFit {
  const layout = planLayout(points.rows, points.cols, k, settings.single);
  const module = settings.backend === 'typescript' ? undefined : wasmKernelModule();
  const memory = module ? acquireSharedMemory(layout.byteLength) : undefined;
  if (settings.backend === 'wasm-simd' && !memory) {
    throw new EngineError(
      'invalid_argument',
      `backend: the WebAssembly kernel is not available (${kmeansKernelStatus().reason ?? `${layout.byteLength} bytes exceed its 4 GiB memory`})`,
      ['backend'],
    );
  }
  let kernel: KMeansKernel;
  let buffer: ArrayBufferLike;
  if (module && memory) {
    kernel = instantiateWasmKernel(module, memory);
    buffer = memory.buffer;
  } else {
    buffer = new ArrayBuffer(layout.byteLength);
    kernel = new PortableKernel(buffer);
  }
  kernel.configure(...configureArgs(layout));
  copyPoints(points, layout, buffer);
  return {
    layout,
    buffer,
    kernel,
    backend: module && memory ? 'wasm-simd' : 'typescript',
    memory: module && memory ? memory : undefined,
  };
}

/** Every phase of a fit: centring, then each restart; returns the best restart. */
function* fitAll(
  points: Matrix,
  fit: OpenFit,
  settings: Settings,
): Generator<KernelPhase, KMeansResult, void> {
  const workspace = yield* prepareWorkspace(points, fit.layout, fit.buffer, settings.tolerance);
  const root = createRng(settings.seed);
  let best: KMeansResult | undefined;
  for (let restart = 0; restart < settings.nInit; restart++) {
    const onProgress = settings.onProgress;
    const result = yield* fitRestart(workspace, {
      algorithm: settings.algorithm,
      maxIterations: settings.maxIterations,
      start: settings.initialCentroids ?? createRng(root.nextSeed()),
      onIteration: onProgress
        ? (iteration, inertia) => onProgress({ restart, iteration, inertia })
        : undefined,
    });
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}

function runSync<T>(fit: OpenFit, phases: Generator<KernelPhase, T, void>): T {
  const { kernel, layout } = fit;
  for (let step = phases.next(); ; step = phases.next()) {
    if (step.done) return step.value;
    for (let c = 0; c < layout.chunks; c++) runPhaseChunk(kernel, step.value, c);
  }
}

/** Single-threaded, but gives the event loop a turn between phases every ~50 ms. */
async function runYielding<T>(fit: OpenFit, phases: Generator<KernelPhase, T, void>): Promise<T> {
  const { kernel, layout } = fit;
  const takeTurn = createTurnTaker();
  for (let step = phases.next(); ; step = phases.next()) {
    if (step.done) return step.value;
    for (let c = 0; c < layout.chunks; c++) runPhaseChunk(kernel, step.value, c);
    await takeTurn();
  }
}

async function runThreaded<T>(
  fit: OpenFit,
  workers: KernelThreads,
  phases: Generator<KernelPhase, T, void>,
): Promise<T> {
  const { kernel, layout } = fit;
  for (let step = phases.next(); ; step = phases.next()) {
    if (step.done) return step.value;
    const phase = step.value;
    await workers.run(phase, layout.chunks, (claim) => {
      for (let c = claim(); c < layout.chunks; c = claim()) runPhaseChunk(kernel, phase, c);
    });
  }
}

function resolveThreads(requested: number | undefined, layout: KernelLayout): number {
  if (requested !== undefined) return Math.min(requested, layout.chunks);
  const cores = availableParallelism();
  const idleCore = loadavg()[0]! < cores - 0.5; // loadavg is [0, 0, 0] where unsupported
  const work = layout.n * layout.d * layout.k;
  return work >= THREADED_WORK && idleCore ? Math.max(1, Math.min(2, cores, layout.chunks)) : 1;
}

function resolveSettings(points: Matrix, k: number, options: KMeansOptions): Settings {
  const { rows: n, cols: d } = points;
  if (n === 0) throw new EngineError('empty_input', 'points: no rows to cluster', ['points']);
  if (d === 0) throw new EngineError('empty_input', 'points: rows have no features', ['points']);
  if (points.data.length !== n * d) {
    throw new EngineError(
      'shape_mismatch',
      `points: data has ${points.data.length} values, expected ${n} x ${d} = ${n * d}`,
      ['points'],
    );
  }
  requireArgument(
    Number.isInteger(k) && k >= 1 && k <= n,
    'k',
    `must be an integer in [1, ${n}] (the number of points), got ${k}`,
  );
  const seed = options.seed ?? 0;
  requireArgument(Number.isFinite(seed), 'seed', `must be a finite number, got ${seed}`);
  const nInit = options.nInit ?? 4;
  requireArgument(
    Number.isInteger(nInit) && nInit >= 1,
    'nInit',
    `must be an integer >= 1, got ${nInit}`,
  );
  const maxIterations = options.maxIterations ?? 300;
  requireArgument(
    Number.isInteger(maxIterations) && maxIterations >= 1,
    'maxIterations',
    `must be an integer >= 1, got ${maxIterations}`,
  );
  const tolerance = options.tolerance ?? 1e-4;
  requireArgument(
    Number.isFinite(tolerance) && tolerance >= 0,
    'tolerance',
    `must be a finite number >= 0, got ${tolerance}`,
  );
  const threads = options.threads;
  requireArgument(
    threads === undefined || (Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS),
    'threads',
    `must be an integer in [1, ${MAX_THREADS}], got ${threads}`,
  );
  const algorithm = options.algorithm ?? 'hamerly';
  requireArgument(
    algorithm === 'hamerly' || algorithm === 'lloyd',
    'algorithm',
    `must be 'hamerly' or 'lloyd', got ${String(algorithm)}`,
  );
  const precision = options.precision ?? 'float64';
  requireArgument(
    precision === 'float64' || precision === 'float32',
    'precision',
    `must be 'float64' or 'float32', got ${String(precision)}`,
  );
  const backend = options.backend;
  requireArgument(
    backend === undefined || backend === 'wasm-simd' || backend === 'typescript',
    'backend',
    `must be 'wasm-simd' or 'typescript', got ${String(backend)}`,
  );
  const initial = options.initialCentroids;
  if (initial) {
    if (initial.rows !== k || initial.cols !== d || initial.data.length !== k * d) {
      throw new EngineError(
        'shape_mismatch',
        `initialCentroids: expected ${k} x ${d} (k x features), got ${initial.rows} x ${initial.cols}`,
        ['initialCentroids'],
      );
    }
    const bad = initial.data.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) {
      throw new EngineError(
        'invalid_argument',
        `initialCentroids: value at row ${Math.floor(bad / d)}, column ${bad % d} is ${initial.data[bad]}`,
        ['initialCentroids', Math.floor(bad / d), bad % d],
      );
    }
  }
  return {
    seed,
    nInit: initial ? 1 : nInit,
    maxIterations,
    tolerance,
    initialCentroids: initial,
    threads,
    algorithm,
    backend,
    single: precision === 'float32',
    onProgress: options.onProgress,
  };
}
