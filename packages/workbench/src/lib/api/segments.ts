import type { components } from './client.ts';

export type Segment = components['schemas']['Segment'];
export type SegmentMember = components['schemas']['SegmentMember'];
/** (The published schema makes the snapshot component itself nullable, for `lastSnapshot`.) */
export type SegmentSnapshot = NonNullable<components['schemas']['SegmentSnapshot']>;
export type SegmentPreview = components['schemas']['SegmentPreview'];
