import { describe, expect, it } from 'vitest';
import { confidenceFloor, filtersFromSearch, searchOfFilters } from './review-filters.ts';

describe("a review page's filters in its address", () => {
  it('reads the filters set, and round-trips them', () => {
    const search = new URLSearchParams('tag=champions&source=rule&min_confidence=0.8');
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({ tag: 'champions', source: 'rule', minConfidence: 0.8 });
    expect(searchOfFilters(filters)).toBe('?tag=champions&source=rule&min_confidence=0.8');
  });

  it('shows every pending suggestion without filters, and writes no query for them', () => {
    const filters = filtersFromSearch(new URLSearchParams(''));
    expect(filters).toEqual({ tag: '', source: '', minConfidence: 0 });
    expect(searchOfFilters(filters)).toBe('');
  });

  it('ignores values that cannot be filters instead of sending them on', () => {
    expect(filtersFromSearch(new URLSearchParams('source=email&min_confidence=lots'))).toEqual({
      tag: '',
      source: '',
      minConfidence: 0,
    });
    expect(filtersFromSearch(new URLSearchParams('min_confidence=7')).minConfidence).toBe(1);
  });

  it('keeps a typed minimum confidence within [0, 1]', () => {
    expect(confidenceFloor(0.35)).toBe(0.35);
    expect(confidenceFloor(-0.2)).toBe(0);
    expect(confidenceFloor(1.5)).toBe(1);
    expect(confidenceFloor(Number.NaN)).toBe(0);
  });
});
