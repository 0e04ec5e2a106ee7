import { ApiProblem } from './api/problem.ts';

/** True when the API answered that what was asked for does not exist (404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 404;
}
