import type { KMeansKernel } from './kernel.ts';
import { STAT_CHANGED, STAT_SCANNED, STAT_SUM, STAT_TRIALS } from './layout.ts';

/**
 * The TypeScript twin of the WebAssembly kernel (assembly/kmeans-kernel.ts), used when the
 * compiled kernel is absent. It works on the same memory layout and performs the same floating-
 * point operations in the same order, so both backends return bit-identical results. Squared
 * distances: float64 points accumulate in two lanes (even and odd columns) added last, as the
 * kernel's f64x2 does; float32 points in four float32 lanes (columns mod 4, every operation
 * rounded with Math.fround — exact, as float64 has more than twice float32's precision) added
 * in float32 as (l0 + l1) + (l2 + l3), as its f32x4 does. Keep the two files in step.
 */
export class PortableKernel implements KMeansKernel {
  private readonly f64: Float64Array;
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;
  /** Where point rows and distance-centroid rows live: f64, or f32 in float32 mode. */
  private rows: Float64Array | Float32Array;
  private n = 0;
  private dp = 0;
  private k = 0;
  private chunkSize = 0;
  private statStride = 0;
  private single = false;
  private safe = 1;
  private upScale = 1;
  private downScale = 1;
  // Offsets in elements (f64 index unless named i32; `x` and `dist` index `rows`).
  private x = 0;
  private dist = 0;
  private assignI32 = 0;
  private upper = 0;
  private lower = 0;
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
    this.f32 = new Float32Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.rows = this.f64;
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
    singlePrecision: number,
    distCentroids: number,
    safeMargin: number,
    upMargin: number,
    downMargin: number,
  ): void {
    this.n = n;
    this.dp = dp;
    this.k = k;
    this.chunkSize = chunkSize;
    this.statStride = statStride;
    this.single = singlePrecision !== 0;
    this.rows = this.single ? this.f32 : this.f64;
    this.x = this.single ? x >> 2 : x >> 3;
    this.dist = this.single ? distCentroids >> 2 : centroids >> 3;
    this.safe = safeMargin;
    this.upScale = upMargin;
    this.downScale = downMargin;
    this.assignI32 = assign >> 2;
    this.upper = upper >> 3;
    this.lower = lower >> 3;
    this.halfMin = halfMin >> 3;
    this.drift = drift >> 3;
    this.sums = sums >> 3;
    this.counts = counts >> 3;
    this.stats = stats >> 3;
    this.candidatesI32 = candidates >> 2;
    this.countStride = countsPerChunk;
    this.sumsStride = sumsPerChunk;
  }

  /** Squared distance between the rows at element offsets `a` and `b` of `rows`. */
  private dist2(a: number, b: number): number {
    const end = a + this.dp;
    if (this.single) {
      const f = this.f32;
      const fr = Math.fround;
      let l0 = 0;
      let l1 = 0;
      let l2 = 0;
      let l3 = 0;
      while (a < end) {
        const d0 = fr(f[a]! - f[b]!);
        const d1 = fr(f[a + 1]! - f[b + 1]!);
        const d2 = fr(f[a + 2]! - f[b + 2]!);
        const d3 = fr(f[a + 3]! - f[b + 3]!);
        l0 = fr(l0 + fr(d0 * d0));
        l1 = fr(l1 + fr(d1 * d1));
        l2 = fr(l2 + fr(d2 * d2));
        l3 = fr(l3 + fr(d3 * d3));
        a += 4;
        b += 4;
      }
      return fr(fr(l0 + l1) + fr(l2 + l3));
    }
    const f = this.f64;
    let l0 = 0;
    let l1 = 0;
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
    const rows = this.rows;
    for (let j = 0; j < this.dp; j++)
      f[dst + j] = sign > 0 ? f[dst + j]! + rows[x + j]! : f[dst + j]! - rows[x + j]!;
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
        const d = this.dist2(x, this.dist + j * dp);
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
      f[this.upper + i] = Math.sqrt(best) * this.upScale;
      f[this.lower + i] = Math.sqrt(second) * this.downScale;
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
      if (u * this.safe > m) {
        const x = this.x + i * dp;
        u = Math.sqrt(this.dist2(x, this.dist + a * dp)) * this.upScale;
        if (u * this.safe > m) {
          scanned += 1;
          let best = Infinity;
          let second = Infinity;
          let bestIndex = 0;
          for (let j = 0; j < k; j++) {
            const d = this.dist2(x, this.dist + j * dp);
            if (d < best) {
              second = best;
              best = d;
              bestIndex = j;
            } else if (d < second) {
              second = d;
            }
          }
          u = Math.sqrt(best) * this.upScale;
          l = Math.sqrt(second) * this.downScale;
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
      for (let j = 0; j < this.dp; j++) f[out + j] = f[out + j]! + this.rows[x + j]!;
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
        const raw = this.rows[x + j]! - this.rows[this.dist + j]!;
        const v = this.single ? Math.fround(raw) : raw;
        this.rows[x + j] = v;
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
      const d = this.dist2(this.x + i * this.dp, this.dist + a * this.dp);
      f[this.upper + i] = Math.sqrt(d) * this.upScale;
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
