/**
 * Where every k-means buffer lives inside the one memory the kernel works on (a shared
 * WebAssembly.Memory, or a SharedArrayBuffer for the TypeScript kernel). All offsets are in
 * bytes and 128-byte aligned (aligned SIMD loads; no cache line shared between buffers).
 */
export interface KernelLayout {
  readonly n: number;
  readonly d: number;
  /** Points (and the centroids distances are measured to) are float32, not float64. */
  readonly single: boolean;
  /** `d` padded with zero columns to a whole vector: even (f64x2), or a multiple of 4 (f32x4). */
  readonly dp: number;
  readonly k: number;
  readonly chunkSize: number;
  readonly chunks: number;
  /** f64 slots per chunk of `stats` (a whole number of 128-byte lines). */
  readonly statStride: number;
  /** f64 slots per chunk of `counts` (k, padded to 128-byte lines). */
  readonly countStride: number;
  /** f64 slots per chunk of `sums` (k·dp, padded to 128-byte lines). */
  readonly sumsStride: number;
  /** Greedy k-means++ candidates per step (2 + ⌊ln k⌋, as in scikit-learn). */
  readonly trials: number;
  /** Int32 slot 0: the next chunk to claim. */
  readonly control: number;
  readonly x: number;
  readonly assign: number;
  readonly upper: number;
  readonly lower: number;
  readonly centroids: number;
  readonly halfMin: number;
  readonly drift: number;
  readonly sums: number;
  readonly counts: number;
  readonly stats: number;
  readonly candidates: number;
  /** `[k, dp]` float32 copy of the centroids for distances (float32 mode), else `centroids`. */
  readonly distCentroids: number;
  readonly margins: BoundMargins;
  readonly byteLength: number;
}

/**
 * How far computed distances may be from the exact ones, for the triangle-inequality bounds:
 * a bound computed from a distance is widened by `up`/`down`, and a point is skipped only if
 * its upper bound times `safe` is below the skip threshold. Float64: only the bound updates
 * round (the 1e-12 margin). Float32: each squared distance is within (dp/4 + 4)·2^-24 of the
 * exact distance between the float32 rows (positive terms, so the error is relative), hence a
 * skipped point is nearer its centroid than any other by more than both rounding errors.
 */
export interface BoundMargins {
  readonly safe: number;
  readonly up: number;
  readonly down: number;
}

export function boundMargins(single: boolean, dp: number): BoundMargins {
  if (!single) return { safe: 1 + 1e-12, up: 1, down: 1 };
  const eta = (dp / 4 + 4) * 2 ** -24;
  return { safe: 1 + 2 * eta + 1e-12, up: 1 + eta, down: 1 - eta };
}

/** The kernel's own static data lives below this offset; our buffers start here. */
const BASE_OFFSET = 65536;
/** Chunks are at least this many points: large enough that a kernel call costs nothing. */
const MIN_CHUNK_SIZE = 4096;
/** At most this many chunks, which bounds the per-chunk partial sums to 256 · k · d values. */
const MAX_CHUNKS = 256;

export const STAT_CHANGED = 0;
export const STAT_SUM = 1;
export const STAT_SCANNED = 2;
export const STAT_TRIALS = 3;

export function kmeansPlusPlusTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * Lays out the buffers for `n` points of `d` features and `k` clusters. The chunking depends
 * on `n` only, never on the thread count, so every thread count adds the same partial sums in
 * the same order.
 */
export function planLayout(n: number, d: number, k: number, single = false): KernelLayout {
  const dp = single ? Math.ceil(d / 4) * 4 : Math.ceil(d / 2) * 2;
  const chunkSize = Math.max(MIN_CHUNK_SIZE, Math.ceil(n / MAX_CHUNKS));
  const chunks = Math.ceil(n / chunkSize);
  const trials = kmeansPlusPlusTrials(k);
  // Each thread writes only its own chunks' slots; padding them to whole 128-byte lines (and
  // aligning every buffer so) keeps threads on neighbouring chunks off each other's cache lines.
  const lineSlots = (slots: number): number => Math.ceil(slots / 16) * 16;
  const statStride = lineSlots(STAT_TRIALS + trials);
  const countStride = lineSlots(k);
  const sumsStride = lineSlots(k * dp);
  let offset = BASE_OFFSET;
  const take = (bytes: number): number => {
    const at = offset;
    offset += Math.ceil(bytes / 128) * 128;
    return at;
  };
  const control = take(16);
  const x = take(n * dp * (single ? 4 : 8));
  const assign = take(n * 4);
  const upper = take(n * 8);
  const lower = take(n * 8);
  const centroids = take(k * dp * 8);
  const halfMin = take(k * 8);
  const drift = take(k * 8);
  const sums = take(chunks * sumsStride * 8);
  const counts = take(chunks * countStride * 8);
  const stats = take(chunks * statStride * 8);
  const candidates = take(trials * 4);
  const distCentroids = single ? take(k * dp * 4) : centroids;
  return {
    n,
    d,
    single,
    dp,
    k,
    chunkSize,
    chunks,
    statStride,
    countStride,
    sumsStride,
    trials,
    control,
    x,
    assign,
    upper,
    lower,
    centroids,
    halfMin,
    drift,
    sums,
    counts,
    stats,
    candidates,
    distCentroids,
    margins: boundMargins(single, dp),
    byteLength: offset,
  };
}
