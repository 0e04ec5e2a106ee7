import { describe, expect, it } from 'vitest';
import { describeSource } from './source-names.ts';

describe('where a suggestion or holding came from', () => {
  const id = '4f1a2b3c-0000-4000-8000-000000000000';

  it('names the version when it is known', () => {
    const names = new Map([[id, 'v3']]);
    expect(describeSource('churn', id, names)).toBe('churn model v3');
    expect(describeSource('rule', id, new Map([[id, 'rfm-segments v2']]))).toBe(
      'rule table rfm-segments v2',
    );
  });

  it("shortens the id of a version it has no name for, and names no version it wasn't given", () => {
    expect(describeSource('cluster', id)).toBe('clustering run 4f1a2b3c');
    expect(describeSource('churn', id, new Map([['another', 'v1']]))).toBe('churn model 4f1a2b3c');
    expect(describeSource('manual', null)).toBe('given by hand');
    expect(describeSource('cluster', null)).toBe('clustering run');
  });
});
