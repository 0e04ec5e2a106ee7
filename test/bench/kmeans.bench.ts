import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kmeans as mlKmeans } from 'ml-kmeans';
import {
  kmeans,
  kmeansKernelStatus,
  type KMeansOptions,
} from '../../packages/engine/src/clustering/index.ts';
import { createMatrix, type Matrix } from '../../packages/engine/src/linalg/matrix.ts';
import { createRng, sampleIndices } from '../../packages/engine/src/random/prng.ts';
import { median, type BenchSuite } from './suite.ts';

/**
 * k-means speed: our kernel (1 and 2 threads, with and without Hamerly bounds) against
 * ml-kmeans and, when installed, scikit-learn — 20 Lloyd iterations from the same initial
 * centroids on the same float32-representable data, plus a full fit (seeding + restarts).
 *
 * `pnpm bench kmeans` runs the recorded sizes (100k and 1M points); `--quick` (or
 * KMEANS_BENCH_QUICK=1) runs 20k and 100k for development.
 */
const quick = process.argv.includes('--quick') || process.env.KMEANS_BENCH_QUICK === '1';
const SIZES = quick ? [20_000, 100_000] : [100_000, 1_000_000];
const D = 16;
const K = 8;
const ITERATIONS = 20;

/**
 * Seeded Gaussian blobs, rounded to float32 so every implementation sees the same numbers: K
 * centres uniform in [−1, 1]^D with unit noise — blobs that overlap like customer
 * segments do, so Lloyd is still moving points after 20 iterations.
 */
function blobs(n: number, seed: number): Matrix {
  const rng = createRng(seed);
  const centres = Float64Array.from({ length: K * D }, () => rng.nextFloat() * 2 - 1);
  const points = createMatrix(n, D);
  for (let i = 0; i < n; i++) {
    const c = (i % K) * D;
    for (let j = 0; j < D; j++) {
      points.data[i * D + j] = Math.fround(centres[c + j]! + rng.nextNormal());
    }
  }
  return points;
}

function rowsOf(matrix: Matrix): number[][] {
  return Array.from({ length: matrix.rows }, (_, i) =>
    Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)),
  );
}

/** Σᵢ minⱼ ‖xᵢ − cⱼ‖²: the inertia of `centroids` (from any library) on `points`. */
function inertiaOf(points: Matrix, centroids: readonly (readonly number[])[]): number {
  const flat = Float64Array.from(centroids.flat());
  let total = 0;
  for (let i = 0; i < points.rows; i++) {
    let best = Infinity;
    for (let j = 0; j < centroids.length; j++) {
      let sum = 0;
      for (let t = 0; t < D; t++) sum += (points.data[i * D + t]! - flat[j * D + t]!) ** 2;
      if (sum < best) best = sum;
    }
    total += best;
  }
  return total;
}

/** Wall time and CPU time (all threads of this process) of one call. */
async function timed<T>(
  run: () => Promise<T> | T,
): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

interface Measured {
  readonly name: string;
  readonly msPerIteration: number;
  /** CPU time of all the implementation's threads per iteration. */
  readonly cpuMsPerIteration: number;
  readonly iterations: number;
  readonly inertia: number;
}

interface SklearnReport {
  version: string;
  threads: number;
  lloyd20Float32: { medianMs: number; medianCpuMs: number; iterations: number; inertia: number };
  lloyd20Float64: { medianMs: number; medianCpuMs: number; iterations: number; inertia: number };
  fullFitFloat32: { ms: number; cpuMs: number; iterations: number; inertia: number };
}

/** The first python3 that imports scikit-learn, or undefined. */
function findSklearnPython(): string | undefined {
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    const probe = spawnSync(python, ['-c', 'import sklearn, threadpoolctl'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

function runSklearn(
  python: string,
  points: Matrix,
  initial: Matrix,
  repeats: number,
): SklearnReport | string {
  const dir = mkdtempSync(join(tmpdir(), 'kmeans-bench-'));
  try {
    const pointsFile = join(dir, 'points.f32');
    const centroidsFile = join(dir, 'centroids.f32');
    writeFileSync(pointsFile, new Float32Array(points.data));
    writeFileSync(centroidsFile, new Float32Array(initial.data));
    const script = fileURLToPath(new URL('./kmeans_sklearn.py', import.meta.url));
    const run = spawnSync(
      python,
      [script, pointsFile, centroidsFile, ...[points.rows, D, K, repeats, 0].map(String)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (run.status !== 0) return `failed: ${run.stderr.trim().split('\n').at(-1) ?? ''}`;
    return JSON.parse(run.stdout) as SklearnReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const suite: BenchSuite = {
  name: 'kmeans',
  description:
    `k-means, ${D} features, k = ${K}, seeded overlapping Gaussian blobs (float32 values). ` +
    `"Per iteration": ${ITERATIONS} Lloyd iterations from the same initial centroids (tolerance 0, ` +
    `maxIterations ${ITERATIONS}), whole call (copy, threads, final assignment) ÷ iterations, ` +
    `median of repeats. "Full fit": k-means++ seeding and restarts, each library's defaults.`,
  async run() {
    const status = kmeansKernelStatus();
    const python = findSklearnPython();
    const loadBefore = loadavg()[0]!.toFixed(1);
    const lines: string[] = [
      `Kernel: ${status.backend}${status.reason ? ` (${status.reason})` : ''}. ` +
        `scikit-learn: ${python ? 'see rows' : 'not installed (python3 -c "import sklearn" fails)'}.`,
      '',
    ];
    for (const n of SIZES) {
      const repeats = n >= 1_000_000 ? 3 : 5;
      const points = blobs(n, 42);
      const initial = createMatrix(K, D);
      sampleIndices(n, K, createRng(7)).forEach((row, j) =>
        initial.data.set(points.data.subarray(row * D, (row + 1) * D), j * D),
      );
      const measured: Measured[] = [];

      const ours = async (name: string, options: KMeansOptions): Promise<void> => {
        const times: number[] = [];
        const cpuTimes: number[] = [];
        let last;
        for (let r = 0; r < repeats; r++) {
          const { ms, cpuMs, value } = await timed(() =>
            kmeans(points, K, {
              ...options,
              initialCentroids: initial,
              tolerance: 0,
              maxIterations: ITERATIONS,
            }),
          );
          times.push(ms / value.iterations);
          cpuTimes.push(cpuMs / value.iterations);
          last = value;
        }
        measured.push({
          name,
          msPerIteration: median(times),
          cpuMsPerIteration: median(cpuTimes),
          iterations: last!.iterations,
          inertia: last!.inertia,
        });
        console.log(`  n=${n} ${name}: ${fmt(median(times))} ms/iteration`);
      };
      for (const precision of ['float64', 'float32'] as const) {
        for (const threads of [1, 2]) {
          const label = `${threads} thread${threads > 1 ? 's' : ''}, ${precision}`;
          await ours(`tagwise, Hamerly bounds, ${label}`, { threads, precision });
          await ours(`tagwise, plain Lloyd, ${label}`, { threads, precision, algorithm: 'lloyd' });
        }
      }
      if (n <= 100_000) {
        await ours('tagwise TypeScript kernel, Hamerly, 1 thread, float64', {
          backend: 'typescript',
        });
      }

      const data = rowsOf(points);
      const start = rowsOf(initial);
      {
        const times: number[] = [];
        const cpuTimes: number[] = [];
        let last;
        for (let r = 0; r < Math.min(repeats, 3); r++) {
          // tolerance −1: ml-kmeans stops when no centroid moves more than the tolerance, so
          // this forces exactly maxIterations steps.
          const { ms, cpuMs, value } = await timed(() =>
            mlKmeans(data, K, { initialization: start, maxIterations: ITERATIONS, tolerance: -1 }),
          );
          times.push(ms / value.iterations);
          cpuTimes.push(cpuMs / value.iterations);
          last = value;
        }
        const inertia = inertiaOf(points, last!.centroids);
        measured.push({
          name: 'ml-kmeans 7',
          msPerIteration: median(times),
          cpuMsPerIteration: median(cpuTimes),
          iterations: last!.iterations,
          inertia,
        });
        console.log(`  n=${n} ml-kmeans: ${fmt(median(times))} ms/iteration`);
      }

      let sklearn: SklearnReport | string = 'not installed';
      if (python) {
        sklearn = runSklearn(python, points, initial, repeats);
        if (typeof sklearn !== 'string') {
          for (const [label, r] of [
            ['float32', sklearn.lloyd20Float32],
            ['float64', sklearn.lloyd20Float64],
          ] as const) {
            measured.push({
              name: `scikit-learn ${sklearn.version} (lloyd, ${label}, ${sklearn.threads} threads)`,
              msPerIteration: r.medianMs / r.iterations,
              cpuMsPerIteration: r.medianCpuMs / r.iterations,
              iterations: r.iterations,
              inertia: r.inertia,
            });
          }
        }
      }

      const ml = measured.find((m) => m.name.startsWith('ml-kmeans'))!;
      const sk = measured.find(
        (m) => m.name.startsWith('scikit-learn') && m.name.includes('float32'),
      );
      lines.push(`### ${n.toLocaleString('en-US')} points × ${D} features, k = ${K}`, '');
      lines.push(
        `| implementation | ms / iteration | CPU ms / iteration | iterations | inertia | ml-kmeans ÷ this (wall, CPU) | this ÷ scikit-learn f32 (wall, CPU) |`,
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const m of measured) {
        lines.push(
          `| ${m.name} | ${fmt(m.msPerIteration)} | ${fmt(m.cpuMsPerIteration)} | ${m.iterations} | ${m.inertia.toExponential(6)} | ` +
            `${(ml.msPerIteration / m.msPerIteration).toFixed(1)}×, ${(ml.cpuMsPerIteration / m.cpuMsPerIteration).toFixed(1)}× | ` +
            `${sk ? `${(m.msPerIteration / sk.msPerIteration).toFixed(2)}, ${(m.cpuMsPerIteration / sk.cpuMsPerIteration).toFixed(2)}` : '—'} |`,
        );
      }
      if (typeof sklearn === 'string') lines.push('', `scikit-learn: ${sklearn}.`);

      // Full fits: our defaults (k-means++, 4 restarts, tolerance 1e-4) and one restart, against
      // ml-kmeans' defaults (k-means++ with local trials, one run, 100 iterations at most,
      // tolerance 1e-6 on centroid moves) and scikit-learn with our defaults.
      const fullRows: string[] = [];
      const fullFit = async (
        name: string,
        options: KMeansOptions,
      ): Promise<{ ms: number; cpuMs: number }> => {
        const times: number[] = [];
        const cpuTimes: number[] = [];
        let last;
        for (let r = 0; r < 3; r++) {
          const { ms, cpuMs, value } = await timed(() =>
            kmeans(points, K, { seed: r, ...options }),
          );
          times.push(ms);
          cpuTimes.push(cpuMs);
          last = value;
        }
        fullRows.push(
          `| ${name} | ${fmt(median(times))} | ${fmt(median(cpuTimes))} | ${last!.iterations} | ${last!.inertia.toExponential(6)} |`,
        );
        console.log(`  n=${n} full fit ${name}: ${fmt(median(times))} ms`);
        return { ms: median(times), cpuMs: median(cpuTimes) };
      };
      const oursDefault = await fullFit('tagwise defaults (nInit 4)', {});
      const oursOne = await fullFit('tagwise, nInit 1', { nInit: 1 });
      await fullFit('tagwise, nInit 1, float32', { nInit: 1, precision: 'float32' });
      const mlFull = await timed(() => mlKmeans(data, K, { seed: 1 }));
      const mlInertia = inertiaOf(points, mlFull.value.centroids);
      fullRows.push(
        `| ml-kmeans defaults (one run) | ${fmt(mlFull.ms)} | ${fmt(mlFull.cpuMs)} | ${mlFull.value.iterations} | ${mlInertia.toExponential(6)} |`,
      );
      console.log(`  n=${n} full fit ml-kmeans: ${fmt(mlFull.ms)} ms`);
      if (typeof sklearn !== 'string') {
        fullRows.push(
          `| scikit-learn, nInit 4, tol 1e-4 (float32) | ${fmt(sklearn.fullFitFloat32.ms)} | ${fmt(sklearn.fullFitFloat32.cpuMs)} | ${sklearn.fullFitFloat32.iterations} | ${sklearn.fullFitFloat32.inertia.toExponential(6)} |`,
        );
      }
      lines.push(
        '',
        `Full fit (median of 3 for tagwise, one run for the others):`,
        '',
        '| implementation | ms | CPU ms | iterations (best run) | inertia |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...fullRows,
        '',
        `ml-kmeans full fit ÷ tagwise (wall; CPU): ` +
          `${(mlFull.ms / oursOne.ms).toFixed(1)}×; ${(mlFull.cpuMs / oursOne.cpuMs).toFixed(1)}× (nInit 1), ` +
          `${(mlFull.ms / oursDefault.ms).toFixed(1)}×; ${(mlFull.cpuMs / oursDefault.cpuMs).toFixed(1)}× (nInit 4).`,
        '',
      );
    }
    lines.push(
      `Load average (1 min) ${loadBefore} at the start, ${loadavg()[0]!.toFixed(1)} at the end: ` +
        `on a machine shared with other work, wall times include waiting for a core; ` +
        `"CPU ms" (all threads of the process) does not.`,
    );
    return lines.join('\n');
  },
};

export default suite;
