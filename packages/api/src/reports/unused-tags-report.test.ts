import { describe, expect, it } from 'vitest';
import { unusedReason } from './unused-tags-report.ts';

describe('unusedReason', () => {
  it('calls a tag nobody holds or was given unassigned, whatever its reads', () => {
    expect(unusedReason({ holders: 0, assignedInWindow: false, readInWindow: false })).toBe(
      'no-assignments',
    );
  });

  it('calls a held or recently given tag unread when no read fell in the window', () => {
    expect(unusedReason({ holders: 3, assignedInWindow: false, readInWindow: false })).toBe(
      'no-reads',
    );
    expect(unusedReason({ holders: 0, assignedInWindow: true, readInWindow: false })).toBe(
      'no-reads',
    );
  });

  it('leaves a held and read tag out', () => {
    expect(unusedReason({ holders: 3, assignedInWindow: false, readInWindow: true })).toBeNull();
  });
});
