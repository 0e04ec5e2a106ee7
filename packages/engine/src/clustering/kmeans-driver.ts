import { EngineError } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';
import type { Rng } from '../random/prng.ts';
import type { KernelPhase } from './kernel/kernel.ts';
import { STAT_SUM, STAT_TRIALS, type KernelLayout } from './kernel/layout.ts';
import { cumulativeSearch } from './kmeans-cumulative-search.ts';

/**
 * The k-means fit itself, written once for every backend and thread count: a generator that
 * yields each kernel phase it needs run over all chunks (the caller runs it, on one thread or
 * several) and does the small per-iteration work — combining the chunks' partial sums in chunk
 * order, new centroids, empty clusters, convergence — itself.
 */

/** `'hamerly'` skips distance computations with triangle-inequality bounds; `'lloyd'` does all. */
export type KMeansAlgorithm = 'hamerly' | 'lloyd';

/** The points loaded into kernel memory, and what one fit on them shares across restarts. */
export interface Workspace {
  readonly layout: KernelLayout;
  readonly f64: Float64Array;
  readonly i32: Int32Array;
  readonly f32: Float32Array;
  /** The point rows: `f64`, or `f32` in float32 mode; `x` is their element offset. */
  readonly rows: Float64Array | Float32Array;
  readonly x: number;
  /** Per-feature means subtracted from the points (centring keeps sums of squares accurate). */
  readonly mean: Float64Array;
  /** Convergence threshold on Σⱼ ‖Δcⱼ‖²: `tolerance` × the mean per-feature variance. */
  readonly shiftThreshold: number;
  /** Σᵢ ‖xᵢ‖² of the centred points (the inertia of a single cluster). */
  readonly totalSquares: number;
}

export interface RestartSettings {
  readonly algorithm: KMeansAlgorithm;
  readonly maxIterations: number;
  /** Starting centroids `[k, d]`, or the generator to seed them with k-means++. */
  readonly start: Matrix | Rng;
  readonly onIteration?: (iteration: number, inertia: number) => void;
}

export interface RestartResult {
  readonly centroids: Matrix;
  readonly assignments: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const LLOYD: KernelPhase = { op: 'lloydChunk', args: [] };
const ASSIGNED_DISTANCES: KernelPhase = { op: 'assignedDistChunk', args: [] };

/** Copies `points` into kernel memory (float32 in float32 mode), zero-padded to `layout.dp` columns. */
export function copyPoints(points: Matrix, layout: KernelLayout, buffer: ArrayBufferLike): void {
  const { n, d, dp } = layout;
  const rows = layout.single ? new Float32Array(buffer) : new Float64Array(buffer);
  const x = layout.single ? layout.x >> 2 : layout.x >> 3;
  if (d === dp) {
    rows.set(points.data, x); // to float32: rounded to nearest, as Math.fround
    return;
  }
  const data = points.data;
  for (let i = 0; i < n; i++) {
    const src = i * d;
    const dst = x + i * dp;
    for (let j = 0; j < d; j++) rows[dst + j] = data[src + j]!;
    for (let j = d; j < dp; j++) rows[dst + j] = 0;
  }
}

/**
 * Centres the copied points (column means subtracted, which keeps sums of squares accurate)
 * and measures the column variances for the convergence threshold. Throws when a value is not
 * finite.
 */
export function* prepareWorkspace(
  points: Matrix,
  layout: KernelLayout,
  buffer: ArrayBufferLike,
  tolerance: number,
): Generator<KernelPhase, Workspace, void> {
  const { n, d, dp, chunks, sumsStride } = layout;
  const f64 = new Float64Array(buffer);
  const sumsAt = layout.sums >> 3;
  const columnTotals = (): Float64Array => {
    const totals = new Float64Array(dp);
    for (let c = 0; c < chunks; c++) {
      for (let j = 0; j < dp; j++) totals[j]! += f64[sumsAt + c * sumsStride + j]!;
    }
    return totals;
  };
  yield { op: 'columnSumsChunk', args: [] };
  const mean = columnTotals();
  for (let j = 0; j < d; j++) {
    // A NaN or infinity anywhere in a column makes its sum non-finite: look for it only then.
    if (!Number.isFinite(mean[j]!)) throw nonFiniteError(points, j);
    mean[j]! /= n;
  }
  // centerChunk reads the means from the first distance-centroid row (not in use yet); in
  // float32 mode it subtracts them rounded to float32, and those are the means added back.
  const f32 = new Float32Array(buffer);
  if (layout.single) {
    f32.set(mean, layout.distCentroids >> 2);
    for (let j = 0; j < dp; j++) mean[j] = f32[(layout.distCentroids >> 2) + j]!;
  } else {
    f64.set(mean, layout.centroids >> 3);
  }
  yield { op: 'centerChunk', args: [] };
  const squares = columnTotals();
  let meanVariance = 0;
  let totalSquares = 0;
  for (let j = 0; j < d; j++) {
    meanVariance += squares[j]! / n;
    totalSquares += squares[j]!;
  }
  meanVariance /= d;
  return {
    layout,
    f64,
    i32: new Int32Array(buffer),
    f32,
    rows: layout.single ? f32 : f64,
    x: layout.single ? layout.x >> 2 : layout.x >> 3,
    mean: mean.subarray(0, d),
    shiftThreshold: tolerance * meanVariance,
    totalSquares,
  };
}

function nonFiniteError(points: Matrix, column: number): EngineError {
  for (let i = 0; i < points.rows; i++) {
    const value = points.data[i * points.cols + column]!;
    if (!Number.isFinite(value)) {
      return new EngineError(
        'invalid_argument',
        `points: value at row ${i}, column ${column} is ${value}; k-means needs finite numbers`,
        ['points', i, column],
      );
    }
  }
  return new EngineError(
    'invalid_argument',
    `points: column ${column} sums beyond the floating-point range (float32: |values| < 3.4e38); scale the features first`,
    ['points', 'column', column],
  );
}

/** One k-means run from one start: Lloyd iterations (optionally bounded), then a final assignment. */
export function* fitRestart(
  ws: Workspace,
  settings: RestartSettings,
): Generator<KernelPhase, RestartResult, void> {
  const { layout, f64, i32 } = ws;
  const { n, d, dp, k } = layout;
  const centroidsAt = layout.centroids >> 3;
  const centroids = f64.subarray(centroidsAt, centroidsAt + k * dp);
  const drift = f64.subarray(layout.drift >> 3, (layout.drift >> 3) + k);
  const halfMin = f64.subarray(layout.halfMin >> 3, (layout.halfMin >> 3) + k);
  // Float32 mode: distances are measured to a float32 copy of the centroids, so that copy is
  // what drifts and centroid gaps (the bounds) are computed from.
  const distCentroids = layout.single
    ? ws.f32.subarray(layout.distCentroids >> 2, (layout.distCentroids >> 2) + k * dp)
    : undefined;
  const previous = new Float64Array(k * dp);

  if ('rows' in settings.start) {
    const start = settings.start.data;
    centroids.fill(0);
    for (let j = 0; j < k; j++) {
      for (let t = 0; t < d; t++) centroids[j * dp + t] = start[j * d + t]! - ws.mean[t]!;
    }
  } else {
    yield* seedPlusPlus(ws, settings.start, centroids);
  }
  distCentroids?.set(centroids);
  i32.fill(-1, layout.assign >> 2, (layout.assign >> 2) + n);

  const sums = new ChunkTotals(layout, f64);
  let iterations = 0;
  let converged = false;
  let shift = Infinity;
  for (let iteration = 1; iteration <= settings.maxIterations; iteration++) {
    yield iteration === 1 || settings.algorithm === 'lloyd' ? LLOYD : hamerlyPhase(drift);
    sums.combine();
    if (sums.counts.includes(0)) {
      yield ASSIGNED_DISTANCES;
      relocateEmptyClusters(ws, sums);
      sums.combine();
    }
    if (distCentroids) previous.set(distCentroids);
    shift = updateCentroids(sums, centroids, drift, dp);
    if (distCentroids) {
      distCentroids.set(centroids);
      measureDrift(previous, distCentroids, drift, dp);
    }
    iterations = iteration;
    settings.onIteration?.(iteration, sums.withinSumOfSquares(ws.totalSquares));
    if (settings.algorithm === 'hamerly') {
      const measured = distCentroids ? Float64Array.from(distCentroids) : centroids;
      computeHalfMin(measured, halfMin, k, dp);
    }
    if (shift <= ws.shiftThreshold) {
      converged = true;
      break;
    }
  }
  // The last update moved the centroids: assign once more so the returned assignments are
  // those of the returned centroids (as scikit-learn does). Not counted as an iteration.
  if (shift > 0) yield settings.algorithm === 'lloyd' ? LLOYD : hamerlyPhase(drift);
  yield ASSIGNED_DISTANCES;
  const inertia = sumStat(ws, STAT_SUM);

  const result = createMatrix(k, d);
  for (let j = 0; j < k; j++) {
    for (let t = 0; t < d; t++) result.data[j * d + t] = centroids[j * dp + t]! + ws.mean[t]!;
  }
  return {
    centroids: result,
    assignments: i32.slice(layout.assign >> 2, (layout.assign >> 2) + n),
    inertia,
    iterations,
    converged,
  };
}

function hamerlyPhase(drift: Float64Array): KernelPhase {
  let maxIndex = 0;
  for (let j = 1; j < drift.length; j++) if (drift[j]! > drift[maxIndex]!) maxIndex = j;
  let second = 0;
  for (let j = 0; j < drift.length; j++)
    if (j !== maxIndex && drift[j]! > second) second = drift[j]!;
  return { op: 'hamerlyChunk', args: [drift[maxIndex]!, second, maxIndex] };
}

/** The chunks' partial sums added up in chunk order (so every thread count adds alike). */
class ChunkTotals {
  readonly sums: Float64Array;
  readonly counts: Float64Array;

  constructor(
    private readonly layout: KernelLayout,
    private readonly f64: Float64Array,
  ) {
    this.sums = new Float64Array(layout.k * layout.dp);
    this.counts = new Float64Array(layout.k);
  }

  combine(): void {
    const { chunks, k, dp, countStride, sumsStride } = this.layout;
    const f = this.f64;
    this.sums.fill(0);
    this.counts.fill(0);
    const sumsAt = this.layout.sums >> 3;
    const countsAt = this.layout.counts >> 3;
    for (let c = 0; c < chunks; c++) {
      for (let j = 0; j < k; j++) {
        const slot = c * countStride + j;
        this.counts[j]! += f[countsAt + slot]!;
        const src = sumsAt + c * sumsStride + j * dp;
        for (let t = 0; t < dp; t++) this.sums[j * dp + t]! += f[src + t]!;
      }
    }
  }

  /**
   * The inertia of the current assignment around its cluster means: Σᵢ ‖xᵢ‖² − Σⱼ ‖Σx‖²/nⱼ
   * (the points are centred, so the difference loses little to rounding).
   */
  withinSumOfSquares(totalSquares: number): number {
    const { k, dp } = this.layout;
    let between = 0;
    for (let j = 0; j < k; j++) {
      const count = this.counts[j]!;
      if (count === 0) continue;
      let norm = 0;
      for (let t = 0; t < dp; t++) norm += this.sums[j * dp + t]! ** 2;
      between += norm / count;
    }
    return Math.max(0, totalSquares - between);
  }
}

/** New centroids = member means (an empty cluster keeps its centroid); returns Σⱼ ‖Δcⱼ‖². */
function updateCentroids(
  totals: ChunkTotals,
  centroids: Float64Array,
  drift: Float64Array,
  dp: number,
): number {
  let shift = 0;
  for (let j = 0; j < drift.length; j++) {
    const count = totals.counts[j]!;
    let moved = 0;
    if (count > 0) {
      for (let t = 0; t < dp; t++) {
        const next = totals.sums[j * dp + t]! / count;
        const delta = next - centroids[j * dp + t]!;
        moved += delta * delta;
        centroids[j * dp + t] = next;
      }
    }
    drift[j] = Math.sqrt(moved);
    shift += moved;
  }
  return shift;
}

/** drift[j] = ‖after_j − before_j‖, from the float32 distance centroids. */
function measureDrift(
  before: Float64Array,
  after: Float32Array,
  drift: Float64Array,
  dp: number,
): void {
  for (let j = 0; j < drift.length; j++) {
    let moved = 0;
    for (let t = 0; t < dp; t++) moved += (after[j * dp + t]! - before[j * dp + t]!) ** 2;
    drift[j] = Math.sqrt(moved);
  }
}

function computeHalfMin(
  centroids: Float64Array,
  halfMin: Float64Array,
  k: number,
  dp: number,
): void {
  halfMin.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let sum = 0;
      for (let t = 0; t < dp; t++) {
        const diff = centroids[a * dp + t]! - centroids[b * dp + t]!;
        sum += diff * diff;
      }
      const half = Math.sqrt(sum) / 2;
      if (half < halfMin[a]!) halfMin[a] = half;
      if (half < halfMin[b]!) halfMin[b] = half;
    }
  }
}

/**
 * Empty clusters, deterministically: in ascending cluster order, each empty cluster takes the
 * point farthest from its own centroid (ties: lowest row) among points not already moved,
 * at a positive distance, whose cluster keeps at least one other member. The point is moved in
 * its chunk's sums, so the cluster's new centroid is that point. With no such point (fewer
 * distinct points than k) the cluster stays empty and its centroid stays where it was.
 * Needs `upper` to hold exact distances to the assigned centroids (the assigned-distance phase).
 */
function relocateEmptyClusters(ws: Workspace, totals: ChunkTotals): void {
  const { layout, f64, i32 } = ws;
  const { n, k, dp, chunkSize } = layout;
  const upperAt = layout.upper >> 3;
  const lowerAt = layout.lower >> 3;
  const assignAt = layout.assign >> 2;
  const counts = Float64Array.from(totals.counts);
  const moved = new Uint8Array(n);
  for (let empty = 0; empty < k; empty++) {
    if (counts[empty] !== 0) continue;
    let far = -1;
    let farDistance = 0;
    for (let i = 0; i < n; i++) {
      const distance = f64[upperAt + i]!;
      if (distance > farDistance && !moved[i] && counts[i32[assignAt + i]!]! > 1) {
        far = i;
        farDistance = distance;
      }
    }
    if (far < 0) continue;
    const from = i32[assignAt + far]!;
    const chunk = Math.floor(far / chunkSize);
    const rows = ws.rows;
    const x = ws.x + far * dp;
    const fromSlot = chunk * layout.countStride + from;
    const toSlot = chunk * layout.countStride + empty;
    const chunkSums = (layout.sums >> 3) + chunk * layout.sumsStride;
    for (let t = 0; t < dp; t++) {
      f64[chunkSums + from * dp + t]! -= rows[x + t]!;
      f64[chunkSums + empty * dp + t]! += rows[x + t]!;
    }
    f64[(layout.counts >> 3) + fromSlot]! -= 1;
    f64[(layout.counts >> 3) + toSlot]! += 1;
    i32[assignAt + far] = empty;
    // Its new centroid is the point itself; the drift update then keeps both bounds valid.
    f64[upperAt + far] = 0;
    f64[lowerAt + far] = 0;
    moved[far] = 1;
    counts[from]! -= 1;
    counts[empty] = 1;
  }
}

function sumStat(ws: Workspace, slot: number): number {
  const { chunks, statStride } = ws.layout;
  const at = ws.layout.stats >> 3;
  let total = 0;
  for (let c = 0; c < chunks; c++) total += ws.f64[at + c * statStride + slot]!;
  return total;
}

/**
 * Greedy k-means++ on the loaded points, drawing from `rng` in the same order as
 * `kmeansPlusPlus`; the squared distances to the nearest centre live in `upper`.
 */
function* seedPlusPlus(
  ws: Workspace,
  rng: Rng,
  centroids: Float64Array,
): Generator<KernelPhase, void, void> {
  const { layout, f64, i32 } = ws;
  const { n, k, dp, chunks, chunkSize, statStride, trials } = layout;
  const upperAt = layout.upper >> 3;
  const minD2 = f64.subarray(upperAt, upperAt + n);
  const statsAt = layout.stats >> 3;
  const candidatesAt = layout.candidates >> 2;

  const draw = (target: number): number => {
    let prefix = 0;
    for (let c = 0; c < chunks; c++) {
      const chunkSum = f64[statsAt + c * statStride + STAT_SUM]!;
      if (chunkSum > 0 && prefix + chunkSum >= target) {
        return cumulativeSearch(
          minD2,
          target,
          c * chunkSize,
          Math.min(n, (c + 1) * chunkSize),
          prefix,
        );
      }
      prefix += chunkSum;
    }
    return cumulativeSearch(minD2, Infinity);
  };

  const chosen = [rng.nextInt(n)];
  yield { op: 'ppDistChunk', args: [chosen[0]!, 1] };
  let potential = sumStat(ws, STAT_SUM);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) i32[candidatesAt + t] = draw(rng.nextFloat() * potential);
    yield { op: 'ppTrialChunk', args: [trials] };
    let best = 0;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const total = sumStat(ws, STAT_TRIALS + t);
      if (total < bestPotential) {
        bestPotential = total;
        best = t;
      }
    }
    const row = i32[candidatesAt + best]!;
    yield { op: 'ppDistChunk', args: [row, 0] };
    potential = sumStat(ws, STAT_SUM);
    chosen.push(row);
  }
  chosen.forEach((row, j) =>
    centroids.set(ws.rows.subarray(ws.x + row * dp, ws.x + (row + 1) * dp), j * dp),
  );
}
