import type { KMeansKernel } from './kernel.ts';
import { STAT_CHANGED, STAT_SCANNED, STAT_SUM, STAT_TRIALS } from './layout.ts';

/** Same margin as the WebAssembly kernel: see assembly/kmeans-kernel.ts. */
const SAFE = 1 + 1e-12;

/**
 * The TypeScript twin of the WebAssembly kernel (assembly/kmeans-kernel.ts), used when the
 * compiled kernel is absent. It works on the same memory layout and performs the same floating-
 * point operations in the same order — squared distances accumulate in four lanes
 * (columns j mod 4) summed as (l0 + l2) + (l1 + l3), exactly as the two f64x2 accumulators do —
 * so both backends return bit-identical results. Keep the two files in step.
 */
export class PortableKernel implements KMeansKernel {
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private n = 0;
  private dp = 0;
  private k = 0;
  private chunkSize = 0;
  private statStride = 0;
  // Offsets in elements (f64 index unless named i32).
  private x = 0;
  private assignI32 = 0;
  private upper = 0;
  private lower = 0;
  private centroids = 0;
  private halfMin = 0;
  private drift = 0;
  private sums = 0;
  private counts = 0;
  private stats = 0;
  private candidatesI32 = 0;
  private countStride = 0;
  private sumsStride = 0;

  constructor(buffer: ArrayBufferLike) {
    this.f64 = new Float64Array(buffer);
    this.i32 = new Int32Array(buffer);
  }

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
  ): void {
    this.n = n;
    this.dp = dp;
    this.k = k;
    this.chunkSize = chunkSize;
    this.statStride = statStride;
    this.x = x >> 3;
    this.assignI32 = assign >> 2;
    this.upper = upper >> 3;
    this.lower = lower >> 3;
    this.centroids = centroids >> 3;
    this.halfMin = halfMin >> 3;
    this.drift = drift >> 3;
    this.sums = sums >> 3;
    this.counts = counts >> 3;
    this.stats = stats >> 3;
    this.candidatesI32 = candidates >> 2;
    this.countStride = countsPerChunk;
    this.sumsStride = sumsPerChunk;
  }

  private dist2(a: number, b: number): number {
    const f = this.f64;
    let l0 = 0;
    let l1 = 0;
    const end = a + this.dp;
    while (a < end) {
      const d0 = f[a]! - f[b]!;
      const d1 = f[a + 1]! - f[b + 1]!;
      l0 += d0 * d0;
      l1 += d1 * d1;
      a += 2;
      b += 2;
    }
    return l0 + l1;
  }

  private addMember(chunk: number, cluster: number, x: number, sign: 1 | -1): void {
    const f = this.f64;
    const slot = chunk * this.countStride + cluster;
    const dst = this.sums + chunk * this.sumsStride + cluster * this.dp;
    for (let j = 0; j < this.dp; j++)
      f[dst + j] = sign > 0 ? f[dst + j]! + f[x + j]! : f[dst + j]! - f[x + j]!;
    f[this.counts + slot] = sign > 0 ? f[this.counts + slot]! + 1 : f[this.counts + slot]! - 1;
  }

  private chunkRange(chunk: number): [number, number] {
    const start = chunk * this.chunkSize;
    return [start, Math.min(this.n, start + this.chunkSize)];
  }

  private stat(chunk: number, slot: number): number {
    return this.stats + chunk * this.statStride + slot;
  }

  lloydChunk(chunk: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const { k, dp } = this;
    const sums = this.sums + chunk * this.sumsStride;
    const counts = chunk * this.countStride;
    f.fill(0, sums, sums + k * dp);
    f.fill(0, this.counts + counts, this.counts + counts + k);
    let changed = 0;
    let inertia = 0;
    for (let i = start; i < end; i++) {
      const x = this.x + i * dp;
      let best = Infinity;
      let second = Infinity;
      let bestIndex = 0;
      for (let j = 0; j < k; j++) {
        const d = this.dist2(x, this.centroids + j * dp);
        if (d < best) {
          second = best;
          best = d;
          bestIndex = j;
        } else if (d < second) {
          second = d;
        }
      }
      if (this.i32[this.assignI32 + i] !== bestIndex) changed += 1;
      this.i32[this.assignI32 + i] = bestIndex;
      f[this.upper + i] = Math.sqrt(best);
      f[this.lower + i] = Math.sqrt(second);
      this.addMember(chunk, bestIndex, x, 1);
      inertia += best;
    }
    f[this.stat(chunk, STAT_CHANGED)] = changed;
    f[this.stat(chunk, STAT_SUM)] = inertia;
  }

  hamerlyChunk(chunk: number, maxDrift: number, secondDrift: number, maxDriftIndex: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const { k, dp } = this;
    let changed = 0;
    let scanned = 0;
    for (let i = start; i < end; i++) {
      const a = this.i32[this.assignI32 + i]!;
      let u = f[this.upper + i]! + f[this.drift + a]!;
      let l = f[this.lower + i]! - (a === maxDriftIndex ? secondDrift : maxDrift);
      const half = f[this.halfMin + a]!;
      const m = half > l ? half : l;
      if (u * SAFE > m) {
        const x = this.x + i * dp;
        u = Math.sqrt(this.dist2(x, this.centroids + a * dp));
        if (u * SAFE > m) {
          scanned += 1;
          let best = Infinity;
          let second = Infinity;
          let bestIndex = 0;
          for (let j = 0; j < k; j++) {
            const d = this.dist2(x, this.centroids + j * dp);
            if (d < best) {
              second = best;
              best = d;
              bestIndex = j;
            } else if (d < second) {
              second = d;
            }
          }
          u = Math.sqrt(best);
          l = Math.sqrt(second);
          if (bestIndex !== a) {
            this.addMember(chunk, a, x, -1);
            this.addMember(chunk, bestIndex, x, 1);
            this.i32[this.assignI32 + i] = bestIndex;
            changed += 1;
          }
        }
      }
      f[this.upper + i] = u;
      f[this.lower + i] = l;
    }
    f[this.stat(chunk, STAT_CHANGED)] = changed;
    f[this.stat(chunk, STAT_SCANNED)] = scanned;
  }

  columnSumsChunk(chunk: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const out = this.sums + chunk * this.sumsStride;
    f.fill(0, out, out + this.dp);
    for (let i = start; i < end; i++) {
      const x = this.x + i * this.dp;
      for (let j = 0; j < this.dp; j++) f[out + j] = f[out + j]! + f[x + j]!;
    }
  }

  centerChunk(chunk: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const out = this.sums + chunk * this.sumsStride;
    f.fill(0, out, out + this.dp);
    for (let i = start; i < end; i++) {
      const x = this.x + i * this.dp;
      for (let j = 0; j < this.dp; j++) {
        const v = f[x + j]! - f[this.centroids + j]!;
        f[x + j] = v;
        f[out + j] = f[out + j]! + v * v;
      }
    }
  }

  assignedDistChunk(chunk: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    let total = 0;
    for (let i = start; i < end; i++) {
      const a = this.i32[this.assignI32 + i]!;
      const d = this.dist2(this.x + i * this.dp, this.centroids + a * this.dp);
      f[this.upper + i] = Math.sqrt(d);
      total += d;
    }
    f[this.stat(chunk, STAT_SUM)] = total;
  }

  ppDistChunk(chunk: number, centerRow: number, first: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const c = this.x + centerRow * this.dp;
    let total = 0;
    for (let i = start; i < end; i++) {
      let d = this.dist2(this.x + i * this.dp, c);
      if (!first) {
        const old = f[this.upper + i]!;
        if (old < d) d = old;
      }
      f[this.upper + i] = d;
      total += d;
    }
    f[this.stat(chunk, STAT_SUM)] = total;
  }

  ppTrialChunk(chunk: number, trials: number): void {
    const f = this.f64;
    const [start, end] = this.chunkRange(chunk);
    const base = this.stat(chunk, STAT_TRIALS);
    f.fill(0, base, base + trials);
    for (let i = start; i < end; i++) {
      const x = this.x + i * this.dp;
      const current = f[this.upper + i]!;
      for (let t = 0; t < trials; t++) {
        let d = this.dist2(x, this.x + this.i32[this.candidatesI32 + t]! * this.dp);
        if (current < d) d = current;
        f[base + t] = f[base + t]! + d;
      }
    }
  }
}
