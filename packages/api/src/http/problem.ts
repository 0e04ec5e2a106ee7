import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every problem type the API returns. The `type` URI is `/problems/<slug>` (served as a
 * short JSON description), stable across releases: clients branch on it, never on `title`.
 */
export const PROBLEM_TYPES = {
  'malformed-request': { status: 400, title: 'The request could not be read' },
  'validation-failed': { status: 422, title: 'The request has invalid fields' },
  'invalid-parameters': { status: 400, title: 'The URL has invalid parameters' },
  unauthenticated: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This key may not do that' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'batch-rejected': { status: 422, title: 'The batch has invalid rows; nothing was stored' },
  'engine-rejected': { status: 422, title: 'The computation rejected its input' },
  'not-ready': { status: 503, title: 'The service is not ready' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** Where the problem is: a JSON path (`events.3.amount`) or a CSV location (`line 4: amount`). */
export interface ProblemFieldError {
  readonly path: string;
  readonly message: string;
}

export const problemTypeUri = (slug: ProblemSlug): string => `/problems/${slug}`;

/** An RFC 9457 problem body. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Every offending field or row, when the problem is about input' }),
    requestId: z.string(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

/**
 * A failure meant for the client. Services throw it; the one `onError` turns it into
 * `application/problem+json`.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: ContentfulStatusCode;

  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly errors: readonly ProblemFieldError[] = [],
    status?: ContentfulStatusCode,
  ) {
    super(detail);
    this.status = status ?? PROBLEM_TYPES[slug].status;
  }

  static notFound(what: string): ProblemError {
    return new ProblemError('not-found', `${what} was not found`);
  }

  static forbidden(detail: string): ProblemError {
    return new ProblemError('forbidden', detail);
  }

  static conflict(detail: string): ProblemError {
    return new ProblemError('conflict', detail);
  }

  static validation(detail: string, errors: readonly ProblemFieldError[] = []): ProblemError {
    return new ProblemError('validation-failed', detail, errors);
  }
}

/** Builds the problem body for a slug. */
export function problemBody(
  slug: ProblemSlug,
  detail: string,
  requestId: string,
  options: { errors?: readonly ProblemFieldError[]; status?: number; instance?: string } = {},
): Problem {
  return {
    type: problemTypeUri(slug),
    title: PROBLEM_TYPES[slug].title,
    status: options.status ?? PROBLEM_TYPES[slug].status,
    detail,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...(options.errors === undefined || options.errors.length === 0
      ? {}
      : { errors: [...options.errors] }),
    requestId,
  };
}

/** A problem+json `Response`. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** Formats a zod issue path as `a.b.3.c` (the empty path is the body itself). */
export function formatIssuePath(path: readonly PropertyKey[], prefix = ''): string {
  const joined = path.map((segment) => String(segment)).join('.');
  if (prefix === '') return joined === '' ? '(root)' : joined;
  return joined === '' ? prefix : `${prefix}.${joined}`;
}

/** A validation issue as zod reports it; a failed union carries each branch's issues. */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

/**
 * The issues of a failed validation, each as a path and a message. A union that matched no
 * branch says only "Invalid input" at its own path; it is replaced by the issues of the
 * branch that came closest (the fewest issues), so the caller learns which field to fix.
 * When branches tie (a value of none of a union's types) the union's own message stands.
 */
export function issuesAsFieldErrors(
  issues: readonly ZodIssueLike[],
  prefix = '',
): ProblemFieldError[] {
  return issues.flatMap((issue) => {
    const branches = issue.code === 'invalid_union' ? (issue.errors ?? []) : [];
    const fewest = Math.min(...branches.map((branch) => branch.length));
    const closest = branches.filter((branch) => branch.length === fewest);
    if (closest.length !== 1 || fewest === 0) {
      return [{ path: formatIssuePath(issue.path, prefix), message: issue.message }];
    }
    const here = formatIssuePath(issue.path, prefix);
    return issuesAsFieldErrors(closest[0]!, here === '(root)' ? '' : here);
  });
}
