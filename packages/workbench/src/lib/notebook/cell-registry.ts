import type { Cell, CellType } from './cell.ts';

/**
 * What the notebook needs to know about a cell type (its component is looked up
 * separately, so this stays plain data that tests can load without Svelte). A new type is
 * one entry here, one in `CELL_COMPONENTS` and `ADDABLE_TYPES`, and one in the API's
 * `CELL_TYPES`.
 */
export interface CellKind {
  readonly type: CellType;
  readonly label: string;
  readonly description: string;
  readonly defaultTitle: string;
  /** Cell types whose output this type may read; empty = it takes no inputs. */
  readonly inputTypes: readonly CellType[];
  /** Inputs it needs before it can run. */
  readonly requiredInputs: number;
  readonly maxInputs: number;
  /**
   * For types whose output follows from their inputs alone (no job): the refs to show once
   * every input is done. Such cells re-run by themselves when an input changes; the others
   * are marked stale until someone runs them again.
   */
  readonly derive?: (inputs: readonly Cell[]) => Record<string, string> | null;
  /** What the status badge says before the cell has a result, when not "Not run". */
  readonly idleLabel?: string;
  defaultConfig(): Record<string, unknown>;
}

const kinds: readonly CellKind[] = [
  {
    type: 'markdown',
    label: 'Markdown',
    description: 'Notes, headings and links',
    defaultTitle: 'Notes',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    defaultConfig: () => ({ text: '' }),
  },
  {
    type: 'data',
    label: 'Data',
    description: 'Summary of every feature and attribute: counts, missing, quantiles, histograms',
    defaultTitle: 'Data summary',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    defaultConfig: () => ({}),
  },
  {
    type: 'cluster',
    label: 'Cluster',
    description: 'k-means on chosen features; elbow, silhouette and Davies–Bouldin per k',
    defaultTitle: 'Clustering',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    defaultConfig: () => ({ features: [], scaling: 'standard', kMin: 2, kMax: 8, seed: 42 }),
  },
  {
    type: 'profiles',
    label: 'Profiles',
    description:
      "A cluster run's sizes, z-score heatmap, projection and silhouettes; name clusters as tags",
    defaultTitle: 'Cluster profiles',
    inputTypes: ['cluster'],
    requiredInputs: 1,
    maxInputs: 1,
    derive: (inputs) => {
      const runId = inputs[0]?.output?.refs.runId;
      return runId === undefined ? null : { runId };
    },
    defaultConfig: () => ({}),
  },
  {
    type: 'churn',
    label: 'Churn model',
    description: 'Train a churn classifier; ROC, PR, reliability, lift and importance; activate it',
    defaultTitle: 'Churn model',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    defaultConfig: () => ({ label: 'time-split' }),
  },
  {
    type: 'review',
    label: 'Review',
    description: 'Accept or reject suggestions, one by one or in bulk',
    defaultTitle: 'Review queue',
    inputTypes: ['churn'],
    requiredInputs: 0,
    maxInputs: 1,
    defaultConfig: () => ({ status: 'open' }),
  },
  {
    type: 'segment',
    label: 'Segment',
    description:
      'Customers matching tags, churn risk and features: live count, members, size over time, CSV export',
    defaultTitle: 'Segment',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    // Its count is live from the first condition; its result is the saved segment.
    idleLabel: 'Not saved',
    defaultConfig: () => ({}),
  },
  {
    type: 'report',
    label: 'Report',
    description: 'Tag coverage, acceptance by tag and source, reliability of confidence, drift',
    defaultTitle: 'Tag report',
    inputTypes: [],
    requiredInputs: 0,
    maxInputs: 0,
    defaultConfig: () => ({ bins: 10, days: 30 }),
  },
];

export const CELL_KINDS: ReadonlyMap<CellType, CellKind> = new Map(kinds.map((k) => [k.type, k]));

export function cellKind(type: CellType): CellKind {
  const kind = CELL_KINDS.get(type);
  if (kind === undefined) throw new Error(`unknown cell type "${type}"`);
  return kind;
}
