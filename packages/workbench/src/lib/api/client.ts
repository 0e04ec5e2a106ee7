import createClient, { type Client } from 'openapi-fetch';
import { problemOf } from './problem.ts';
import type { paths } from './schema.d.ts';

export type { paths, components } from './schema.d.ts';
export type ApiClient = Client<paths>;

/**
 * The typed API client (types generated from the committed OpenAPI document). `baseUrl`
 * is the origin serving both the API and the workbench.
 *
 * @example
 * const api = createApiClient('tw_...');
 * const page = await unwrap(api.GET('/v1/workspaces'));
 */
export function createApiClient(apiKey: string, baseUrl = ''): ApiClient {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}

/** What every openapi-fetch call resolves to. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call; otherwise throws `ApiProblem` (the API's problem+json,
 * or one describing a network failure).
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw problemOf(error, undefined);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemOf(result.error, result.response);
  }
  return result.data as T;
}
