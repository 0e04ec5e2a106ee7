import { describe, expect, it } from 'vitest';
import { describeOrigin } from './source-names.ts';

describe('where a suggestion or holding came from (its origin)', () => {
  const id = '4f1a2b3c-0000-4000-8000-000000000000';

  it('names the version when it is known', () => {
    const names = new Map([[id, 'v3']]);
    expect(describeOrigin('churn', id, names)).toBe('churn model v3');
    expect(describeOrigin('rule', id, new Map([[id, 'rfm-segments v2']]))).toBe(
      'rule table rfm-segments v2',
    );
  });

  it("shortens the id of a version it has no name for, and names no version it wasn't given", () => {
    expect(describeOrigin('cluster', id)).toBe('clustering run 4f1a2b3c');
    expect(describeOrigin('churn', id, new Map([['another', 'v1']]))).toBe('churn model 4f1a2b3c');
    expect(describeOrigin('manual', null)).toBe('given by hand');
    expect(describeOrigin('cluster', null)).toBe('clustering run');
  });
});
