import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { createMatrix, matrixFromRows, type Matrix } from '../linalg/matrix.ts';
import { adjustedRandIndex } from './adjusted-rand-index.ts';
import {
  kmeans,
  kmeansKernelStatus,
  kmeansSync,
  type KMeansOptions,
  type KMeansResult,
} from './kmeans.ts';
import { gaussianBlobs, referenceLloyd } from './kmeans-test-data.ts';

const wasmBuilt = kmeansKernelStatus().backend === 'wasm-simd';
const backends = wasmBuilt ? (['wasm-simd', 'typescript'] as const) : (['typescript'] as const);

function expectSameResult(a: KMeansResult, b: KMeansResult): void {
  expect(b.assignments).toEqual(a.assignments);
  expect(Array.from(b.centroids.data)).toEqual(Array.from(a.centroids.data));
  expect(b.inertia).toBe(a.inertia);
  expect(b.iterations).toBe(a.iterations);
  expect(b.converged).toBe(a.converged);
}

function nearestInertia(points: Matrix, centroids: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < points.rows; i++) {
    let best = Infinity;
    for (const c of centroids) {
      let sum = 0;
      for (let t = 0; t < points.cols; t++) sum += (points.data[i * points.cols + t]! - c[t]!) ** 2;
      best = Math.min(best, sum);
    }
    total += best;
  }
  return total;
}

function rowsOf(matrix: Matrix): number[][] {
  return Array.from({ length: matrix.rows }, (_, i) =>
    Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)),
  );
}

describe('kmeans on four points', () => {
  // A(0,0) B(1,1) C(4,0) D(5,1), starting from A and B.
  // Iteration 1: A→0; B, C (16 vs 10) and D (26 vs 16) → 1: centroids (0,0), (10/3, 2/3).
  // Iteration 2: B is now nearer 0 (2 vs 50/9): centroids (0.5,0.5), (4.5,0.5).
  // Iteration 3: nothing changes, the centroids do not move: converged after 3 iterations.
  // Inertia: each point is at squared distance 0.25 + 0.25 from its centroid: 4 · 0.5 = 2.
  const points = matrixFromRows([
    [0, 0],
    [1, 1],
    [4, 0],
    [5, 1],
  ]);
  const initialCentroids = matrixFromRows([
    [0, 0],
    [1, 1],
  ]);

  for (const backend of backends) {
    for (const algorithm of ['lloyd', 'hamerly'] as const) {
      it(`reaches the hand-computed centroids in 3 iterations (${backend}, ${algorithm})`, async () => {
        const result = await kmeans(points, 2, {
          initialCentroids,
          tolerance: 0,
          backend,
          algorithm,
        });
        expect(Array.from(result.centroids.data)).toEqual([0.5, 0.5, 4.5, 0.5]);
        expect(Array.from(result.assignments)).toEqual([0, 0, 1, 1]);
        expect(result.inertia).toBe(2);
        expect(result.iterations).toBe(3);
        expect(result.converged).toBe(true);
      });
    }
  }

  it('stops at maxIterations, unconverged, with assignments of the returned centroids', async () => {
    // After one iteration the centroids are (0,0) and (10/3, 2/3); B is nearer (0,0) now.
    const result = await kmeans(points, 2, { initialCentroids, maxIterations: 1 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.centroids.data[2]).toBeCloseTo(10 / 3, 12);
    expect(result.centroids.data[3]).toBeCloseTo(2 / 3, 12);
    expect(Array.from(result.assignments)).toEqual([0, 0, 1, 1]);
    // A 0, B 2, C (2/3)² + (2/3)² = 8/9, D (5/3)² + (1/3)² = 26/9.
    expect(result.inertia).toBeCloseTo(2 + 8 / 9 + 26 / 9, 12);
  });

  it('gives every point its own cluster when k = n', async () => {
    const result = await kmeans(points, 4, { seed: 2 });
    expect(result.inertia).toBe(0);
    expect(new Set(result.assignments).size).toBe(4);
    for (let i = 0; i < 4; i++) {
      const a = result.assignments[i]!;
      expect(Array.from(result.centroids.data.subarray(a * 2, a * 2 + 2))).toEqual(
        Array.from(points.data.subarray(i * 2, i * 2 + 2)),
      );
    }
  });

  it('finds the best split from k-means++ restarts', async () => {
    const result = await kmeans(points, 2, { seed: 5 });
    expect(result.inertia).toBeCloseTo(2, 12);
    expect(adjustedRandIndex(result.assignments, [0, 0, 1, 1])).toBe(1);
  });
});

describe('kmeans empty clusters', () => {
  it('re-seeds an empty cluster with the point farthest from its centroid', async () => {
    // Nothing is near (100,100): cluster 1 is empty after the first assignment and takes D,
    // the point farthest from centroid 0. Then {A,B,C}/{D} → {A,B}/{C,D}.
    const points = matrixFromRows([
      [0, 0],
      [1, 0],
      [10, 0],
      [11, 0],
    ]);
    for (const backend of backends) {
      for (const algorithm of ['lloyd', 'hamerly'] as const) {
        const result = await kmeans(points, 2, {
          initialCentroids: matrixFromRows([
            [0, 0],
            [100, 100],
          ]),
          tolerance: 0,
          backend,
          algorithm,
        });
        expect(Array.from(result.centroids.data)).toEqual([0.5, 0, 10.5, 0]);
        expect(Array.from(result.assignments)).toEqual([0, 0, 1, 1]);
        expect(result.iterations).toBe(3);
      }
    }
  });

  it('leaves a cluster empty when there are fewer distinct points than k', async () => {
    const points = matrixFromRows([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    const result = await kmeans(points, 2, { seed: 3 });
    expect(Array.from(result.assignments)).toEqual([0, 0, 0]);
    expect(result.inertia).toBe(0);
    expect(Array.from(result.centroids.data)).toEqual([1, 2, 1, 2]);
  });
});

describe('kmeans on Gaussian blobs', () => {
  const blobs = gaussianBlobs(3000, 4, 5, 6, 11);

  it('recovers the blobs (adjusted Rand index >= 0.95)', async () => {
    const result = await kmeans(blobs.points, 5, { seed: 1 });
    expect(adjustedRandIndex(blobs.labels, result.assignments)).toBeGreaterThanOrEqual(0.95);
    expect(result.converged).toBe(true);
  });

  it('is deterministic for a seed', async () => {
    const a = await kmeans(blobs.points, 5, { seed: 9 });
    const b = await kmeans(blobs.points, 5, { seed: 9 });
    expectSameResult(a, b);
  });

  it('keeps the best of nInit restarts', async () => {
    const inertias: number[] = [];
    // tolerance 0: each restart ends on an iteration that changed nothing, so its last progress
    // report is its final inertia.
    const best = await kmeans(blobs.points, 8, {
      seed: 2,
      nInit: 3,
      tolerance: 0,
      onProgress: ({ restart, inertia }) => (inertias[restart] = inertia),
    });
    expect(inertias).toHaveLength(3);
    expect(best.inertia).toBeCloseTo(Math.min(...inertias), 6);
  });

  it('has an inertia within 1% of ml-kmeans from the same start', async () => {
    const initial = blobs.points.data.subarray(0, 5 * 4);
    const initialCentroids = createMatrix(5, 4, Float64Array.from(initial));
    const ours = await kmeans(blobs.points, 5, { initialCentroids, tolerance: 0 });
    const theirs = mlKmeans(rowsOf(blobs.points), 5, {
      initialization: rowsOf(initialCentroids),
      maxIterations: 300,
      tolerance: 0,
    });
    const theirInertia = nearestInertia(blobs.points, theirs.centroids);
    expect(Math.abs(ours.inertia - theirInertia) / theirInertia).toBeLessThan(0.01);
  });

  it('does not modify its inputs', async () => {
    const before = Float64Array.from(blobs.points.data);
    const initialCentroids = createMatrix(5, 4, blobs.points.data.slice(0, 20));
    const initialBefore = Float64Array.from(initialCentroids.data);
    await kmeans(blobs.points, 5, { initialCentroids });
    expect(blobs.points.data).toEqual(before);
    expect(initialCentroids.data).toEqual(initialBefore);
  });

  it('reports progress for every iteration, ending at the final inertia', async () => {
    const seen: { restart: number; iteration: number; inertia: number }[] = [];
    const result = await kmeans(blobs.points, 5, {
      seed: 4,
      nInit: 1,
      tolerance: 0,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.iteration)).toEqual(
      Array.from({ length: result.iterations }, (_, i) => i + 1),
    );
    expect(seen.every((p) => p.restart === 0)).toBe(true);
    // The last iteration changed nothing, so its assignment is the final one.
    expect(seen.at(-1)!.inertia).toBeCloseTo(result.inertia, 6);
    // Lloyd never increases the inertia.
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.inertia).toBeLessThanOrEqual(seen[i - 1]!.inertia * (1 + 1e-12));
  });
});

describe('kmeans accelerated paths agree with plain Lloyd', () => {
  // Overlapping blobs: many iterations, with points crossing boundaries late.
  const { points } = gaussianBlobs(12_000, 3, 6, 2, 5);
  const initialCentroids = createMatrix(6, 3, points.data.slice(0, 18));
  const reference = referenceLloyd(points, initialCentroids, 200);

  it('takes enough iterations to exercise the bounds', () => {
    expect(reference.iterations).toBeGreaterThan(10);
  });

  for (const backend of backends) {
    it(`Hamerly bounds and every-distance Lloyd match the textbook loop (${backend})`, async () => {
      const options: KMeansOptions = {
        initialCentroids,
        tolerance: 0,
        maxIterations: 200,
        backend,
      };
      const hamerly = await kmeans(points, 6, { ...options, algorithm: 'hamerly' });
      const lloyd = await kmeans(points, 6, { ...options, algorithm: 'lloyd' });
      for (const result of [hamerly, lloyd]) {
        expect(result.assignments).toEqual(reference.assignments);
        expect(result.iterations).toBe(reference.iterations);
        expect(Math.abs(result.inertia - reference.inertia) / reference.inertia).toBeLessThan(1e-6);
        for (let i = 0; i < reference.centroids.length; i++) {
          expect(result.centroids.data[i]).toBeCloseTo(reference.centroids[i]!, 9);
        }
      }
    });
  }

  it.runIf(wasmBuilt)(
    'gives bit-identical results on the WebAssembly and TypeScript kernels',
    async () => {
      for (const algorithm of ['hamerly', 'lloyd'] as const) {
        const wasm = await kmeans(points, 6, {
          seed: 3,
          nInit: 2,
          algorithm,
          backend: 'wasm-simd',
        });
        const ts = await kmeans(points, 6, { seed: 3, nInit: 2, algorithm, backend: 'typescript' });
        expectSameResult(wasm, ts);
      }
    },
  );

  it.runIf(wasmBuilt)('gives bit-identical results on 1, 2 and 3 threads', async () => {
    const single = await kmeans(points, 6, { seed: 8, nInit: 2, threads: 1 });
    for (const threads of [2, 3]) {
      expectSameResult(single, await kmeans(points, 6, { seed: 8, nInit: 2, threads }));
    }
  });

  it.runIf(wasmBuilt)('reuses kernel memory without carrying anything over', async () => {
    // Same shape, other values: the second fit gets the first one's (unzeroed) memory.
    const other = gaussianBlobs(12_000, 3, 6, 9, 77).points;
    await kmeans(other, 6, { seed: 1, backend: 'wasm-simd' });
    const reused = await kmeans(points, 6, { seed: 4, backend: 'wasm-simd' });
    expectSameResult(await kmeans(points, 6, { seed: 4, backend: 'typescript' }), reused);
  });

  it('kmeansSync gives the same result as kmeans', async () => {
    expectSameResult(
      await kmeans(points, 6, { seed: 6, threads: 1 }),
      kmeansSync(points, 6, { seed: 6 }),
    );
  });
});

describe('kmeans in float32', () => {
  const { points } = gaussianBlobs(12_000, 3, 6, 2, 5);
  const initialCentroids = createMatrix(6, 3, points.data.slice(0, 18));
  const base: KMeansOptions = {
    initialCentroids,
    tolerance: 0,
    maxIterations: 200,
    precision: 'float32',
  };

  it('fits the four points exactly (their values are float32 numbers)', async () => {
    const four = matrixFromRows([
      [0, 0],
      [1, 1],
      [4, 0],
      [5, 1],
    ]);
    for (const backend of backends) {
      const result = await kmeans(four, 2, {
        initialCentroids: matrixFromRows([
          [0, 0],
          [1, 1],
        ]),
        tolerance: 0,
        precision: 'float32',
        backend,
      });
      expect(Array.from(result.centroids.data)).toEqual([0.5, 0.5, 4.5, 0.5]);
      expect(result.iterations).toBe(3);
      expect(result.inertia).toBe(2);
    }
  });

  for (const backend of backends) {
    it(`Hamerly bounds give exactly the plain float32 Lloyd result (${backend})`, async () => {
      const hamerly = await kmeans(points, 6, { ...base, backend, algorithm: 'hamerly' });
      const lloyd = await kmeans(points, 6, { ...base, backend, algorithm: 'lloyd' });
      expectSameResult(hamerly, lloyd);
    });
  }

  it('stays within rounding of the float64 fit', async () => {
    const single = await kmeans(points, 6, base);
    const double = await kmeans(points, 6, { ...base, precision: 'float64' });
    expect(Math.abs(single.inertia - double.inertia) / double.inertia).toBeLessThan(1e-6);
    expect(adjustedRandIndex(double.assignments, single.assignments)).toBeGreaterThan(0.999);
  });

  it.runIf(wasmBuilt)('is bit-identical across kernels and thread counts', async () => {
    const options: KMeansOptions = { seed: 3, nInit: 2, precision: 'float32' };
    const wasm = await kmeans(points, 6, { ...options, backend: 'wasm-simd', threads: 1 });
    expectSameResult(wasm, await kmeans(points, 6, { ...options, backend: 'typescript' }));
    expectSameResult(wasm, await kmeans(points, 6, { ...options, threads: 2 }));
  });
});

describe('kmeans validation', () => {
  const points = matrixFromRows([
    [0, 0],
    [1, 1],
    [2, 2],
  ]);

  async function rejection(run: () => Promise<unknown>): Promise<EngineError> {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }

  it.each([
    [0, 'k'],
    [4, 'k'],
    [1.5, 'k'],
  ])('rejects k = %s', async (k, field) => {
    const error = await rejection(() => kmeans(points, k));
    expect(error.code).toBe('invalid_argument');
    expect(error.path).toEqual([field]);
    expect(error.message).toContain('k:');
  });

  it.each([
    ['nInit', { nInit: 0 }],
    ['maxIterations', { maxIterations: 0 }],
    ['tolerance', { tolerance: -1 }],
    ['tolerance', { tolerance: Number.NaN }],
    ['threads', { threads: 0 }],
    ['seed', { seed: Number.POSITIVE_INFINITY }],
    ['algorithm', { algorithm: 'elkan' as 'lloyd' }],
    ['precision', { precision: 'float16' as 'float32' }],
  ])('rejects a bad %s', async (field, options) => {
    const error = await rejection(() => kmeans(points, 2, options));
    expect(error.path).toEqual([field]);
    expect(error.message).toContain(`${field}:`);
  });

  it('names the non-finite cell', async () => {
    const bad = matrixFromRows([
      [0, 0],
      [1, Number.NaN],
      [2, 2],
    ]);
    const error = await rejection(() => kmeans(bad, 2));
    expect(error.path).toEqual(['points', 1, 1]);
    expect(error.message).toContain('row 1, column 1 is NaN');
    expect(() => kmeansSync(matrixFromRows([[Infinity]]), 1)).toThrow(
      /row 0, column 0 is Infinity/,
    );
  });

  it('rejects empty points and mismatched initial centroids', async () => {
    expect((await rejection(() => kmeans(createMatrix(0, 2), 1))).code).toBe('empty_input');
    const shape = await rejection(() =>
      kmeans(points, 2, {
        initialCentroids: matrixFromRows([
          [0, 0, 0],
          [1, 1, 1],
        ]),
      }),
    );
    expect(shape.code).toBe('shape_mismatch');
    expect(shape.path).toEqual(['initialCentroids']);
    expect(shape.message).toContain('expected 2 x 2');
    const nan = await rejection(() =>
      kmeans(points, 2, {
        initialCentroids: matrixFromRows([
          [0, 0],
          [Number.NaN, 1],
        ]),
      }),
    );
    expect(nan.path).toEqual(['initialCentroids', 1, 0]);
  });
});

describe('kmeans worker threads', () => {
  it.runIf(wasmBuilt)('do not keep the process alive after a threaded fit', () => {
    const module = fileURLToPath(new URL('./kmeans.ts', import.meta.url));
    const script = `(async () => {
      const { kmeans } = await import(${JSON.stringify(module)});
      const n = 20000, data = new Float64Array(n * 2);
      for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 1000;
      const result = await kmeans({ rows: n, cols: 2, data }, 3, { threads: 2, seed: 1 });
      console.log('fitted', result.assignments.length);
    })();`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('fitted 20000');
    expect(child.status).toBe(0);
  });
});
