import type { KernelLayout } from './layout.ts';

/**
 * The operations of the k-means kernel. Each `*Chunk` call works on one chunk of points of the
 * configured layout and writes its partial results into that chunk's slots, so chunks can run
 * on any thread in any order. Implemented by the WebAssembly SIMD kernel
 * (assembly/kmeans-kernel.ts) and by its TypeScript twin (portable-kernel.ts).
 */
export interface KMeansKernel {
  configure(
    n: number,
    dp: number,
    k: number,
    chunkSize: number,
    statStride: number,
    x: number,
    assign: number,
    upper: number,
    lower: number,
    centroids: number,
    halfMin: number,
    drift: number,
    sums: number,
    counts: number,
    stats: number,
    candidates: number,
    countsPerChunk: number,
    sumsPerChunk: number,
    singlePrecision: number,
    distCentroids: number,
    safeMargin: number,
    upMargin: number,
    downMargin: number,
  ): void;
  columnSumsChunk(chunk: number): void;
  centerChunk(chunk: number): void;
  lloydChunk(chunk: number): void;
  hamerlyChunk(chunk: number, maxDrift: number, secondDrift: number, maxDriftIndex: number): void;
  assignedDistChunk(chunk: number): void;
  ppDistChunk(chunk: number, centerRow: number, first: number): void;
  ppTrialChunk(chunk: number, trials: number): void;
}

/** Which implementation ran. */
export type KMeansBackend = 'wasm-simd' | 'typescript';

/** The chunk operations a fit asks for: the kernel method name and its arguments after `chunk`. */
export type KernelPhase =
  | { readonly op: 'columnSumsChunk'; readonly args: readonly [] }
  | { readonly op: 'centerChunk'; readonly args: readonly [] }
  | { readonly op: 'lloydChunk'; readonly args: readonly [] }
  | {
      readonly op: 'hamerlyChunk';
      readonly args: readonly [maxDrift: number, secondDrift: number, maxDriftIndex: number];
    }
  | { readonly op: 'assignedDistChunk'; readonly args: readonly [] }
  | { readonly op: 'ppDistChunk'; readonly args: readonly [centerRow: number, first: number] }
  | { readonly op: 'ppTrialChunk'; readonly args: readonly [trials: number] };

/** The arguments of `configure` for a layout, in order (also sent to worker threads). */
export function configureArgs(layout: KernelLayout): Parameters<KMeansKernel['configure']> {
  return [
    layout.n,
    layout.dp,
    layout.k,
    layout.chunkSize,
    layout.statStride,
    layout.x,
    layout.assign,
    layout.upper,
    layout.lower,
    layout.centroids,
    layout.halfMin,
    layout.drift,
    layout.sums,
    layout.counts,
    layout.stats,
    layout.candidates,
    layout.countStride,
    layout.sumsStride,
    layout.single ? 1 : 0,
    layout.distCentroids,
    layout.margins.safe,
    layout.margins.up,
    layout.margins.down,
  ];
}

/** Runs one phase on one chunk. */
export function runPhaseChunk(kernel: KMeansKernel, phase: KernelPhase, chunk: number): void {
  switch (phase.op) {
    case 'columnSumsChunk':
      kernel.columnSumsChunk(chunk);
      break;
    case 'centerChunk':
      kernel.centerChunk(chunk);
      break;
    case 'lloydChunk':
      kernel.lloydChunk(chunk);
      break;
    case 'hamerlyChunk':
      kernel.hamerlyChunk(chunk, ...phase.args);
      break;
    case 'assignedDistChunk':
      kernel.assignedDistChunk(chunk);
      break;
    case 'ppDistChunk':
      kernel.ppDistChunk(chunk, ...phase.args);
      break;
    case 'ppTrialChunk':
      kernel.ppTrialChunk(chunk, ...phase.args);
      break;
  }
}
