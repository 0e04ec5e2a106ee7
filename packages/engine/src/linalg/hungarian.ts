import { EngineError } from '../errors.ts';

/**
 * Minimum-cost assignment (Hungarian algorithm, O(n³), Jonker–Volgenant style potentials) on a
 * rectangular cost matrix `[rows][cols]`. Every row is matched to a distinct column when
 * `rows <= cols`; otherwise every column is matched to a distinct row.
 *
 * @returns for each row, the matched column or -1
 * @example
 * minimumCostAssignment([[4, 1], [2, 0]]); // [1, 0] (total cost 3)
 */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): Int32Array {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  if (cost.some((row) => row.length !== cols)) {
    throw new EngineError(
      'shape_mismatch',
      'every row of the cost matrix must have the same length',
    );
  }
  if (rows === 0 || cols === 0) return new Int32Array(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => cost.map((row) => row[c]!));
    const byColumn = minimumCostAssignment(transposed);
    const result = new Int32Array(rows).fill(-1);
    byColumn.forEach((row, column) => {
      if (row >= 0) result[row] = column;
    });
    return result;
  }
  // 1-based potentials u (rows) and v (columns); p[column] = row matched to it.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j]! > 0) result[p[j]! - 1] = j - 1;
  return result;
}
