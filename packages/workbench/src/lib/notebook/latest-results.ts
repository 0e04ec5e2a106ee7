import type { components } from '../api/client.ts';
import type { Cell } from './cell.ts';
import { NotebookModel } from './notebook-model.ts';

type ClusterRun = components['schemas']['ClusterRunSummary'];
type ChurnModel = components['schemas']['ChurnModel'];

/** What a workspace already holds that a notebook can open without recomputing it. */
export interface LatestResults {
  /** The newest clustering run, if any. */
  readonly run: ClusterRun | null;
  /** The active churn model, if any. */
  readonly model: ChurnModel | null;
}

/**
 * The cells of a notebook that opens a workspace's latest results: the newest clustering run
 * with its profiles (where clusters are named as tags), the active churn model, and the review
 * queue. Each cell refers to the existing run or model and is set up as it was computed, so
 * nothing is recomputed and "Run again" repeats it (a run scaled per feature, which the cell
 * cannot express, gets the cell's default scaling). `null` when there is nothing to open.
 */
export function latestResultsCells(latest: LatestResults): Cell[] | null {
  const { run, model } = latest;
  if (run === null && model === null) return null;
  const notebook = new NotebookModel([]);
  notebook.add('markdown', {
    title: 'About this notebook',
    config: {
      text: 'The results already in this workspace. Run a cell again to recompute it with the settings shown.',
    },
  });
  if (run !== null) {
    const k = run.kRequested;
    const cluster = notebook.add('cluster', {
      config: {
        features: run.featureNames,
        ...(typeof run.scaling === 'string' ? { scaling: run.scaling } : {}),
        kMin: typeof k === 'number' ? k : k.min,
        kMax: typeof k === 'number' ? k : k.max,
        seed: run.seed,
      },
    });
    notebook.finish(cluster.id, { runId: run.id, ...jobRef(run.jobId) });
    notebook.add('profiles', { inputs: [cluster.id] });
  }
  let churnCellId: string | undefined;
  if (model !== null) {
    const churn = notebook.add('churn', { config: churnConfigOf(model) });
    notebook.finish(churn.id, { modelId: model.id, ...jobRef(model.jobId) });
    churnCellId = churn.id;
  }
  notebook.add('review', churnCellId === undefined ? {} : { inputs: [churnCellId] });
  return notebook.toJSON();
}

const jobRef = (jobId: string | null): Record<string, string> => (jobId === null ? {} : { jobId });

/** The churn cell's settings that train a model on the same label again. */
function churnConfigOf(model: ChurnModel): Record<string, unknown> {
  const { label } = model;
  return label.kind === 'column'
    ? { label: 'column', column: label.column, positive: label.positive }
    : { label: 'time-split', asOf: label.asOf.slice(0, 10), horizonDays: label.horizonDays };
}

/** The title of a notebook made by `latestResultsCells`. */
export const LATEST_RESULTS_TITLE = 'Latest results';

/**
 * True when a notebook's cells already open these results (a Cluster cell on the run and a
 * Churn cell on the model, where there are such): opening the latest results again goes to
 * that notebook instead of making another copy.
 */
export function opensLatestResults(cells: readonly Cell[], latest: LatestResults): boolean {
  const { run, model } = latest;
  if (run === null && model === null) return false;
  const shows = (type: Cell['type'], ref: string, id: string) =>
    cells.some((c) => c.type === type && c.output?.refs[ref] === id);
  return (
    (run === null || shows('cluster', 'runId', run.id)) &&
    (model === null || shows('churn', 'modelId', model.id))
  );
}
