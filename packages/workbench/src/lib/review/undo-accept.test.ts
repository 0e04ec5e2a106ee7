import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { ApiClient, components, paths } from '../api/client.ts';
import { decisionNotice, undoNotice } from './decision-notice.ts';
import { holdingGivenBy, undoAccept, UNDO_REASON, type CustomerTagHolding } from './undo-accept.ts';

type Suggestion = components['schemas']['Suggestion'];

const RUN = '4f1a2b3c-0000-4000-8000-000000000000';
const DECIDED = '2026-11-24T13:05:00.123Z';

const accepted: Suggestion = {
  id: '11111111-0000-4000-8000-000000000000',
  customer: 'c001',
  tag: 'steady-buyers',
  tagDisplayName: 'Steady buyers',
  source: 'cluster',
  sourceVersion: RUN,
  confidence: 0.8,
  explanation: { factors: [], text: '' },
  status: 'accepted',
  decidedBy: 'key-1',
  decidedAt: DECIDED,
  reason: null,
  createdAt: '2026-11-24T12:00:00.000Z',
};

function holding(patch: Partial<CustomerTagHolding> = {}): CustomerTagHolding {
  return {
    id: '7',
    customer: 'c001',
    tag: 'steady-buyers',
    source: 'cluster',
    sourceVersion: RUN,
    confidence: null,
    suggestionId: null,
    assignedBy: 'key-1',
    assignedAt: DECIDED,
    assignmentReason: null,
    removedAt: null,
    removedBy: null,
    removalReason: null,
    ...patch,
  };
}

describe('the holding an accept gave', () => {
  it('is the open holding of the tag from the same source and version, given at the decision', () => {
    const own = holding();
    expect(holdingGivenBy(accepted, [holding({ tag: 'vip', id: '9' }), own])).toBe(own);
  });

  it('is not a holding given before the decision, by hand, by another version, or ended', () => {
    expect(holdingGivenBy(accepted, [holding({ assignedAt: '2026-11-24T13:04:59.000Z' })])).toBe(
      undefined,
    );
    expect(holdingGivenBy(accepted, [holding({ source: 'manual', sourceVersion: null })])).toBe(
      undefined,
    );
    expect(holdingGivenBy(accepted, [holding({ sourceVersion: 'another-run' })])).toBe(undefined);
    expect(holdingGivenBy(accepted, [holding({ removedAt: '2026-11-24T13:06:00.000Z' })])).toBe(
      undefined,
    );
    expect(holdingGivenBy({ ...accepted, status: 'rejected' }, [holding()])).toBe(undefined);
  });
});

/** A client whose answers come from `answer`, recording each request as `METHOD path?query`. */
function fakeApi(answer: (request: Request) => unknown): { api: ApiClient; calls: string[] } {
  const calls: string[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://tagwise.test',
    fetch: (request: Request) => {
      const url = new URL(request.url);
      calls.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      return Promise.resolve(Response.json(answer(request)));
    },
  });
  return { api, calls };
}

describe('undoing an accept', () => {
  it('closes the holding the accept gave, with the reason', async () => {
    const { api, calls } = fakeApi((request) =>
      request.method === 'DELETE'
        ? holding({ removedAt: '2026-11-24T13:06:00.000Z', removalReason: UNDO_REASON })
        : { items: [holding({ tag: 'vip', id: '8' }), holding()], nextCursor: null },
    );
    const outcome = await undoAccept(api, 'shop', accepted);
    expect(outcome.kind).toBe('removed');
    expect(calls).toEqual([
      'GET /v1/workspaces/shop/customers/c001/tags?limit=100',
      `DELETE /v1/workspaces/shop/customers/c001/tags/steady-buyers?reason=${UNDO_REASON}`,
    ]);
  });

  it('reads older pages of the history until it finds the tag', async () => {
    const { api, calls } = fakeApi((request) =>
      request.method === 'DELETE'
        ? holding({ removedAt: '2026-11-24T13:06:00.000Z' })
        : new URL(request.url).searchParams.has('cursor')
          ? { items: [holding()], nextCursor: null }
          : { items: [holding({ tag: 'vip', id: '9' })], nextCursor: 'next' },
    );
    expect((await undoAccept(api, 'shop', accepted)).kind).toBe('removed');
    expect(calls).toHaveLength(3);
  });

  it('leaves a holding the accept did not give, and says when the tag is gone already', async () => {
    const byHand = fakeApi(() => ({
      items: [
        holding({ source: 'manual', sourceVersion: null, assignedAt: '2026-11-01T00:00:00Z' }),
      ],
      nextCursor: null,
    }));
    expect(await undoAccept(byHand.api, 'shop', accepted)).toEqual({ kind: 'held-otherwise' });
    expect(byHand.calls.some((c) => c.startsWith('DELETE'))).toBe(false);

    const removed = fakeApi(() => ({
      items: [holding({ removedAt: '2026-11-24T13:06:00.000Z' })],
      nextCursor: null,
    }));
    expect(await undoAccept(removed.api, 'shop', accepted)).toEqual({ kind: 'not-held' });
    expect(removed.calls.some((c) => c.startsWith('DELETE'))).toBe(false);
  });
});

describe('the notice after a decision', () => {
  it('offers to undo an accept, and says a rejection is final', () => {
    expect(decisionNotice('accept', accepted)).toMatchObject({
      text: 'Accepted “Steady buyers” for customer c001.',
      undoable: true,
    });
    const rejected = decisionNotice('reject', { ...accepted, status: 'rejected' });
    expect(rejected.undoable).toBe(false);
    expect(rejected.text).toContain('cannot be undone');
  });

  it('says what undoing did to the customer’s tag', () => {
    const removed = undoNotice({ kind: 'removed', holding: holding() }, accepted);
    expect(removed.text).toMatch(/^Undone: customer c001 no longer holds “Steady buyers”\./);
    expect(removed.text).toContain('stays accepted');
    expect(undoNotice({ kind: 'held-otherwise' }, accepted).text).toMatch(/^Nothing undone/);
    expect(undoNotice({ kind: 'not-held' }, accepted).text).toMatch(/^Nothing to undo/);
    expect(undoNotice({ kind: 'not-held' }, accepted).undoable).toBe(false);
  });
});
