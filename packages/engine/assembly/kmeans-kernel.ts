// AssemblyScript source of the k-means WebAssembly SIMD kernel (compiled by build-kernel.mjs).
//
// The kernel owns no memory: the driver (src/clustering/kmeans-driver.ts) lays out every
// buffer in one shared WebAssembly.Memory and passes the byte offsets to `configure`. Every
// other export works on one chunk of points, so threads split work by chunk and each chunk's
// partial sums land in its own slot: the driver adds the slots in chunk order, which makes
// the result independent of how many threads ran. src/clustering/kernel/portable-kernel.ts
// is the TypeScript twin of this file and must stay operation-for-operation identical
// (same summation order), so both backends give bit-identical results.

const STAT_CHANGED = 0;
const STAT_SUM = 1;
const STAT_SCANNED = 2;
const STAT_TRIALS = 3;
// Bounds are widened by a relative margin before a point is skipped, so rounding can never
// skip a point that the plain assignment would move. With float64 points only the bound
// arithmetic rounds (1e-12); with float32 points the distances themselves are off by up to
// (dp/4 + 4)·2^-24 of their square, so fresh bounds are widened by that (up/down) and the
// skip test by twice that (see kmeans-driver.ts, boundMargins).
let safe: f64 = 1;
let upScale: f64 = 1;
let downScale: f64 = 1;

// Float32 mode: points and the distance copy of the centroids are float32 (f32x4 lanes);
// sums, means and bounds stay float64.
let single: i32 = 0;
let rowBytes: usize = 0; // bytes per point row (and per distance-centroid row)
let distPtr: usize = 0; // [k, dp] centroids used for distances: float32 copy, or centroidsPtr

let n: i32 = 0;
let dp: i32 = 0; // feature count padded to a multiple of 2 (float32: of 4) — one vector per step
let k: i32 = 0;
let chunkSize: i32 = 0;
let statStride: i32 = 0;
let xPtr: usize = 0; // [n, dp] f64 (float32 mode: f32), centred points
let assignPtr: usize = 0; // [n] i32
let upperPtr: usize = 0; // [n] f64: upper bound on distance to own centroid (k-means++: D^2)
let lowerPtr: usize = 0; // [n] f64: lower bound on distance to every other centroid
let centroidsPtr: usize = 0; // [k, dp] f64
let halfMinPtr: usize = 0; // [k] f64: half the distance to the nearest other centroid
let driftPtr: usize = 0; // [k] f64: how far each centroid moved in the last update
let sumsPtr: usize = 0; // [chunks, k, dp] f64
let countsPtr: usize = 0; // [chunks, k] f64
let statPtr: usize = 0; // [chunks, statStride] f64
let candPtr: usize = 0; // [trials] i32: k-means++ candidate rows
// Per-chunk strides (in f64) of counts and of sums, padded to whole 128-byte lines so
// two threads on neighbouring chunks never write the same cache line.
let countStride: i32 = 0;
let sumsStride: i32 = 0;

export function configure(
  nPoints: i32,
  paddedDims: i32,
  clusters: i32,
  pointsPerChunk: i32,
  statsPerChunk: i32,
  points: usize,
  assignments: usize,
  upper: usize,
  lower: usize,
  centroids: usize,
  halfMin: usize,
  drift: usize,
  sums: usize,
  counts: usize,
  stats: usize,
  candidates: usize,
  countsPerChunk: i32,
  sumsPerChunk: i32,
  singlePrecision: i32,
  distCentroids: usize,
  safeMargin: f64,
  upMargin: f64,
  downMargin: f64,
): void {
  n = nPoints;
  dp = paddedDims;
  k = clusters;
  chunkSize = pointsPerChunk;
  statStride = statsPerChunk;
  xPtr = points;
  assignPtr = assignments;
  upperPtr = upper;
  lowerPtr = lower;
  centroidsPtr = centroids;
  halfMinPtr = halfMin;
  driftPtr = drift;
  sumsPtr = sums;
  countsPtr = counts;
  statPtr = stats;
  candPtr = candidates;
  countStride = countsPerChunk;
  sumsStride = sumsPerChunk;
  single = singlePrecision;
  rowBytes = (<usize>dp) << (single ? 2 : 3);
  distPtr = single ? distCentroids : centroids;
  safe = safeMargin;
  upScale = upMargin;
  downScale = downMargin;
}

function xRow(i: i32): usize {
  return xPtr + <usize>i * rowBytes;
}

function dRow(j: i32): usize {
  return distPtr + <usize>j * rowBytes;
}

// Squared distances accumulate in one f64x2 per centroid — lane 0 over even columns, lane 1
// over odd columns, in column order — and the lanes are added last. scanAll works on four
// centroids at once (independent accumulators keep the SIMD units busy) but keeps that exact
// order per centroid, so every distance is bit-identical however it was computed.
function dist2f64(a: usize, b: usize): f64 {
  let acc = f64x2.splat(0);
  const end = a + ((<usize>dp) << 3);
  while (a < end) {
    const diff = f64x2.sub(v128.load(a), v128.load(b));
    acc = f64x2.add(acc, f64x2.mul(diff, diff));
    a += 16;
    b += 16;
  }
  return f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
}

// Float32: one f32x4 accumulator, lane l over columns l mod 4, lanes added in float32 as
// (l0 + l1) + (l2 + l3).
function dist2f32(a: usize, b: usize): f64 {
  let acc = f32x4.splat(0);
  const end = a + rowBytes;
  while (a < end) {
    const diff = f32x4.sub(v128.load(a), v128.load(b));
    acc = f32x4.add(acc, f32x4.mul(diff, diff));
    a += 16;
    b += 16;
  }
  return lanes32(acc);
}

function lanes32(acc: v128): f64 {
  const pairs = f32x4.add(acc, v128.shuffle<f32>(acc, acc, 1, 0, 3, 2));
  return <f64>(f32x4.extract_lane(pairs, 0) + f32x4.extract_lane(pairs, 2));
}

// Four accumulators reduced at once: lanes [a.0 + a.1, a.2 + a.3, b.0 + b.1, b.2 + b.3] …
// then pairwise again, giving each distance exactly as lanes32 does.
function sums4f32(a0: v128, a1: v128, a2: v128, a3: v128): v128 {
  const p = f32x4.add(v128.shuffle<f32>(a0, a1, 0, 2, 4, 6), v128.shuffle<f32>(a0, a1, 1, 3, 5, 7));
  const q = f32x4.add(v128.shuffle<f32>(a2, a3, 0, 2, 4, 6), v128.shuffle<f32>(a2, a3, 1, 3, 5, 7));
  return f32x4.add(v128.shuffle<f32>(p, q, 0, 2, 4, 6), v128.shuffle<f32>(p, q, 1, 3, 5, 7));
}

// Two f64x2 accumulators reduced at once: [a.0 + a.1, b.0 + b.1].
function sums2f64(a: v128, b: v128): v128 {
  return f64x2.add(v128.shuffle<f64>(a, b, 0, 2), v128.shuffle<f64>(a, b, 1, 3));
}

function dist2(a: usize, b: usize): f64 {
  return single ? dist2f32(a, b) : dist2f64(a, b);
}

// Results of scanAll (AssemblyScript functions return one value).
let scanBest: f64 = 0;
let scanSecond: f64 = 0;
let scanIndex: i32 = 0;

// Results of dist2x4 (AssemblyScript functions return one value).
let quad0: f64 = 0;
let quad1: f64 = 0;
let quad2: f64 = 0;
let quad3: f64 = 0;

/** dist2 from `x` to four rows at once, each summed in dist2's order (so bit-identical). */
function dist2x4f64(x: usize, c0: usize, c1: usize, c2: usize, c3: usize): void {
  const rowBytes = (<usize>dp) << 3;
  let a0 = f64x2.splat(0);
  let a1 = f64x2.splat(0);
  let a2 = f64x2.splat(0);
  let a3 = f64x2.splat(0);
  for (let off: usize = 0; off < rowBytes; off += 16) {
    const xv = v128.load(x + off);
    const d0 = f64x2.sub(xv, v128.load(c0 + off));
    const d1 = f64x2.sub(xv, v128.load(c1 + off));
    const d2 = f64x2.sub(xv, v128.load(c2 + off));
    const d3 = f64x2.sub(xv, v128.load(c3 + off));
    a0 = f64x2.add(a0, f64x2.mul(d0, d0));
    a1 = f64x2.add(a1, f64x2.mul(d1, d1));
    a2 = f64x2.add(a2, f64x2.mul(d2, d2));
    a3 = f64x2.add(a3, f64x2.mul(d3, d3));
  }
  const r01 = sums2f64(a0, a1);
  const r23 = sums2f64(a2, a3);
  quad0 = f64x2.extract_lane(r01, 0);
  quad1 = f64x2.extract_lane(r01, 1);
  quad2 = f64x2.extract_lane(r23, 0);
  quad3 = f64x2.extract_lane(r23, 1);
}

function dist2x4f32(x: usize, c0: usize, c1: usize, c2: usize, c3: usize): void {
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  for (let off: usize = 0; off < rowBytes; off += 16) {
    const xv = v128.load(x + off);
    const d0 = f32x4.sub(xv, v128.load(c0 + off));
    const d1 = f32x4.sub(xv, v128.load(c1 + off));
    const d2 = f32x4.sub(xv, v128.load(c2 + off));
    const d3 = f32x4.sub(xv, v128.load(c3 + off));
    a0 = f32x4.add(a0, f32x4.mul(d0, d0));
    a1 = f32x4.add(a1, f32x4.mul(d1, d1));
    a2 = f32x4.add(a2, f32x4.mul(d2, d2));
    a3 = f32x4.add(a3, f32x4.mul(d3, d3));
  }
  const r = sums4f32(a0, a1, a2, a3);
  quad0 = <f64>f32x4.extract_lane(r, 0);
  quad1 = <f64>f32x4.extract_lane(r, 1);
  quad2 = <f64>f32x4.extract_lane(r, 2);
  quad3 = <f64>f32x4.extract_lane(r, 3);
}

function dist2x4(x: usize, c0: usize, c1: usize, c2: usize, c3: usize): void {
  if (single) dist2x4f32(x, c0, c1, c2, c3);
  else dist2x4f64(x, c0, c1, c2, c3);
}

/**
 * Nearest and second-nearest centroid of the point at `x` (lowest index on a tie), four
 * centroids per pass. The running best is kept in locals and stored to the scan globals once.
 */
function scanAll(x: usize): void {
  // Distances are never negative, so their bit patterns order like the numbers: compared as
  // integers, the running best is kept with conditional moves instead of branches (which the
  // data makes unpredictable: they cost about half the scan time).
  let best = reinterpret<i64>(Infinity);
  let second = best;
  let index = 0;
  let j = 0;
  for (; j + 4 <= k; j += 4) {
    const c0 = dRow(j);
    const c1 = c0 + rowBytes;
    const c2 = c1 + rowBytes;
    const c3 = c2 + rowBytes;
    let e0: f64;
    let e1: f64;
    let e2: f64;
    let e3: f64;
    if (single) {
      let a0 = f32x4.splat(0);
      let a1 = f32x4.splat(0);
      let a2 = f32x4.splat(0);
      let a3 = f32x4.splat(0);
      for (let off: usize = 0; off < rowBytes; off += 16) {
        const xv = v128.load(x + off);
        const d0 = f32x4.sub(xv, v128.load(c0 + off));
        const d1 = f32x4.sub(xv, v128.load(c1 + off));
        const d2 = f32x4.sub(xv, v128.load(c2 + off));
        const d3 = f32x4.sub(xv, v128.load(c3 + off));
        a0 = f32x4.add(a0, f32x4.mul(d0, d0));
        a1 = f32x4.add(a1, f32x4.mul(d1, d1));
        a2 = f32x4.add(a2, f32x4.mul(d2, d2));
        a3 = f32x4.add(a3, f32x4.mul(d3, d3));
      }
      const r = sums4f32(a0, a1, a2, a3);
      e0 = <f64>f32x4.extract_lane(r, 0);
      e1 = <f64>f32x4.extract_lane(r, 1);
      e2 = <f64>f32x4.extract_lane(r, 2);
      e3 = <f64>f32x4.extract_lane(r, 3);
    } else {
      let a0 = f64x2.splat(0);
      let a1 = f64x2.splat(0);
      let a2 = f64x2.splat(0);
      let a3 = f64x2.splat(0);
      for (let off: usize = 0; off < rowBytes; off += 16) {
        const xv = v128.load(x + off);
        const d0 = f64x2.sub(xv, v128.load(c0 + off));
        const d1 = f64x2.sub(xv, v128.load(c1 + off));
        const d2 = f64x2.sub(xv, v128.load(c2 + off));
        const d3 = f64x2.sub(xv, v128.load(c3 + off));
        a0 = f64x2.add(a0, f64x2.mul(d0, d0));
        a1 = f64x2.add(a1, f64x2.mul(d1, d1));
        a2 = f64x2.add(a2, f64x2.mul(d2, d2));
        a3 = f64x2.add(a3, f64x2.mul(d3, d3));
      }
      const r01 = sums2f64(a0, a1);
      const r23 = sums2f64(a2, a3);
      e0 = f64x2.extract_lane(r01, 0);
      e1 = f64x2.extract_lane(r01, 1);
      e2 = f64x2.extract_lane(r23, 0);
      e3 = f64x2.extract_lane(r23, 1);
    }
    const b0 = reinterpret<i64>(e0);
    second = select<i64>(best, select<i64>(b0, second, b0 < second), b0 < best);
    index = select<i32>(j, index, b0 < best);
    best = select<i64>(b0, best, b0 < best);
    const b1 = reinterpret<i64>(e1);
    second = select<i64>(best, select<i64>(b1, second, b1 < second), b1 < best);
    index = select<i32>(j + 1, index, b1 < best);
    best = select<i64>(b1, best, b1 < best);
    const b2 = reinterpret<i64>(e2);
    second = select<i64>(best, select<i64>(b2, second, b2 < second), b2 < best);
    index = select<i32>(j + 2, index, b2 < best);
    best = select<i64>(b2, best, b2 < best);
    const b3 = reinterpret<i64>(e3);
    second = select<i64>(best, select<i64>(b3, second, b3 < second), b3 < best);
    index = select<i32>(j + 3, index, b3 < best);
    best = select<i64>(b3, best, b3 < best);
  }
  for (; j < k; j++) {
    const e = reinterpret<i64>(dist2(x, dRow(j)));
    second = select<i64>(best, select<i64>(e, second, e < second), e < best);
    index = select<i32>(j, index, e < best);
    best = select<i64>(e, best, e < best);
  }
  scanBest = reinterpret<f64>(best);
  scanSecond = reinterpret<f64>(second);
  scanIndex = index;
}

/** dst (float64 row) += the point row at src (promoted from float32 in float32 mode). */
function addRow(dst: usize, src: usize): void {
  const end = dst + ((<usize>dp) << 3);
  if (single) {
    while (dst < end) {
      const v = v128.load(src);
      v128.store(dst, f64x2.add(v128.load(dst), f64x2.promote_low_f32x4(v)));
      const high = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
      v128.store(dst, f64x2.add(v128.load(dst, 16), high), 16);
      dst += 32;
      src += 16;
    }
    return;
  }
  while (dst < end) {
    v128.store(dst, f64x2.add(v128.load(dst), v128.load(src)));
    dst += 16;
    src += 16;
  }
}

/** dst (float64 row) −= the point row at src. */
function subRow(dst: usize, src: usize): void {
  const end = dst + ((<usize>dp) << 3);
  if (single) {
    while (dst < end) {
      const v = v128.load(src);
      v128.store(dst, f64x2.sub(v128.load(dst), f64x2.promote_low_f32x4(v)));
      const high = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
      v128.store(dst, f64x2.sub(v128.load(dst, 16), high), 16);
      dst += 32;
      src += 16;
    }
    return;
  }
  while (dst < end) {
    v128.store(dst, f64x2.sub(v128.load(dst), v128.load(src)));
    dst += 16;
    src += 16;
  }
}

function chunkEnd(start: i32): i32 {
  const end = start + chunkSize;
  return end < n ? end : n;
}

function statAt(chunk: i32, slot: i32): usize {
  return statPtr + ((<usize>(chunk * statStride + slot)) << 3);
}

function chunkSums(chunk: i32): usize {
  return sumsPtr + ((<usize>chunk * <usize>sumsStride) << 3);
}

function clearChunkSums(chunk: i32): void {
  memory.fill(chunkSums(chunk), 0, (<usize>(k * dp)) << 3);
  memory.fill(countsPtr + ((<usize>(chunk * countStride)) << 3), 0, (<usize>k) << 3);
}

function addMember(chunk: i32, cluster: i32, x: usize): void {
  const slot = chunk * countStride + cluster;
  addRow(chunkSums(chunk) + ((<usize>cluster * <usize>dp) << 3), x);
  const countAt = countsPtr + ((<usize>slot) << 3);
  store<f64>(countAt, load<f64>(countAt) + 1);
}

function removeMember(chunk: i32, cluster: i32, x: usize): void {
  const slot = chunk * countStride + cluster;
  subRow(chunkSums(chunk) + ((<usize>cluster * <usize>dp) << 3), x);
  const countAt = countsPtr + ((<usize>slot) << 3);
  store<f64>(countAt, load<f64>(countAt) - 1);
}

/**
 * Plain Lloyd assignment of one chunk: every distance, nearest centroid (lowest index on a
 * tie), exact bounds, and the chunk's cluster sums rebuilt from scratch.
 * Stats: changed assignments, sum of squared distances to the nearest centroid.
 */
export function lloydChunk(chunk: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  clearChunkSums(chunk);
  let changed: f64 = 0;
  let inertia: f64 = 0;
  for (let i = start; i < end; i++) {
    const x = xRow(i);
    scanAll(x);
    const best = scanBest;
    const second = scanSecond;
    const bestIndex = scanIndex;
    const assignAt = assignPtr + ((<usize>i) << 2);
    if (load<i32>(assignAt) != bestIndex) changed += 1;
    store<i32>(assignAt, bestIndex);
    store<f64>(upperPtr + ((<usize>i) << 3), Math.sqrt(best) * upScale);
    store<f64>(lowerPtr + ((<usize>i) << 3), Math.sqrt(second) * downScale);
    addMember(chunk, bestIndex, x);
    inertia += best;
  }
  store<f64>(statAt(chunk, STAT_CHANGED), changed);
  store<f64>(statAt(chunk, STAT_SUM), inertia);
}

/**
 * Hamerly's accelerated assignment of one chunk. The bounds are first moved by the centroid
 * drifts; a point is examined only when its upper bound exceeds both half the distance from
 * its centroid to the nearest other one and its lower bound. Moved points update the chunk's
 * sums incrementally. Stats: changed assignments.
 */
export function hamerlyChunk(
  chunk: i32,
  maxDrift: f64,
  secondDrift: f64,
  maxDriftIndex: i32,
): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  let changed: f64 = 0;
  let scanned: f64 = 0;
  for (let i = start; i < end; i++) {
    const assignAt = assignPtr + ((<usize>i) << 2);
    const upperAt = upperPtr + ((<usize>i) << 3);
    const lowerAt = lowerPtr + ((<usize>i) << 3);
    const a = load<i32>(assignAt);
    let u = load<f64>(upperAt) + load<f64>(driftPtr + ((<usize>a) << 3));
    let l = load<f64>(lowerAt) - (a == maxDriftIndex ? secondDrift : maxDrift);
    const half = load<f64>(halfMinPtr + ((<usize>a) << 3));
    const m = half > l ? half : l;
    if (u * safe > m) {
      const x = xRow(i);
      u = Math.sqrt(dist2(x, dRow(a))) * upScale;
      if (u * safe > m) {
        scanned += 1;
        scanAll(x);
        const bestIndex = scanIndex;
        u = Math.sqrt(scanBest) * upScale;
        l = Math.sqrt(scanSecond) * downScale;
        if (bestIndex != a) {
          removeMember(chunk, a, x);
          addMember(chunk, bestIndex, x);
          store<i32>(assignAt, bestIndex);
          changed += 1;
        }
      }
    }
    store<f64>(upperAt, u);
    store<f64>(lowerAt, l);
  }
  store<f64>(statAt(chunk, STAT_CHANGED), changed);
  store<f64>(statAt(chunk, STAT_SCANNED), scanned);
}

/**
 * Loading, step 1: the chunk's per-column sums of the raw points, into the chunk's first
 * row of `sums` (rebuilt by the first assignment anyway).
 */
export function columnSumsChunk(chunk: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  const out = chunkSums(chunk);
  memory.fill(out, 0, (<usize>dp) << 3);
  for (let i = start; i < end; i++) addRow(out, xRow(i));
}

/**
 * Loading, step 2: subtracts the column means (held in the first distance-centroid row) from
 * the chunk's points and leaves the per-column sums of squares of the result (in float64) in
 * the chunk's first row of `sums`.
 */
export function centerChunk(chunk: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  const out = chunkSums(chunk);
  memory.fill(out, 0, (<usize>dp) << 3);
  for (let i = start; i < end; i++) {
    const x = xRow(i);
    if (single) {
      for (let off: usize = 0; off < rowBytes; off += 16) {
        const v = f32x4.sub(v128.load(x + off), v128.load(distPtr + off));
        v128.store(x + off, v);
        const low = f64x2.promote_low_f32x4(v);
        const high = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
        const o = out + (off << 1);
        v128.store(o, f64x2.add(v128.load(o), f64x2.mul(low, low)));
        v128.store(o, f64x2.add(v128.load(o, 16), f64x2.mul(high, high)), 16);
      }
    } else {
      for (let off: usize = 0; off < rowBytes; off += 16) {
        const v = f64x2.sub(v128.load(x + off), v128.load(centroidsPtr + off));
        v128.store(x + off, v);
        v128.store(out + off, f64x2.add(v128.load(out + off), f64x2.mul(v, v)));
      }
    }
  }
}

/** Exact squared distance of each point to its assigned centroid: upper = its root. Stats: the sum. */
export function assignedDistChunk(chunk: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  let total: f64 = 0;
  for (let i = start; i < end; i++) {
    const a = load<i32>(assignPtr + ((<usize>i) << 2));
    const d = dist2(xRow(i), dRow(a));
    store<f64>(upperPtr + ((<usize>i) << 3), Math.sqrt(d) * upScale);
    total += d;
  }
  store<f64>(statAt(chunk, STAT_SUM), total);
}

/**
 * k-means++ bookkeeping: upper[i] becomes the squared distance from point i to the nearest
 * chosen centre (`first`: the only one so far). Stats: the chunk's sum of those values.
 */
export function ppDistChunk(chunk: i32, centerRow: i32, first: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  const c = xRow(centerRow);
  let total: f64 = 0;
  for (let i = start; i < end; i++) {
    const at = upperPtr + ((<usize>i) << 3);
    let d = dist2(xRow(i), c);
    if (!first) d = minDistance(load<f64>(at), d);
    store<f64>(at, d);
    total += d;
  }
  store<f64>(statAt(chunk, STAT_SUM), total);
}

/** Greedy k-means++ trials: for each candidate row, the chunk's potential if it were added. */
export function ppTrialChunk(chunk: i32, trials: i32): void {
  const start = chunk * chunkSize;
  const end = chunkEnd(start);
  for (let t = 0; t < trials; t++) store<f64>(statAt(chunk, STAT_TRIALS + t), 0);
  for (let i = start; i < end; i++) {
    const x = xRow(i);
    const current = load<f64>(upperPtr + ((<usize>i) << 3));
    let t = 0;
    for (; t + 4 <= trials; t += 4) {
      dist2x4(x, candidateRow(t), candidateRow(t + 1), candidateRow(t + 2), candidateRow(t + 3));
      addTrial(chunk, t, minDistance(quad0, current));
      addTrial(chunk, t + 1, minDistance(quad1, current));
      addTrial(chunk, t + 2, minDistance(quad2, current));
      addTrial(chunk, t + 3, minDistance(quad3, current));
    }
    for (; t < trials; t++) {
      const d = dist2(x, candidateRow(t));
      addTrial(chunk, t, minDistance(d, current));
    }
  }
}

function candidateRow(t: i32): usize {
  return xRow(load<i32>(candPtr + ((<usize>t) << 2)));
}

/** `a < b ? a : b` for distances, as a conditional move on their bit patterns (see scanAll). */
function minDistance(a: f64, b: f64): f64 {
  const ia = reinterpret<i64>(a);
  const ib = reinterpret<i64>(b);
  return reinterpret<f64>(select<i64>(ia, ib, ia < ib));
}

function addTrial(chunk: i32, t: i32, value: f64): void {
  const at = statAt(chunk, STAT_TRIALS + t);
  store<f64>(at, load<f64>(at) + value);
}
