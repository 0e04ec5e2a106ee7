import type { components } from '../api/client.ts';
import { formatNumber } from '../format.ts';

export type TagHolder = components['schemas']['TagHolder'];

/**
 * Who gave a holder the tag: the name of the API key that accepted the suggestion or gave
 * it by hand, or `automatically` when the system did (auto-accept, rules).
 *
 * @example describeGivenBy({ keyId: 'k1', name: 'Ops team' }) // 'Ops team'
 * @example describeGivenBy(null) // 'automatically'
 */
export function describeGivenBy(assignedBy: TagHolder['assignedBy']): string {
  return assignedBy === null ? 'automatically' : assignedBy.name;
}

/**
 * The line above the holders table: how many hold the tag and how many of them are listed.
 * `total` is the tag's count of holders when the page opened; once every page is read
 * (`complete`) the list itself is the answer, even if holders came or went since.
 *
 * @example holdersSummary(1234, 100) // '1,234 customers hold this tag; the first 100 are listed.'
 */
export function holdersSummary(total: number, shown: number, complete: boolean): string {
  const count = complete ? shown : Math.max(total, shown);
  if (count === 0) return 'No customer holds this tag.';
  const who =
    count === 1 ? '1 customer holds this tag' : `${formatNumber(count)} customers hold this tag`;
  if (complete || shown >= count) return `${who}.`;
  return `${who}; the first ${formatNumber(shown)} are listed.`;
}
