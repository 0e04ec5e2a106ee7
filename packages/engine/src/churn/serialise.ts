import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../errors.ts';
import type { ChurnModel } from './churn-model.ts';
import type { ChurnEnsemble } from './cross-fit.ts';
import { ensureTfBackend } from './tf-backend.ts';

export const CHURN_MODEL_FORMAT = 'tagwise-churn-model';
export const CHURN_MODEL_VERSION = 1;

/** One TF.js network as JSON: topology, weight manifest, and weights as base64 float32. */
export interface SerializedNetwork {
  readonly modelTopology: unknown;
  readonly weightSpecs: readonly tf.io.WeightsManifestEntry[];
  readonly weightData: string;
}

/** A churn model as plain JSON: everything `churnModelFromJson` needs to score identically. */
export interface SerializedChurnModel extends Omit<ChurnModel, 'ensemble'> {
  readonly format: typeof CHURN_MODEL_FORMAT;
  readonly version: typeof CHURN_MODEL_VERSION;
  readonly ensemble: Omit<ChurnEnsemble, 'members'> & {
    readonly members: readonly SerializedNetwork[];
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function saveNetwork(model: tf.LayersModel): Promise<SerializedNetwork> {
  let saved: SerializedNetwork | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
      saved = {
        modelTopology: artifacts.modelTopology,
        weightSpecs: artifacts.weightSpecs ?? [],
        weightData: toBase64(new Uint8Array(data)),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

async function loadNetwork(network: SerializedNetwork): Promise<tf.LayersModel> {
  const bytes = fromBase64(network.weightData);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: network.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: [...network.weightSpecs],
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    }),
  );
}

/** The model as JSON (networks through `tf.io.withSaveHandler`, weights base64-encoded). */
export async function churnModelToJson(model: ChurnModel): Promise<SerializedChurnModel> {
  const members = await Promise.all(model.ensemble.members.map(saveNetwork));
  return {
    format: CHURN_MODEL_FORMAT,
    version: CHURN_MODEL_VERSION,
    ...model,
    ensemble: { kind: model.ensemble.kind, calibrator: model.ensemble.calibrator, members },
  };
}

/**
 * Rebuilds a model from `churnModelToJson` output (networks through `tf.io.fromMemory`).
 * It scores exactly like the original on the same backend.
 *
 * @throws EngineError `invalid_model` when the JSON is not a churn model of a known version
 */
export async function churnModelFromJson(json: unknown): Promise<ChurnModel> {
  const candidate = json as Partial<SerializedChurnModel> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.format !== CHURN_MODEL_FORMAT
  ) {
    throw new EngineError(
      'invalid_model',
      `not a churn model (expected format "${CHURN_MODEL_FORMAT}")`,
    );
  }
  if (candidate.version !== CHURN_MODEL_VERSION) {
    throw new EngineError(
      'invalid_model',
      `churn model version ${String(candidate.version)} is not supported (this build reads version ${CHURN_MODEL_VERSION})`,
    );
  }
  const { ensemble, schema, design, riskBands, label, training } = candidate;
  if (
    !ensemble ||
    !Array.isArray(ensemble.members) ||
    ensemble.members.length === 0 ||
    !schema ||
    !design ||
    !riskBands ||
    !label ||
    !training
  ) {
    throw new EngineError(
      'invalid_model',
      'churn model JSON is incomplete (ensemble, schema, design, riskBands, label and training are required)',
    );
  }
  await ensureTfBackend();
  const members = await Promise.all(ensemble.members.map(loadNetwork));
  const stored = candidate as SerializedChurnModel;
  return {
    schema: stored.schema,
    label: stored.label,
    design: stored.design,
    riskBands: stored.riskBands,
    explanation: stored.explanation ?? {},
    importance: stored.importance ?? [],
    training: stored.training,
    ...(stored.evaluation === undefined ? {} : { evaluation: stored.evaluation }),
    ensemble: { kind: ensemble.kind, calibrator: ensemble.calibrator, members },
  };
}

/** The model as UTF-8 JSON bytes, e.g. for a database column or a file. */
export async function churnModelToBytes(model: ChurnModel): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await churnModelToJson(model)));
}

/** Reads `churnModelToBytes` output. */
export async function churnModelFromBytes(bytes: Uint8Array): Promise<ChurnModel> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new EngineError(
      'invalid_model',
      `churn model bytes are not JSON: ${(error as Error).message}`,
    );
  }
  return churnModelFromJson(json);
}
