import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { ApiClient, components, paths } from '../api/client.ts';
import { acceptedSuggestion } from '../testing/suggestion.ts';
import { holdsTag, undoDecision, UndoFailure } from './undo-decision.ts';

type Suggestion = components['schemas']['Suggestion'];
type CustomerTagHolding = components['schemas']['CustomerTagHolding'];

const ID = '11111111-0000-4000-8000-000000000000';

const accepted = acceptedSuggestion({ id: ID });
const pending: Suggestion = { ...accepted, status: 'pending', decidedBy: null, decidedAt: null };

function holding(patch: Partial<CustomerTagHolding> = {}): CustomerTagHolding {
  return {
    id: '7',
    customer: 'c001',
    tag: 'steady-buyers',
    source: 'cluster',
    sourceVersion: accepted.sourceVersion,
    confidence: 0.8,
    suggestionId: ID,
    assignedBy: 'key-1',
    assignedAt: '2026-11-24T13:05:00.123Z',
    assignmentReason: null,
    removedAt: null,
    removedBy: null,
    removalReason: null,
    ...patch,
  };
}
const taken = holding({
  removedAt: '2026-11-24T13:06:00.000Z',
  removalReason: 'acceptance undone',
});

/**
 * A client answering the reopen with `reopen` and each read of the tag history with the
 * next of `histories`, recording each request as `METHOD path?query`.
 */
function fakeApi(
  histories: { items: CustomerTagHolding[]; nextCursor: string | null }[],
  reopen: () => Response = () => Response.json(pending),
): { api: ApiClient; calls: string[] } {
  const calls: string[] = [];
  let read = 0;
  const api = createClient<paths>({
    baseUrl: 'http://tagwise.test',
    fetch: (request: Request) => {
      const url = new URL(request.url);
      calls.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      if (request.method === 'POST') return Promise.resolve(reopen());
      return Promise.resolve(Response.json(histories[read++]));
    },
  });
  return { api, calls };
}

describe('undoing a decision', () => {
  it('reopens an accept and says the tag was taken back when the customer no longer holds it', async () => {
    const { api, calls } = fakeApi([
      { items: [holding()], nextCursor: null },
      { items: [taken], nextCursor: null },
    ]);
    expect(await undoDecision(api, 'shop', accepted)).toEqual({
      suggestion: pending,
      outcome: 'tag-taken-back',
    });
    expect(calls).toEqual([
      'GET /v1/workspaces/shop/customers/c001/tags?limit=500',
      `POST /v1/workspaces/shop/suggestions/${ID}/reopen`,
      'GET /v1/workspaces/shop/customers/c001/tags?limit=500',
    ]);
  });

  it('says the customer keeps a tag they held apart from the accept', async () => {
    const byHand = holding({ source: 'manual', sourceVersion: null, suggestionId: null });
    const { api } = fakeApi([
      { items: [byHand], nextCursor: null },
      { items: [byHand], nextCursor: null },
    ]);
    expect((await undoDecision(api, 'shop', accepted)).outcome).toBe('tag-kept');
  });

  it('only reopens a rejection, and an accept whose tag was gone already', async () => {
    const rejected = fakeApi([]);
    expect(await undoDecision(rejected.api, 'shop', { ...accepted, status: 'rejected' })).toEqual({
      suggestion: pending,
      outcome: 'reopened',
    });
    expect(rejected.calls).toEqual([`POST /v1/workspaces/shop/suggestions/${ID}/reopen`]);

    const gone = fakeApi([{ items: [taken], nextCursor: null }]);
    expect((await undoDecision(gone.api, 'shop', accepted)).outcome).toBe('reopened');
    expect(gone.calls).toHaveLength(2);
  });

  it('gives the API’s reason for a refusal, naming the suggestion by tag and customer', async () => {
    const { api } = fakeApi([], () =>
      Response.json(
        {
          type: '/problems/conflict',
          title: 'Conflict',
          status: 409,
          detail: `suggestion ${ID} has been followed by a newer suggestion of the same tag from the same source; decide that one instead`,
          requestId: 'r1',
        },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const failure = await undoDecision(api, 'shop', { ...accepted, status: 'rejected' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UndoFailure);
    expect((failure as UndoFailure).final).toBe(true);
    expect((failure as UndoFailure).message).toBe(
      'Could not undo: the suggestion “Steady buyers” for customer c001 has been followed by a newer suggestion of the same tag from the same source; decide that one instead.',
    );
  });

  it('can be tried again after a failure that was not a refusal', async () => {
    const { api } = fakeApi([], () => new Response('bad gateway', { status: 502 }));
    const failure = await undoDecision(api, 'shop', { ...accepted, status: 'rejected' }).catch(
      (error: unknown) => error,
    );
    expect((failure as UndoFailure).final).toBe(false);
  });
});

describe('whether a customer holds a tag', () => {
  it('reads older pages of the history until it finds an open holding of the tag', async () => {
    const { api, calls } = fakeApi([
      { items: [holding({ tag: 'vip' }), taken], nextCursor: 'next' },
      { items: [holding({ id: '3' })], nextCursor: null },
    ]);
    expect(await holdsTag(api, 'shop', 'c001', 'steady-buyers')).toBe(true);
    expect(calls).toEqual([
      'GET /v1/workspaces/shop/customers/c001/tags?limit=500',
      'GET /v1/workspaces/shop/customers/c001/tags?limit=500&cursor=next',
    ]);
    const none = fakeApi([{ items: [taken], nextCursor: null }]);
    expect(await holdsTag(none.api, 'shop', 'c001', 'steady-buyers')).toBe(false);
  });
});
