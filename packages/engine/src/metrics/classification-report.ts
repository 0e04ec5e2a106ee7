import { countPositives, thinCurve } from './binary-labels.ts';
import { liftTable, type LiftGroup } from './lift.ts';
import {
  averagePrecision,
  precisionRecallCurve,
  type PrecisionRecallPoint,
} from './precision-recall.ts';
import { brierScore, logLoss } from './probability-scores.ts';
import { expectedCalibrationError, reliabilityTable, type ReliabilityBin } from './reliability.ts';
import { rocAuc, rocCurve, type RocPoint } from './roc.ts';

/** The scalar metrics of a probabilistic binary classifier on one set of rows. */
export interface ClassificationScores {
  readonly rows: number;
  readonly positives: number;
  readonly prevalence: number;
  readonly rocAuc: number;
  /** Average precision. */
  readonly prAuc: number;
  readonly brier: number;
  readonly logLoss: number;
  /** Expected calibration error over `bins` equal-width bins. */
  readonly ece: number;
  /** Positive rate in the top-scored 10 % over the overall rate. */
  readonly topDecileLift: number;
}

/** Scalar metrics plus the tables a notebook charts. */
export interface ClassificationReport extends ClassificationScores {
  readonly reliability: readonly ReliabilityBin[];
  readonly roc: readonly RocPoint[];
  readonly precisionRecall: readonly PrecisionRecallPoint[];
  readonly liftByDecile: readonly LiftGroup[];
}

export interface ReportOptions {
  /** Reliability / ECE bins. @default 10 */
  readonly bins?: number;
  /** Curves are thinned to at most this many points. @default 200 */
  readonly maxCurvePoints?: number;
}

/**
 * Every metric of a probabilistic classifier on one evaluation set: ROC-AUC, PR-AUC, Brier,
 * log loss, ECE, top-decile lift, with the reliability table, ROC and PR points and lift by
 * decile. Needs both classes and at least 10 rows.
 *
 * @param probabilities - `[rows]` predicted P(positive)
 * @param labels - `[rows]` 0/1
 */
export function classificationReport(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: ReportOptions = {},
): ClassificationReport {
  const bins = options.bins ?? 10;
  const maxPoints = options.maxCurvePoints ?? 200;
  const lift = liftTable(probabilities, labels, 10);
  const positives = countPositives(labels);
  return {
    rows: labels.length,
    positives,
    prevalence: positives / labels.length,
    rocAuc: rocAuc(probabilities, labels),
    prAuc: averagePrecision(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    ece: expectedCalibrationError(probabilities, labels, bins),
    topDecileLift: lift[0]!.lift,
    reliability: reliabilityTable(probabilities, labels, bins),
    roc: thinCurve(rocCurve(probabilities, labels), maxPoints),
    precisionRecall: thinCurve(precisionRecallCurve(probabilities, labels), maxPoints),
    liftByDecile: lift,
  };
}

/** Only the scalar part of a report (for per-fold tables). */
export function classificationScores(report: ClassificationScores): ClassificationScores {
  const { rows, positives, prevalence, rocAuc, prAuc, brier, logLoss, ece, topDecileLift } = report;
  return { rows, positives, prevalence, rocAuc, prAuc, brier, logLoss, ece, topDecileLift };
}

/** Mean and sample standard deviation of a list of figures. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0 };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance) };
}
