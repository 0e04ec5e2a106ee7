import { describe, expect, it } from 'vitest';
import { clusterMovements } from './cluster-drift.ts';

describe('clusterMovements', () => {
  it('reads stayed, moved in, moved out and new members from the flow matrix and matching', () => {
    // Previous run: clusters 0 and 1. New run: cluster 0 continues 1, cluster 1 continues 0,
    // cluster 2 is new.
    const flows = [
      [1, 6, 2], // previous 0: 6 stayed (now 1), 1 went to 0, 2 to 2
      [8, 0, 1], // previous 1: 8 stayed (now 0), 1 went to 2
    ];
    const movements = clusterMovements(
      {
        k: 3,
        matching: { previousOf: [1, 0, -1], centroidShift: [0.1, 0.3, null] },
        movement: { compared: 18, moved: 4, movedShare: 4 / 18, flows },
      },
      new Map([
        [0, 10],
        [1, 6],
        [2, 5],
      ]),
      new Map([[0, 'loyal']]),
    );
    expect(movements).toEqual([
      {
        cluster: 0,
        tag: 'loyal',
        previousCluster: 1,
        centroidShift: 0.1,
        customers: 10,
        stayed: 8,
        movedIn: 1,
        movedOut: 1,
        newCustomers: 1,
      },
      {
        cluster: 1,
        tag: null,
        previousCluster: 0,
        centroidShift: 0.3,
        customers: 6,
        stayed: 6,
        movedIn: 0,
        movedOut: 3,
        newCustomers: 0,
      },
      {
        cluster: 2,
        tag: null,
        previousCluster: null,
        centroidShift: null,
        customers: 5,
        stayed: 0,
        movedIn: 3,
        movedOut: null,
        newCustomers: 2,
      },
    ]);
  });
});
