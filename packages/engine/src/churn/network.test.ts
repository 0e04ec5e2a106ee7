import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/prng.ts';
import { buildNetwork, forwardLogits } from './network.ts';
import { selectTfBackend } from './tf-backend.ts';

/** Largest absolute difference between two tensors of the same shape. */
function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

// Both backends that install everywhere: the gradient takes a different path on each.
describe.each(['wasm', 'cpu'] as const)(
  'the network forward pass and its gradients on %s',
  (backend) => {
    beforeAll(async () => {
      await selectTfBackend(backend);
    });

    // The training loop runs its own dense layers (a fused product with a hand-written
    // gradient); they must compute what TF.js's Dense layers compute, values and gradients.
    it.each(['logistic', 'mlp'] as const)(
      '%s: logits and gradients equal those of the TF.js layers',
      (kind) => {
        const rng = createRng(11);
        const model = buildNetwork(kind, 7, [5, 3], rng);
        // MLP biases start at zero; random ones make every ReLU boundary count.
        for (const weight of model.trainableWeights.filter((w) => w.name.includes('bias'))) {
          weight.write(tf.randomNormal(weight.read().shape, 0, 0.5, 'float32', rng.nextSeed()));
        }
        const x = tf.randomNormal([40, 7], 0, 1, 'float32', 3) as tf.Tensor2D;
        const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
        const ours = () => tf.sum(tf.square(forwardLogits(model, x))) as tf.Scalar;
        const layers = () =>
          tf.sum(tf.square((model.apply(x) as tf.Tensor).reshape([-1]))) as tf.Scalar;

        const before = tf.memory().numTensors;
        tf.tidy(() => {
          expect(
            maxDifference(forwardLogits(model, x), (model.apply(x) as tf.Tensor).reshape([-1])),
          ).toBeLessThan(1e-5);
          const oursByVariable = tf.variableGrads(ours, variables).grads;
          const layersByVariable = tf.variableGrads(layers, variables).grads;
          expect(Object.keys(oursByVariable).sort()).toEqual(Object.keys(layersByVariable).sort());
          for (const [name, gradient] of Object.entries(oursByVariable)) {
            expect(maxDifference(gradient, layersByVariable[name]!), name).toBeLessThan(1e-4);
          }
          // With respect to the input, as integrated-gradient explanations use it: in both
          // modes, the weights' gradients skipped or not.
          const byInput = (f: (input: tf.Tensor2D) => tf.Tensor) =>
            tf.grad((input: tf.Tensor) => tf.sum(f(input as tf.Tensor2D)))(x);
          const layersByInput = byInput((input) => model.apply(input) as tf.Tensor);
          for (const gradient of ['all', 'input'] as const) {
            expect(
              maxDifference(
                byInput((input) => forwardLogits(model, input, { gradient })),
                layersByInput,
              ),
              gradient,
            ).toBeLessThan(1e-5);
          }
        });
        expect(tf.memory().numTensors).toBe(before);
        x.dispose();
        model.dispose();
      },
    );
  },
);

describe('a network the training loop did not build', () => {
  it('is refused with an invalid_model error naming the layer', async () => {
    await selectTfBackend('wasm');
    const foreign = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [3], units: 1, activation: 'tanh', name: 'out' })],
    });
    const x = tf.zeros([2, 3]) as tf.Tensor2D;
    expect(() => forwardLogits(foreign, x)).toThrow(
      expect.objectContaining({
        code: 'invalid_model',
        message: expect.stringContaining('"out" is a Dense with activation tanh'),
      }),
    );
    x.dispose();
    foreign.dispose();
  });
});
