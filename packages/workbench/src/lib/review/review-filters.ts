import type { components } from '../api/client.ts';

type Source = components['schemas']['SuggestionSource'];

/** Which pending suggestions a review queue shows ('' = any tag or source, 0 = any confidence). */
export interface ReviewFilters {
  readonly tag: string;
  readonly source: Source | '';
  readonly minConfidence: number;
}

const SOURCES: readonly string[] = ['cluster', 'churn', 'rule'] satisfies readonly Source[];

/** A minimum confidence a queue can filter by: within [0, 1], and 0 for what is no number. */
export function confidenceFloor(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * The filters a review page's address holds (`?tag=champions&source=rule&min_confidence=0.8`,
 * the API's own names), so a queue can be shared as a link. Values that cannot be filters
 * are ignored rather than sent to the API.
 */
export function filtersFromSearch(search: URLSearchParams): ReviewFilters {
  const source = search.get('source') ?? '';
  return {
    tag: search.get('tag') ?? '',
    source: SOURCES.includes(source) ? (source as Source) : '',
    minConfidence: confidenceFloor(Number(search.get('min_confidence') ?? 0)),
  };
}

/** The address query of `filters`: only those set, so an unfiltered queue has none. */
export function searchOfFilters(filters: ReviewFilters): '' | `?${string}` {
  const search = new URLSearchParams();
  if (filters.tag !== '') search.set('tag', filters.tag);
  if (filters.source !== '') search.set('source', filters.source);
  if (filters.minConfidence > 0) search.set('min_confidence', String(filters.minConfidence));
  const query = search.toString();
  return query === '' ? '' : `?${query}`;
}
