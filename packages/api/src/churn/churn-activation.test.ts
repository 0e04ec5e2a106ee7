import { describe, expect, it } from 'vitest';
import { decideActivation } from './churn-activation.ts';
import { resolveInputNames } from './churn-inputs.ts';
import type { ChurnLabelSpec } from './churn-params.ts';

const churnYes: ChurnLabelSpec = {
  kind: 'column',
  column: 'churn',
  positive: 'yes',
  negative: 'no',
};
const split = (asOf: string, horizonDays: number): ChurnLabelSpec => ({
  kind: 'time-split',
  asOf,
  horizonDays,
});

describe('decideActivation', () => {
  it('activates the first model of a workspace', () => {
    expect(decideActivation({ version: 1, label: churnYes, heldoutValue: 0.6 }, undefined)).toEqual(
      {
        activate: true,
        reason: 'no churn model was active',
      },
    );
  });

  it('activates only a strictly higher held-out ROC-AUC for the same label', () => {
    const active = { version: 1, label: churnYes, heldoutValue: 0.88 };
    expect(decideActivation({ version: 2, label: churnYes, heldoutValue: 0.91 }, active)).toEqual({
      activate: true,
      reason: 'held-out ROC-AUC 0.910 beats the active model v1 (0.880)',
    });
    expect(decideActivation({ version: 2, label: churnYes, heldoutValue: 0.88 }, active)).toEqual({
      activate: false,
      reason: 'held-out ROC-AUC 0.880 does not beat the active model v1 (0.880)',
    });
    expect(
      decideActivation({ version: 2, label: churnYes, heldoutValue: Number.NaN }, active).activate,
    ).toBe(false);
  });

  it('shows as many decimals as it takes to tell two close ROC-AUCs apart', () => {
    const active = { version: 1, label: churnYes, heldoutValue: 0.85029 };
    expect(
      decideActivation({ version: 2, label: churnYes, heldoutValue: 0.85034 }, active).reason,
    ).toBe('held-out ROC-AUC 0.85034 beats the active model v1 (0.85029)');
    expect(
      decideActivation({ version: 2, label: churnYes, heldoutValue: 0.8502 }, active).reason,
    ).toBe('held-out ROC-AUC 0.8502 does not beat the active model v1 (0.8503)');
  });

  it('never compares across labels, but a later cut-off with the same horizon is the same label', () => {
    const active = { version: 1, label: split('2024-01-01T00:00:00.000Z', 90), heldoutValue: 0.7 };
    const later = { version: 2, label: split('2024-06-01T00:00:00.000Z', 90), heldoutValue: 0.75 };
    expect(decideActivation(later, active).activate).toBe(true);
    const horizon = {
      version: 2,
      label: split('2024-06-01T00:00:00.000Z', 30),
      heldoutValue: 0.99,
    };
    expect(decideActivation(horizon, active)).toMatchObject({ activate: false });
    expect(decideActivation(horizon, active).reason).toMatch(/ROC-AUC does not compare/);
    const column = { version: 2, label: churnYes, heldoutValue: 0.99 };
    expect(decideActivation(column, active).activate).toBe(false);
    const otherPositive = {
      version: 2,
      label: { ...churnYes, positive: 'no', negative: 'yes' } as ChurnLabelSpec,
      heldoutValue: 0.99,
    };
    expect(decideActivation(otherPositive, { ...active, label: churnYes }).activate).toBe(false);
  });
});

describe('resolveInputNames', () => {
  const available = {
    behavioural: ['frequency', 'monetary'],
    attributes: ['churn', 'plan', 'tenure'],
  };

  it('expands `all`, leaving the label column out', () => {
    expect(resolveInputNames({ label: { kind: 'column', column: 'churn' } }, available)).toEqual({
      behavioural: ['frequency', 'monetary'],
      attributes: ['plan', 'tenure'],
      errors: [],
    });
  });

  it('names unknown inputs, the label column and names in both lists', () => {
    const { errors } = resolveInputNames(
      {
        label: { kind: 'column', column: 'churn' },
        features: { behavioural: ['frequency', 'tenure'], attributes: ['tenure', 'churn', 'zip'] },
      },
      available,
    );
    expect(errors).toEqual([
      {
        path: 'features.behavioural.1',
        message: 'unknown stored feature "tenure"; available: frequency, monetary',
      },
      {
        path: 'features.attributes.1',
        message: '"churn" is the label column; it cannot be an input',
      },
      {
        path: 'features.attributes.2',
        message: 'unknown attribute "zip"; available: churn, plan, tenure',
      },
      {
        path: 'features.attributes',
        message:
          'tenure is both an attribute and a behavioural feature; choose each in one list only',
      },
    ]);
  });

  it('tells to refresh features when none are stored, and refuses an empty selection', () => {
    const none = { behavioural: [], attributes: ['churn'] };
    expect(
      resolveInputNames(
        { label: { kind: 'column', column: 'churn' }, features: { behavioural: ['frequency'] } },
        none,
      ).errors[0]?.message,
    ).toMatch(/run a feature-refresh job first/);
    expect(resolveInputNames({ label: { kind: 'column', column: 'churn' } }, none).errors).toEqual([
      { path: 'features', message: 'no inputs are selected: name features or attributes' },
    ]);
    // Event features of a time split are known only once computed: `all` passes for now.
    const timeSplit = {
      kind: 'time-split',
      asOf: '2024-01-01T00:00:00Z',
      horizonDays: 30,
    } as const;
    expect(
      resolveInputNames({ label: timeSplit }, { behavioural: undefined, attributes: [] }).errors,
    ).toEqual([]);
  });
});
