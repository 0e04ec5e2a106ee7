import { describe, expect, it } from 'vitest';
import { openApiViolations } from './openapi-contract.ts';

const BASE = 'http://127.0.0.1:8080';
const JSON_TYPE = 'application/json; charset=UTF-8';

describe('the OpenAPI contract check', () => {
  const workspace = { slug: 'acme', name: 'Acme', createdAt: '2026-01-01T00:00:00.000Z' };

  it('accepts an answer that matches the documented schema', () => {
    expect(
      openApiViolations('GET', `${BASE}/v1/workspaces/acme`, 200, JSON_TYPE, workspace),
    ).toEqual([]);
  });

  it('names a missing property and a wrong type', () => {
    const violations = openApiViolations('GET', `${BASE}/v1/workspaces/acme`, 200, JSON_TYPE, {
      slug: 'acme',
      createdAt: 7,
    });
    expect(violations).toContain(
      "GET /v1/workspaces/{workspace} → 200: (body) must have required property 'name'",
    );
    expect(violations).toContain('GET /v1/workspaces/{workspace} → 200: /createdAt must be string');
  });

  it('refuses a field the document does not name, also in a schema extended through allOf', () => {
    expect(
      openApiViolations('GET', `${BASE}/v1/workspaces/acme`, 200, JSON_TYPE, {
        ...workspace,
        secret: 'x',
      }),
    ).toEqual([
      'GET /v1/workspaces/{workspace} → 200: (body) must NOT have unevaluated properties',
    ]);
    const accept = `${BASE}/v1/workspaces/acme/suggestions/0b0e5f9e-1f4c-4c1e-9d57-2f8f3f0a1b2c/accept`;
    const conflict = {
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'already accepted',
      instance: '/v1/workspaces/acme/suggestions/…/accept',
      requestId: 'r1',
      decision: { status: 'accepted', decidedBy: null, decidedAt: null, reason: null },
    };
    const problemType = 'application/problem+json';
    expect(openApiViolations('POST', accept, 409, problemType, conflict)).toEqual([]);
    expect(openApiViolations('POST', accept, 409, problemType, { ...conflict, extra: 1 })).toEqual([
      'POST /v1/workspaces/{workspace}/suggestions/{suggestionId}/accept → 409: (body) must NOT have unevaluated properties',
    ]);
  });

  it('refuses a status or a media type the operation does not document', () => {
    expect(
      openApiViolations('GET', `${BASE}/v1/workspaces/acme`, 418, JSON_TYPE, workspace),
    ).toEqual(['GET /v1/workspaces/{workspace} → 418: status not documented']);
    expect(
      openApiViolations('GET', `${BASE}/v1/workspaces/acme`, 200, 'text/plain', undefined),
    ).toEqual(['GET /v1/workspaces/{workspace} → 200: content type text/plain not documented']);
    expect(openApiViolations('PUT', `${BASE}/v1/workspaces/acme`, 200, JSON_TYPE, {})).toEqual([
      'PUT /v1/workspaces/{workspace} is not documented',
    ]);
  });

  it('checks a literal segment against its own operation, not the parameter beside it', () => {
    const violations = openApiViolations(
      'GET',
      `${BASE}/v1/workspaces/acme/tags/check?slug=vip`,
      200,
      JSON_TYPE,
      workspace,
    );
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.startsWith('GET /v1/workspaces/{workspace}/tags/check'))).toBe(
      true,
    );
  });

  it('refuses an answer from an undocumented API path, but not the 404 for no route', () => {
    expect(openApiViolations('GET', `${BASE}/v1/secret`, 200, JSON_TYPE, {})).toEqual([
      'GET /v1/secret → 200: no documented path matches',
    ]);
    expect(openApiViolations('GET', `${BASE}/v1/secret`, 404, JSON_TYPE, {})).toEqual([]);
  });

  it('leaves paths outside the API alone (the workbench)', () => {
    expect(openApiViolations('GET', `${BASE}/w/acme`, 200, 'text/html', undefined)).toEqual([]);
  });
});
