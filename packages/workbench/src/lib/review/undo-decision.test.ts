import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { ApiClient, components, paths } from '../api/client.ts';
import { acceptedSuggestion } from '../testing/suggestion.ts';
import { SuggestionActionFailure } from '../api/suggestion-decisions.ts';
import { undoDecision } from './undo-decision.ts';

type Suggestion = components['schemas']['Suggestion'];

const ID = '11111111-0000-4000-8000-000000000000';

const accepted = acceptedSuggestion({ id: ID });
const pending: Suggestion = { ...accepted, status: 'pending', decidedBy: null, decidedAt: null };

/** The reopen's answer: the suggestion pending again, with what happened to the tag. */
const reopened = (tag: { tagTakenBack: boolean; tagHeld: boolean }) => () =>
  Response.json({ ...pending, ...tag });

/** A client answering the reopen with `reopen`, recording each request as `METHOD path`. */
function fakeApi(reopen: () => Response): { api: ApiClient; calls: string[] } {
  const calls: string[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://tagwise.test',
    fetch: (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return Promise.resolve(reopen());
    },
  });
  return { api, calls };
}

describe('undoing a decision', () => {
  it('reopens an accept in one call and says the tag was taken back', async () => {
    const { api, calls } = fakeApi(reopened({ tagTakenBack: true, tagHeld: false }));
    expect(await undoDecision(api, 'shop', accepted)).toEqual({
      suggestion: pending,
      outcome: 'tag-taken-back',
    });
    expect(calls).toEqual([`POST /v1/workspaces/shop/suggestions/${ID}/reopen`]);
  });

  it('says the customer keeps a tag they held apart from the accept', async () => {
    const { api } = fakeApi(reopened({ tagTakenBack: false, tagHeld: true }));
    expect((await undoDecision(api, 'shop', accepted)).outcome).toBe('tag-kept');
  });

  it('only reopens a rejection, and an accept whose tag was gone already', async () => {
    const rejected = fakeApi(reopened({ tagTakenBack: false, tagHeld: false }));
    expect(await undoDecision(rejected.api, 'shop', { ...accepted, status: 'rejected' })).toEqual({
      suggestion: pending,
      outcome: 'reopened',
    });
    const gone = fakeApi(reopened({ tagTakenBack: false, tagHeld: false }));
    expect((await undoDecision(gone.api, 'shop', accepted)).outcome).toBe('reopened');
  });

  it('gives the API’s reason for a refusal, naming the suggestion by tag and customer', async () => {
    const { api } = fakeApi(() =>
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
    expect(failure).toBeInstanceOf(SuggestionActionFailure);
    expect((failure as SuggestionActionFailure).final).toBe(true);
    expect((failure as SuggestionActionFailure).message).toBe(
      'Could not undo: the suggestion “Steady buyers” for customer c001 has been followed by a newer suggestion of the same tag from the same source; decide that one instead.',
    );
  });

  it('can be tried again after a failure that was not a refusal', async () => {
    const { api } = fakeApi(() => new Response('bad gateway', { status: 502 }));
    const failure = await undoDecision(api, 'shop', { ...accepted, status: 'rejected' }).catch(
      (error: unknown) => error,
    );
    expect((failure as SuggestionActionFailure).final).toBe(false);
  });
});
