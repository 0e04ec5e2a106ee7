import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churnDatasetFromRows,
  churnModelFromBytes,
  churnModelFromJson,
  churnModelToBytes,
  churnModelToJson,
  createRng,
  crossValidateChurn,
  designContributions,
  disposeChurnModel,
  EngineError,
  encodeColumnChunk,
  encodeTable,
  applyChurnDesign,
  fitChurnDesign,
  labelsFromColumn,
  memberLogits,
  scoreChurnChunk,
  scoreChurnRows,
  scoreChurnStream,
  selectTfBackend,
  tfMemory,
  trainChurnModel,
  type ChurnModel,
  type CustomerRow,
} from '@tagwise/engine';

/** A small seeded customer table: churn rises with price and falls with tenure and a long contract. */
function syntheticCustomers(n: number, seed: number): Record<string, string>[] {
  const rng = createRng(seed);
  const contracts = ['monthly', 'annual', 'two-year'];
  return Array.from({ length: n }, (_, i) => {
    const tenure = Math.floor(rng.nextFloat() * 60);
    const price = 20 + rng.nextFloat() * 80;
    const contract = contracts[rng.nextInt(3)]!;
    const logit =
      -1 +
      0.03 * (price - 60) -
      0.05 * tenure +
      (contract === 'monthly' ? 1.5 : contract === 'annual' ? 0 : -1);
    const churned = rng.nextFloat() < 1 / (1 + Math.exp(-logit));
    return {
      id: `C${i}`,
      tenure: String(tenure),
      price: i % 37 === 0 ? '' : price.toFixed(2),
      contract,
      churned: churned ? 'yes' : 'no',
    };
  });
}

const FAST = {
  calibrationFolds: 2,
  logistic: { maxEpochs: 40, patience: 4 },
  mlp: { maxEpochs: 15, patience: 3, hiddenUnits: [8, 4] },
} as const;

describe('labels from a column', () => {
  it('infers the positive value from yes/no and left/stayed', () => {
    const rows = [{ c: 'Yes' }, { c: 'No' }, { c: 'Yes' }];
    const { labels, source } = labelsFromColumn(rows, 'c');
    expect(Array.from(labels)).toEqual([1, 0, 1]);
    expect(source).toEqual({ kind: 'column', column: 'c', positive: 'Yes', negative: 'No' });
    expect(labelsFromColumn([{ s: 'stayed' }, { s: 'left' }], 's').source).toMatchObject({
      positive: 'left',
    });
  });

  it('takes an explicit positive value and explains bad labels', () => {
    expect(
      Array.from(labelsFromColumn([{ s: 'gold' }, { s: 'blue' }], 's', 'blue').labels),
    ).toEqual([0, 1]);
    expect(() => labelsFromColumn([{ s: 'gold' }, { s: 'blue' }], 's')).toThrow(
      /cannot tell which value/,
    );
    expect(() => labelsFromColumn([{ s: 'a' }, { s: 'b' }, { s: 'c' }], 's')).toThrow(
      /exactly two values, it has 3: "a" \(1\), "b" \(1\), "c" \(1\)/,
    );
    expect(() => labelsFromColumn([{ s: 'a' }, { s: 'b' }], 's', 'x')).toThrow(
      /"x" is not in label column "s"/,
    );
    expect(() => labelsFromColumn([{ s: 'yes' }, { s: '' }], 's')).toThrow(/empty in row 2/);
    expect(() => labelsFromColumn([{ s: 'yes' }], 't')).toThrow(/"t" is not in the table/);
  });
});

describe('churn design', () => {
  it('logs heavy tails, adds a log companion to other continuous columns, leaves flags alone', () => {
    const rng = createRng(1);
    const rows: CustomerRow[] = Array.from({ length: 300 }, (_, i) => ({
      spend: Math.exp(rng.nextNormal() * 1.5), // heavy right tail
      age: 20 + (i % 50), // even spread
      flag: i % 2,
      plan: i % 3 === 0 ? 'a' : 'b',
    }));
    const design = fitChurnDesign(
      rows,
      [
        { name: 'spend', kind: 'numeric' },
        { name: 'age', kind: 'numeric' },
        { name: 'flag', kind: 'numeric' },
        { name: 'plan', kind: 'categorical' },
      ],
      { hingeKnots: 0 },
    );
    expect(design.columns.map((c) => c.name)).toEqual([
      'log1p(spend)',
      'age',
      'log1p(age)',
      'flag',
      'plan=b',
      'plan=a',
      'plan=(other)',
    ]);
    const { matrix } = applyChurnDesign(design, rows);
    for (let j = 0; j < matrix.cols; j++) {
      let mean = 0;
      for (let r = 0; r < matrix.rows; r++) mean += matrix.data[r * matrix.cols + j]!;
      expect(Math.abs(mean / matrix.rows)).toBeLessThan(1e-9);
    }
  });

  it('adds hinges at the quartiles of the rows it is fitted on, on the log scale for heavy tails', () => {
    const columns = [
      { name: 'age', kind: 'numeric' as const },
      { name: 'plan', kind: 'numeric' as const },
    ];
    // age 1..100: knots at the 25th, 50th and 75th value; plan has 2 values: no hinges.
    const train: CustomerRow[] = Array.from({ length: 100 }, (_, i) => ({
      age: i + 1,
      plan: i % 2,
    }));
    const design = fitChurnDesign(train, columns, { hingeKnots: 3 });
    expect(design.columns.map((c) => c.name)).toEqual([
      'age',
      'log1p(age)',
      'max(0, age − 25)',
      'max(0, age − 50)',
      'max(0, age − 75)',
      'plan',
    ]);
    // Scoring rows do not move the knots: the hinge of age 60 at knot 50 is 10.
    const scored = applyChurnDesign(design, [
      { age: 60, plan: 0 },
      { age: 5000, plan: 1 },
    ]).matrix;
    const raw = (r: number, j: number): number =>
      scored.data[r * scored.cols + j]! * design.scaler.scales[j]! + design.scaler.centers[j]!;
    expect(raw(0, 2)).toBeCloseTo(35, 9);
    expect(raw(0, 3)).toBeCloseTo(10, 9);
    expect(raw(0, 4)).toBeCloseTo(0, 9);
    expect(raw(1, 4)).toBeCloseTo(4925, 9);
    // Fitted on other rows, the knots follow those rows.
    const later = train.map((row) => ({ ...row, age: (row.age as number) + 1000 }));
    expect(fitChurnDesign(later, columns, { hingeKnots: 3 }).columns.map((c) => c.knot)).toEqual([
      undefined,
      undefined,
      1025,
      1050,
      1075,
      undefined,
    ]);

    // A heavy tail is replaced by its log, and the hinges bend the log at its quantiles.
    const rng = createRng(3);
    const heavy: CustomerRow[] = Array.from({ length: 401 }, () => ({
      spend: Math.exp(rng.nextNormal() * 1.5),
    }));
    const logDesign = fitChurnDesign(heavy, [{ name: 'spend', kind: 'numeric' }]);
    const logs = heavy.map((row) => Math.log1p(row.spend as number)).sort((a, b) => a - b);
    expect(logDesign.columns.map((c) => [c.transform, c.knot])).toEqual([
      ['log1p', undefined],
      ['log1p', logs[100]],
      ['log1p', logs[200]],
      ['log1p', logs[300]],
    ]);
  });

  it('encodes a column-major chunk exactly like the row encoder', () => {
    const rows = syntheticCustomers(50, 2);
    const dataset = churnDatasetFromRows(rows, { label: 'churned', idColumn: 'id' });
    const design = fitChurnDesign(rows.slice(0, 30), dataset.schema.columns);
    const test = rows.slice(30);
    const columns = Object.fromEntries(
      Object.keys(test[0]!).map((k) => [k, test.map((r) => r[k]!)]),
    );
    columns.contract![0] = 'never-seen-level';
    test[0] = { ...test[0]!, contract: 'never-seen-level' };
    expect(encodeColumnChunk(design.encoder, { length: test.length, columns }).data).toEqual(
      encodeTable(design.encoder, test).matrix.data,
    );
  });
});

describe('churn model', () => {
  let model: ChurnModel;
  const rows = syntheticCustomers(600, 7);
  const baseline = { tensors: 0 };

  beforeAll(async () => {
    await selectTfBackend();
    baseline.tensors = tfMemory().numTensors;
    model = await trainChurnModel(
      churnDatasetFromRows(rows, { label: 'churned', idColumn: 'id' }),
      {
        ...FAST,
        seed: 3,
      },
    );
  });
  afterAll(() => disposeChurnModel(model));

  it('reports the backend and what it chose', () => {
    expect(['tensorflow', 'wasm', 'cpu']).toContain(model.training.backend.name);
    expect(model.training.candidates.map((c) => c.kind)).toEqual(['logistic', 'mlp']);
    expect(model.training.outOfFold.rocAuc).toBeGreaterThan(0.7);
    expect(model.importance.map((i) => i.feature).sort()).toEqual(['contract', 'price', 'tenure']);
    expect(model.schema.ignoredColumns).toEqual(['churned']);
  });

  it('scores probabilities, bands and top factors with raw values', () => {
    const scores = scoreChurnRows(model, rows.slice(0, 5));
    expect(scores.ids).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
    for (let i = 0; i < 5; i++) {
      const p = scores.probabilities[i]!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      expect(scores.bands[i]).toBe(p < 0.3 ? 'low' : p < 0.6 ? 'medium' : 'high');
      expect(scores.factors![i]).toHaveLength(3);
      for (const factor of scores.factors![i]!) expect(factor.value).toBe(rows[i]![factor.feature]);
    }
    const first = scores.factors![0]!.map((f) => Math.abs(f.contribution));
    expect(first).toEqual([...first].sort((a, b) => b - a));
  });

  it('explains a logistic ensemble exactly: contributions sum to the mean logit minus the reference', async () => {
    const logistic = await trainChurnModel(
      churnDatasetFromRows(rows, { label: 'churned', idColumn: 'id' }),
      {
        ...FAST,
        model: 'logistic',
      },
    );
    try {
      const x = applyChurnDesign(logistic.design, rows.slice(0, 20)).matrix;
      const contributions = designContributions(logistic.ensemble, logistic.design, x);
      for (let r = 0; r < 20; r++) {
        let logit = 0;
        for (const member of logistic.ensemble.members) {
          const [kernel, bias] = member.layers[0]!.getWeights();
          const k = kernel!.dataSync();
          let z = bias!.dataSync()[0]!;
          for (let j = 0; j < x.cols; j++) z += k[j]! * x.data[r * x.cols + j]!;
          logit += z / logistic.ensemble.members.length;
        }
        let sum = contributions.reference;
        for (let j = 0; j < contributions.cols; j++)
          sum += contributions.data[r * contributions.cols + j]!;
        expect(sum).toBeCloseTo(logit, 5);
      }
    } finally {
      disposeChurnModel(logistic);
    }
  });

  it('explains an MLP by integrated gradients: contributions nearly sum to logit minus reference', async () => {
    const mlp = await trainChurnModel(
      churnDatasetFromRows(rows, { label: 'churned', idColumn: 'id' }),
      {
        ...FAST,
        model: 'mlp',
      },
    );
    try {
      const x = applyChurnDesign(mlp.design, rows.slice(0, 10)).matrix;
      const contributions = designContributions(mlp.ensemble, mlp.design, x, { steps: 64 });
      const logits = memberLogits(mlp.ensemble, x);
      for (let r = 0; r < 10; r++) {
        const logit = logits.reduce((s, l) => s + l[r]!, 0) / logits.length;
        let sum = contributions.reference;
        for (let j = 0; j < contributions.cols; j++)
          sum += contributions.data[r * contributions.cols + j]!;
        expect(Math.abs(sum - logit)).toBeLessThan(
          0.02 + 0.02 * Math.abs(logit - contributions.reference),
        );
      }
    } finally {
      disposeChurnModel(mlp);
    }
  });

  it('scores column-major chunks like rows, and streams with continuous numbering', async () => {
    const block = rows.slice(0, 40).map(({ id: _id, ...rest }) => rest);
    const columns = Object.fromEntries(
      Object.keys(block[0]!).map((k) => [k, block.map((r) => r[k]!)]),
    );
    const fromColumns = scoreChurnChunk(model, { length: 40, columns }, { top: 0 });
    const fromRows = scoreChurnRows(model, block, { top: 0 });
    expect(Array.from(fromColumns.probabilities)).toEqual(Array.from(fromRows.probabilities));
    expect(fromRows.ids.slice(0, 2)).toEqual(['1', '2']);
    async function* chunks() {
      yield block.slice(0, 15);
      yield block.slice(15, 40);
    }
    const streamed = [];
    for await (const scores of scoreChurnStream(model, chunks(), { top: 1 })) streamed.push(scores);
    expect(streamed.map((s) => s.ids[0])).toEqual(['1', '16']);
    expect(Array.from(streamed[1]!.probabilities)).toEqual(
      Array.from(fromRows.probabilities.slice(15)),
    );
  });

  it('refuses input whose columns do not match, naming them', () => {
    const renamed = rows
      .slice(0, 3)
      .map(({ price, ...rest }) => ({ ...rest, monthly_price: price }));
    let error: unknown;
    try {
      scoreChurnRows(model, renamed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('schema_mismatch');
    expect((error as Error).message).toMatch(
      /missing column\(s\): price; unexpected column\(s\): monthly_price/,
    );
  });

  it('round-trips through bytes and JSON and scores identically', async () => {
    const before = scoreChurnRows(model, rows.slice(0, 50));
    const restored = await churnModelFromBytes(await churnModelToBytes(model));
    const viaJson = await churnModelFromJson(
      JSON.parse(JSON.stringify(await churnModelToJson(model))),
    );
    try {
      expect(scoreChurnRows(restored, rows.slice(0, 50))).toEqual(before);
      expect(scoreChurnRows(viaJson, rows.slice(0, 50))).toEqual(before);
      expect(restored.riskBands).toEqual(model.riskBands);
      expect(restored.design).toEqual(model.design);
      expect(restored.ensemble.calibrator).toEqual(model.ensemble.calibrator);
    } finally {
      disposeChurnModel(restored);
      disposeChurnModel(viaJson);
    }
    await expect(churnModelFromJson({ format: 'other' })).rejects.toThrow(/not a churn model/);
    await expect(churnModelFromBytes(new TextEncoder().encode('{'))).rejects.toThrow(/not JSON/);
  });

  it('leaks no tensors: training, scoring and disposal leave the count where it was', async () => {
    const start = tfMemory().numTensors;
    const extra = await trainChurnModel(
      churnDatasetFromRows(rows.slice(0, 200), { label: 'churned', idColumn: 'id' }),
      {
        ...FAST,
        model: 'mlp',
        seed: 1,
      },
    );
    scoreChurnRows(extra, rows.slice(0, 30));
    const memberWeights = extra.ensemble.members.reduce((n, m) => n + m.getWeights().length, 0);
    expect(tfMemory().numTensors).toBe(start + memberWeights);
    disposeChurnModel(extra);
    expect(tfMemory().numTensors).toBe(start);
  });
});

describe('cross-validation', () => {
  it('reports fold metrics, pooled tables and the prevalence baseline', async () => {
    const rows = syntheticCustomers(500, 11);
    const evaluation = await crossValidateChurn(
      churnDatasetFromRows(rows, { label: 'churned', idColumn: 'id' }),
      {
        ...FAST,
        model: 'logistic',
        folds: 3,
        seed: 5,
      },
    );
    expect(evaluation.perFold).toHaveLength(3);
    expect(evaluation.chosen.logistic).toBe(3);
    expect(evaluation.metrics.rocAuc.mean).toBeGreaterThan(0.7);
    expect(evaluation.baseline.metrics.rocAuc.mean).toBe(0.5);
    expect(evaluation.metrics.brier.mean).toBeLessThan(evaluation.baseline.metrics.brier.mean);
    expect(evaluation.pooled.reliability).toHaveLength(10);
    expect(evaluation.pooled.reliability.reduce((n, b) => n + b.count, 0)).toBe(500);
    expect(evaluation.pooled.liftByDecile).toHaveLength(10);
    expect(evaluation.pooled.roc.at(-1)).toMatchObject({
      falsePositiveRate: 1,
      truePositiveRate: 1,
    });
    // calibration undoes the class-weight shift: calibrated ECE below the raw networks' ECE
    const raw = evaluation.perFold.reduce((s, f) => s + f.uncalibrated.ece, 0) / 3;
    expect(evaluation.metrics.ece.mean).toBeLessThan(raw);
    expect(JSON.parse(JSON.stringify(evaluation)).pooled.roc[0].threshold).toBeNull();
  });
});
