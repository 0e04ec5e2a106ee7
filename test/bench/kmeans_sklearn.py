"""scikit-learn side of test/bench/kmeans.bench.ts.

Reads the benchmark's points (float32, row-major [n, d]) and initial centroids (float32 [k, d])
from raw files and times KMeans(algorithm="lloyd") on them, printing one JSON object.

usage: kmeans_sklearn.py POINTS CENTROIDS N D K REPEATS FULL_FIT_SEED
"""
import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info


def main() -> None:
    points_file, centroids_file = sys.argv[1], sys.argv[2]
    n, d, k, repeats, seed = (int(v) for v in sys.argv[3:8])
    points32 = np.fromfile(points_file, dtype=np.float32).reshape(n, d)
    init32 = np.fromfile(centroids_file, dtype=np.float32).reshape(k, d)
    report = {
        "version": sklearn.__version__,
        "threads": max((p.get("num_threads", 1) for p in threadpool_info()), default=1),
    }

    def lloyd(points, init):
        times, cpu_times, iterations, inertia = [], [], None, None
        for _ in range(repeats):
            model = KMeans(n_clusters=k, init=init, n_init=1, max_iter=20, tol=0, algorithm="lloyd")
            start, cpu_start = time.perf_counter(), time.process_time()
            model.fit(points)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            iterations, inertia = int(model.n_iter_), float(model.inertia_)
        return {
            "medianMs": statistics.median(times),
            "medianCpuMs": statistics.median(cpu_times),
            "iterations": iterations,
            "inertia": inertia,
        }

    report["lloyd20Float32"] = lloyd(points32, init32)
    points64 = points32.astype(np.float64)
    report["lloyd20Float64"] = lloyd(points64, init32.astype(np.float64))
    del points64

    # Full fit as our default: k-means++ (greedy), 4 restarts, tol 1e-4, max 300 iterations.
    model = KMeans(n_clusters=k, n_init=4, tol=1e-4, max_iter=300, algorithm="lloyd", random_state=seed)
    start, cpu_start = time.perf_counter(), time.process_time()
    model.fit(points32)
    report["fullFitFloat32"] = {
        "ms": (time.perf_counter() - start) * 1000,
        "cpuMs": (time.process_time() - cpu_start) * 1000,
        "iterations": int(model.n_iter_),
        "inertia": float(model.inertia_),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
