import type { components } from './schema.d.ts';

export type Problem = components['schemas']['Problem'];

/**
 * A failed API call as an Error: the RFC 9457 problem when the API sent one, else a
 * synthesised one (network failure, non-JSON answer). Cells show `readable` where the
 * failure happened.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  /** `conflict`, `validation-failed`, ...: the stable slug of the problem type. */
  get slug(): string {
    return this.problem.type.replace(/^\/problems\//, '');
  }

  /** The detail plus every field error, one line each. */
  get readable(): string {
    const lines = [this.problem.detail];
    for (const error of this.problem.errors ?? []) lines.push(`${error.path}: ${error.message}`);
    return lines.join('\n');
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).type === 'string' &&
    typeof (value as Problem).detail === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** The problem of a failed response (or one describing what came back instead). */
export function problemOf(error: unknown, response: Response | undefined): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (isProblem(error)) return new ApiProblem(error);
  const status = response?.status ?? 0;
  const detail =
    response === undefined
      ? `the API could not be reached: ${error instanceof Error ? error.message : String(error)}`
      : `the API answered ${status} ${response.statusText}`.trim();
  return new ApiProblem({
    type: status === 0 ? '/problems/network' : '/problems/unexpected-response',
    title: status === 0 ? 'Network error' : 'Unexpected response',
    status,
    detail,
    requestId: response?.headers.get('x-request-id') ?? '',
  });
}

/** A readable message for anything thrown while talking to the API. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem) return error.readable;
  if (error instanceof Error) return error.message;
  return String(error);
}
