import * as tf from '@tensorflow/tfjs';
import { EngineError, requireArgument } from '../errors.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { createRng, shuffledIndices, type Rng } from '../random/prng.ts';
import { createTurnTaker } from '../turns.ts';

/** The two model families the churn classifier chooses between. */
export type NetworkKind = 'logistic' | 'mlp';

/** Training settings of one network; every field has a default per kind. */
export interface NetworkOptions {
  /** MLP hidden layer widths. @default [32, 16] */
  readonly hiddenUnits?: readonly number[];
  /** MLP dropout rate after each hidden layer. @default 0.2 */
  readonly dropout?: number;
  /** L2 penalty on kernels, added to the mean loss. @default 1e-4 logistic, 1e-3 mlp */
  readonly l2?: number;
  /** Adam step size. @default 0.01 */
  readonly learningRate?: number;
  /** @default 256 logistic, 512 mlp */
  readonly batchSize?: number;
  /** @default 100 logistic, 150 mlp */
  readonly maxEpochs?: number;
  /** Epochs without validation improvement before stopping. @default 6 logistic, 12 mlp */
  readonly patience?: number;
  /** `balanced` weights each class by n / (2 · nClass) so the minority class is not ignored. @default 'balanced' */
  readonly classWeight?: 'balanced' | 'none';
}

export interface LabelledMatrix {
  /** `[rows, features]`, already scaled */
  readonly x: Matrix;
  /** `[rows]` 0/1 */
  readonly y: Uint8Array;
}

/** A trained network: dense layers only (dropout is applied by the training loop). */
export interface TrainedNetwork {
  readonly kind: NetworkKind;
  readonly model: tf.LayersModel;
  /** Epoch (1-based) whose weights were kept. */
  readonly bestEpoch: number;
  readonly epochsRun: number;
  /** Weighted validation log loss at `bestEpoch`. */
  readonly validationLoss: number;
}

interface ResolvedOptions {
  hiddenUnits: readonly number[];
  dropout: number;
  l2: number;
  learningRate: number;
  batchSize: number;
  maxEpochs: number;
  patience: number;
  classWeight: 'balanced' | 'none';
}

/** Defaults per kind, merged with the caller's options. */
export function resolveNetworkOptions(
  kind: NetworkKind,
  options: NetworkOptions = {},
): ResolvedOptions {
  const logistic = kind === 'logistic';
  const resolved: ResolvedOptions = {
    hiddenUnits: options.hiddenUnits ?? [32, 16],
    dropout: options.dropout ?? 0.2,
    l2: options.l2 ?? (logistic ? 1e-4 : 1e-3),
    learningRate: options.learningRate ?? 0.01,
    batchSize: options.batchSize ?? (logistic ? 256 : 512),
    maxEpochs: options.maxEpochs ?? (logistic ? 100 : 150),
    patience: options.patience ?? (logistic ? 6 : 12),
    classWeight: options.classWeight ?? 'balanced',
  };
  requireArgument(resolved.dropout >= 0 && resolved.dropout < 1, 'dropout', 'must be in [0, 1)');
  requireArgument(resolved.l2 >= 0, 'l2', 'must be >= 0');
  requireArgument(resolved.learningRate > 0, 'learningRate', 'must be > 0');
  requireArgument(
    Number.isInteger(resolved.batchSize) && resolved.batchSize >= 1,
    'batchSize',
    'must be an integer >= 1',
  );
  requireArgument(
    Number.isInteger(resolved.maxEpochs) && resolved.maxEpochs >= 1,
    'maxEpochs',
    'must be an integer >= 1',
  );
  requireArgument(
    Number.isInteger(resolved.patience) && resolved.patience >= 1,
    'patience',
    'must be an integer >= 1',
  );
  requireArgument(
    resolved.hiddenUnits.length >= 1 &&
      resolved.hiddenUnits.every((u) => Number.isInteger(u) && u >= 1),
    'hiddenUnits',
    'must list at least one positive integer width',
  );
  return resolved;
}

/**
 * The network's layers. Logistic: one dense unit from zeros (the problem is convex, so the
 * start does not matter and zeros make it seed-free). MLP: ReLU hidden layers with He-uniform
 * kernels seeded from `rng`, and a linear output unit; the output is a logit.
 */
export function buildNetwork(
  kind: NetworkKind,
  inputs: number,
  hiddenUnits: readonly number[],
  rng: Rng,
): tf.LayersModel {
  const model = tf.sequential();
  if (kind === 'logistic') {
    model.add(
      tf.layers.dense({
        inputShape: [inputs],
        units: 1,
        kernelInitializer: 'zeros',
        biasInitializer: 'zeros',
      }),
    );
    return model;
  }
  hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heUniform({ seed: rng.nextSeed() }),
        biasInitializer: 'zeros',
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      kernelInitializer: tf.initializers.glorotUniform({ seed: rng.nextSeed() }),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}

/**
 * `a · b` with either operand transposed. The wasm backend multiplies by a transposed
 * operand in place an order of magnitude slower than it transposes first (1.8–2.1 ms against
 * 0.3 ms for a 512-row batch of 63 inputs into 32 units, measured on Node 20), so there the
 * transpose comes first; the other backends transpose slowly (cpu: 2 ms for the same batch)
 * or multiply transposed operands at full speed, so they get the flags.
 */
function matMulTransposing(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA: boolean,
  transposeB: boolean,
): tf.Tensor2D {
  if (tf.getBackend() !== 'wasm') return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** `activation(x · kernel + bias)` as one fused product. */
function fusedDense(
  x: tf.Tensor2D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  relu: boolean,
): tf.Tensor2D {
  return tf.fused.matMul({
    a: x,
    b: kernel,
    bias,
    activation: relu ? 'relu' : 'linear',
  }) as tf.Tensor2D;
}

/** The gradient before the activation: ReLU passes it where its output `y` is positive. */
function preActivationGradient(dy: tf.Tensor2D, y: tf.Tensor2D, relu: boolean): tf.Tensor2D {
  return relu ? tf.mul(dy, tf.step(y)) : dy;
}

/**
 * A dense layer, one fused product forward, with a gradient written out here so that its two
 * products with a transposed operand (`dz · kernelᵀ`, `xᵀ · dz`) go through
 * `matMulTransposing`. TF.js's own gradient multiplies by transposed operands in place, where
 * training on wasm spent most of its time. A custom gradient computes every input's gradient,
 * wanted or not: `inputOnlyDenseLayer` is the cheaper form when only the input's is wanted.
 */
function denseLayer(
  relu: boolean,
): (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D) => tf.Tensor2D {
  return tf.customGrad((...inputs) => {
    const [x, kernel, bias, save] = inputs as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
      tf.GradSaveFunc,
    ];
    const y = fusedDense(x, kernel, bias, relu);
    save([x, kernel, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [savedX, savedKernel, savedY] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const dz = preActivationGradient(dy, savedY, relu);
        return [
          matMulTransposing(dz, savedKernel, false, true),
          matMulTransposing(savedX, dz, true, false),
          tf.sum(dz, 0),
        ];
      },
    };
  });
}

const denseRelu = denseLayer(true);
const denseLinear = denseLayer(false);

/**
 * The same layer with its weights held fixed: differentiable with respect to `x` only, so
 * its backward pass is one product instead of three (explanations by integrated gradients).
 */
function inputOnlyDenseLayer(
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  relu: boolean,
): (x: tf.Tensor2D) => tf.Tensor2D {
  return tf.customGrad((...inputs) => {
    const [x, save] = inputs as [tf.Tensor2D, tf.GradSaveFunc];
    const y = fusedDense(x, kernel, bias, relu);
    save([y]);
    return {
      value: y,
      gradFunc: (dy, [savedY]) =>
        matMulTransposing(
          preActivationGradient(dy, savedY as tf.Tensor2D, relu),
          kernel,
          false,
          true,
        ),
    };
  });
}

/** One dense layer's weights, whether a ReLU follows it, and the layer with fixed weights. */
interface DenseStep {
  readonly kernel: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
  readonly relu: boolean;
  readonly ofInputOnly: (x: tf.Tensor2D) => tf.Tensor2D;
}

const denseStepsByModel = new WeakMap<tf.LayersModel, readonly DenseStep[]>();

/**
 * The model's dense layers as weights to multiply by, read once per model.
 *
 * @throws EngineError `invalid_model` for a network that is not dense layers with ReLU or
 * linear activations (a model file not written by Tagwise)
 */
function denseSteps(model: tf.LayersModel): readonly DenseStep[] {
  let steps = denseStepsByModel.get(model);
  if (steps === undefined) {
    steps = model.layers.map((layer) => {
      const { activation } = layer.getConfig() as { activation?: string };
      const [kernel, bias] = layer.weights.map((weight) => weight.read());
      if (
        layer.getClassName() !== 'Dense' ||
        bias === undefined ||
        (activation !== 'relu' && activation !== 'linear')
      ) {
        throw new EngineError(
          'invalid_model',
          `the churn network's layer "${layer.name}" is a ${layer.getClassName()} with activation ${String(activation)}; only dense layers with relu or linear activations can run`,
        );
      }
      const relu = activation === 'relu';
      return {
        kernel: kernel as tf.Tensor2D,
        bias: bias as tf.Tensor1D,
        relu,
        ofInputOnly: inputOnlyDenseLayer(kernel as tf.Tensor2D, bias as tf.Tensor1D, relu),
      };
    });
    denseStepsByModel.set(model, steps);
  }
  return steps;
}

/** How a forward pass may run: training's dropout, and what its gradient is taken for. */
export interface ForwardOptions {
  /** Inverted dropout after each hidden layer, masks drawn from `rng` (training only). */
  readonly dropout?: { rate: number; rng: Rng };
  /**
   * `input`: only the gradient with respect to `x` is computed (the weights are held fixed and
   * get none). `all`: the weights' and the input's. @default 'all'
   */
  readonly gradient?: 'all' | 'input';
}

/**
 * Forward pass to logits `[rows]`. In training mode, inverted dropout follows each hidden
 * layer with a mask drawn from `rng` — not from a Dropout layer, whose fixed seed would
 * draw the same mask at every step.
 */
export function forwardLogits(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  options: ForwardOptions = {},
): tf.Tensor1D {
  const { dropout, gradient = 'all' } = options;
  return tf.tidy(() => {
    let h = x;
    const steps = denseSteps(model);
    const last = steps.length - 1;
    steps.forEach((step, i) => {
      if (gradient === 'input') h = step.ofInputOnly(h);
      else h = (step.relu ? denseRelu : denseLinear)(h, step.kernel, step.bias);
      if (dropout && dropout.rate > 0 && i < last) {
        const keep = tf
          .randomUniform(h.shape, 0, 1, 'float32', dropout.rng.nextSeed())
          .greaterEqual(dropout.rate);
        h = h.mul(keep.cast('float32')).div(1 - dropout.rate);
      }
    });
    return h.reshape([-1]) as tf.Tensor1D;
  });
}

/** Σ w·(max(z, 0) − z·y + log(1 + e^−|z|)) / Σ w: the numerically stable weighted log loss. */
function weightedLogLoss(logits: tf.Tensor1D, y: tf.Tensor1D, w: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const perRow = tf
      .relu(logits)
      .sub(logits.mul(y))
      .add(tf.log1p(tf.exp(tf.abs(logits).neg())));
    return perRow.mul(w).sum().div(w.sum()) as tf.Scalar;
  });
}

function classWeights(y: Uint8Array, mode: 'balanced' | 'none'): Float32Array {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i]!;
  const negatives = y.length - positives;
  const wPos = mode === 'balanced' && positives > 0 ? y.length / (2 * positives) : 1;
  const wNeg = mode === 'balanced' && negatives > 0 ? y.length / (2 * negatives) : 1;
  return Float32Array.from(y, (label) => (label === 1 ? wPos : wNeg));
}

function toTensor2d(matrix: Matrix): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(matrix.data), [matrix.rows, matrix.cols], 'float32');
}

/** The training rows as float32, the form their batches are copied from. */
interface TrainingRows {
  /** `[rows × cols]` row-major */
  readonly x: Float32Array;
  readonly cols: number;
  readonly y: Float32Array;
  /** `[rows]` class weights */
  readonly w: Float32Array;
}

/**
 * The training rows `batch` as tensors, copied row by row here rather than gathered by
 * TF.js: the wasm backend's gather takes several times as long (0.6 ms against 0.1 ms for
 * 256 rows of 63 columns, measured on Node 20).
 */
function batchTensors(
  rows: TrainingRows,
  batch: Int32Array,
): { xb: tf.Tensor2D; yb: tf.Tensor1D; wb: tf.Tensor1D } {
  const { cols } = rows;
  const x = new Float32Array(batch.length * cols);
  const y = new Float32Array(batch.length);
  const w = new Float32Array(batch.length);
  batch.forEach((row, i) => {
    x.set(rows.x.subarray(row * cols, (row + 1) * cols), i * cols);
    y[i] = rows.y[row]!;
    w[i] = rows.w[row]!;
  });
  return {
    xb: tf.tensor2d(x, [batch.length, cols]),
    yb: tf.tensor1d(y),
    wb: tf.tensor1d(w),
  };
}

/**
 * Trains one network with Adam on weighted log loss plus L2, with seeded mini-batch order and
 * dropout masks, and early stopping on `validation` (weights of the best epoch are restored).
 * TF.js eager kernels on cpu/wasm run on the calling thread; the event loop gets a turn
 * every ~50 ms, so a server training a model keeps answering requests.
 *
 * Determinism: same seed, same backend, same inputs → the same weights. Across backends the
 * float32 kernels round differently, so results agree only to about 1e-5.
 */
export async function trainNetwork(
  kind: NetworkKind,
  train: LabelledMatrix,
  validation: LabelledMatrix,
  options: NetworkOptions,
  seed: number,
): Promise<TrainedNetwork> {
  const opts = resolveNetworkOptions(kind, options);
  const rng = createRng(seed);
  const model = buildNetwork(kind, train.x.cols, opts.hiddenUnits, rng);
  const optimizer = tf.train.adam(opts.learningRate);
  const trainingRows: TrainingRows = {
    x: Float32Array.from(train.x.data),
    cols: train.x.cols,
    y: Float32Array.from(train.y),
    w: classWeights(train.y, opts.classWeight),
  };
  const xVal = toTensor2d(validation.x);
  const yVal = tf.tensor1d(Float32Array.from(validation.y));
  const wVal = tf.tensor1d(classWeights(validation.y, opts.classWeight));
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const kernels = model.trainableWeights
    .filter((weight) => weight.name.includes('kernel'))
    .map((weight) => weight.read());
  const dropout = kind === 'mlp' ? { rate: opts.dropout, rng } : undefined;
  const takeTurn = createTurnTaker();

  let best: tf.Tensor[] | undefined;
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  let epoch = 0;
  try {
    for (epoch = 1; epoch <= opts.maxEpochs; epoch++) {
      const order = shuffledIndices(train.x.rows, rng);
      for (let start = 0; start < order.length; start += opts.batchSize) {
        const batch = order.subarray(start, Math.min(order.length, start + opts.batchSize));
        tf.tidy(() => {
          const { xb, yb, wb } = batchTensors(trainingRows, batch);
          optimizer.minimize(
            () => {
              const loss = weightedLogLoss(forwardLogits(model, xb, { dropout }), yb, wb);
              if (opts.l2 === 0) return loss;
              return loss.add(
                tf.addN(kernels.map((k) => tf.sum(tf.square(k)))).mul(opts.l2),
              ) as tf.Scalar;
            },
            false,
            variables,
          );
        });
        await takeTurn();
      }
      const loss = tf.tidy(
        () => weightedLogLoss(forwardLogits(model, xVal), yVal, wVal).dataSync()[0]!,
      );
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestEpoch = epoch;
        best?.forEach((t) => t.dispose());
        best = model.getWeights().map((w) => w.clone());
      } else if (epoch - bestEpoch >= opts.patience) {
        break;
      }
    }
    if (best) model.setWeights(best);
  } finally {
    best?.forEach((t) => t.dispose());
    optimizer.dispose();
    tf.dispose([xVal, yVal, wVal]);
  }
  return {
    kind,
    model,
    bestEpoch,
    epochsRun: Math.min(epoch, opts.maxEpochs),
    validationLoss: bestLoss,
  };
}

/**
 * Logits `[rows]` of `model` for `x` `[rows, features]`, computed in chunks so a large matrix
 * never becomes one huge tensor.
 */
export function predictLogits(model: tf.LayersModel, x: Matrix, chunkRows = 16_384): Float64Array {
  const out = new Float64Array(x.rows);
  for (let start = 0; start < x.rows; start += chunkRows) {
    const end = Math.min(x.rows, start + chunkRows);
    const chunk = tf.tidy(() => {
      const xb = tf.tensor2d(Float32Array.from(x.data.subarray(start * x.cols, end * x.cols)), [
        end - start,
        x.cols,
      ]);
      return forwardLogits(model, xb).dataSync();
    });
    out.set(chunk, start);
  }
  return out;
}
