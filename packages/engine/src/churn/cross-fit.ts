import type * as tf from '@tensorflow/tfjs';
import { requireArgument } from '../errors.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { rocAuc } from '../metrics/roc.ts';
import { logLoss } from '../metrics/probability-scores.ts';
import { selectRows } from '../linalg/matrix.ts';
import { createRng } from '../random/prng.ts';
import {
  calibrate,
  calibrateAll,
  fitCalibrator,
  type CalibrationMethod,
  type Calibrator,
} from './calibration.ts';
import {
  predictLogits,
  trainNetwork,
  type LabelledMatrix,
  type NetworkKind,
  type NetworkOptions,
} from './network.ts';
import { foldIndices, stratifiedFolds, stratifiedSplit } from './stratified-folds.ts';
import { ensureTfBackend } from './tf-backend.ts';

/**
 * Several networks of one kind, each trained on a different part of the data, and one
 * calibrator fitted on their out-of-fold scores. Prediction = mean over members of the
 * calibrated member probability.
 */
export interface ChurnEnsemble {
  readonly kind: NetworkKind;
  readonly members: readonly tf.LayersModel[];
  readonly calibrator: Calibrator;
}

/** How one candidate kind did on the out-of-fold rows (after calibration). */
export interface CandidateSummary {
  readonly kind: NetworkKind;
  readonly oofLogLoss: number;
  readonly oofRocAuc: number;
  /** Early-stopping epoch of each member. */
  readonly bestEpochs: readonly number[];
}

export interface EnsembleOptions {
  /** `auto` trains both kinds and keeps the better one. @default 'auto' */
  readonly model?: 'auto' | NetworkKind;
  /** @default 'platt' */
  readonly calibration?: CalibrationMethod;
  /** Cross-fitting folds: members per kind, and out-of-fold rows for calibration. @default 3 */
  readonly calibrationFolds?: number;
  /** Share of each member's training rows held out for early stopping. @default 0.15 */
  readonly validationFraction?: number;
  /** The MLP is chosen only when its out-of-fold log loss is lower by more than this. @default 0.002 */
  readonly selectionMargin?: number;
  readonly logistic?: NetworkOptions;
  readonly mlp?: NetworkOptions;
  /**
   * `ensemble`: the cross-fitted members are the model. `refit`: one more network of the
   * chosen kind is trained on all rows (less the early-stopping split) and replaces them; the
   * calibrator still comes from the members' out-of-fold scores. @default 'ensemble'
   */
  readonly final?: 'ensemble' | 'refit';
  /** Called after each member is trained, e.g. to report progress or yield to the event loop. */
  readonly onMember?: (done: number, total: number) => void | Promise<void>;
}

export interface EnsembleFit {
  readonly ensemble: ChurnEnsemble;
  readonly candidates: readonly CandidateSummary[];
  /** `[rows]` calibrated out-of-fold probabilities of the chosen kind. */
  readonly oofProbabilities: Float64Array;
}

function subset(data: LabelledMatrix, rows: Int32Array): LabelledMatrix {
  return { x: selectRows(data.x, rows), y: Uint8Array.from(rows, (r) => data.y[r]!) };
}

/**
 * Cross-fitting: the rows are split into `calibrationFolds` stratified folds; for each fold a
 * member is trained on the other folds (minus an early-stopping split) and scores the fold.
 * Every row thus gets a score from a model that never saw it, and the calibrator is fitted on
 * those scores only. With `model: 'auto'` both kinds are cross-fitted and the MLP wins only
 * when its calibrated out-of-fold log loss beats the logistic one by `selectionMargin` — a
 * tie goes to the model whose explanations are exact.
 *
 * @param data - `x` `[rows, features]` scaled design matrix, `y` `[rows]` 0/1
 */
export async function fitChurnEnsemble(
  data: LabelledMatrix,
  options: EnsembleOptions,
  seed: number,
): Promise<EnsembleFit> {
  await ensureTfBackend();
  const k = options.calibrationFolds ?? 3;
  const calibration = options.calibration ?? 'platt';
  const margin = options.selectionMargin ?? 0.002;
  const fraction = options.validationFraction ?? 0.15;
  requireArgument(
    Number.isInteger(k) && k >= 2,
    'calibrationFolds',
    `must be an integer >= 2, got ${k}`,
  );
  const kinds: NetworkKind[] =
    options.model === undefined || options.model === 'auto' ? ['logistic', 'mlp'] : [options.model];
  const rng = createRng(seed);
  const folds = stratifiedFolds(data.y, k, rng.nextSeed());
  const splits = Array.from({ length: k }, (_, f) => {
    const { train, test } = foldIndices(folds, f);
    const { held, kept } = stratifiedSplit(train, data.y, fraction, rng.nextSeed());
    return { test, fit: subset(data, kept), stop: subset(data, held), seed: rng.nextSeed() };
  });

  const fitted: {
    kind: NetworkKind;
    members: tf.LayersModel[];
    oof: Float64Array;
    summary: CandidateSummary;
    calibrator: Calibrator;
  }[] = [];
  const total = kinds.length * k;
  let done = 0;
  try {
    for (const kind of kinds) {
      const members: tf.LayersModel[] = [];
      const bestEpochs: number[] = [];
      const oofLogits = new Float64Array(data.y.length);
      for (const split of splits) {
        const network = await trainNetwork(
          kind,
          split.fit,
          split.stop,
          options[kind] ?? {},
          split.seed,
        );
        members.push(network.model);
        bestEpochs.push(network.bestEpoch);
        const logits = predictLogits(network.model, selectRows(data.x, split.test));
        split.test.forEach((row, j) => (oofLogits[row] = logits[j]!));
        await options.onMember?.(++done, total);
      }
      const calibrator = fitCalibrator(calibration, oofLogits, data.y);
      const oof = calibrateAll(calibrator, oofLogits);
      fitted.push({
        kind,
        members,
        oof,
        calibrator,
        summary: {
          kind,
          oofLogLoss: logLoss(oof, data.y),
          oofRocAuc: rocAuc(oof, data.y),
          bestEpochs,
        },
      });
    }
  } catch (error) {
    for (const candidate of fitted) candidate.members.forEach((m) => m.dispose());
    throw error;
  }

  let chosen = fitted[0]!;
  const mlp = fitted.find((c) => c.kind === 'mlp');
  const logistic = fitted.find((c) => c.kind === 'logistic');
  if (mlp && logistic)
    chosen = mlp.summary.oofLogLoss < logistic.summary.oofLogLoss - margin ? mlp : logistic;
  for (const candidate of fitted)
    if (candidate !== chosen) candidate.members.forEach((m) => m.dispose());
  let members = chosen.members;
  if (options.final === 'refit') {
    const all = Int32Array.from({ length: data.y.length }, (_, i) => i);
    const { held, kept } = stratifiedSplit(all, data.y, fraction, rng.nextSeed());
    const network = await trainNetwork(
      chosen.kind,
      subset(data, kept),
      subset(data, held),
      options[chosen.kind] ?? {},
      rng.nextSeed(),
    );
    members.forEach((m) => m.dispose());
    members = [network.model];
  }
  return {
    ensemble: { kind: chosen.kind, members, calibrator: chosen.calibrator },
    candidates: fitted.map((c) => c.summary),
    oofProbabilities: chosen.oof,
  };
}

/** Raw logits `[members][rows]` of every member. */
export function memberLogits(ensemble: ChurnEnsemble, x: Matrix): Float64Array[] {
  return ensemble.members.map((member) => predictLogits(member, x));
}

/**
 * Calibrated churn probabilities `[rows]` for a scaled design matrix `x` `[rows, features]`:
 * the mean over members of the calibrated member probability.
 */
export function ensembleProbabilities(ensemble: ChurnEnsemble, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (const logits of memberLogits(ensemble, x)) {
    for (let i = 0; i < x.rows; i++) out[i]! += calibrate(ensemble.calibrator, logits[i]!);
  }
  for (let i = 0; i < x.rows; i++) out[i]! /= ensemble.members.length;
  return out;
}

/** Frees the members' weights. */
export function disposeEnsemble(ensemble: ChurnEnsemble): void {
  ensemble.members.forEach((member) => member.dispose());
}
