import type { components } from './client.ts';

export type Segment = components['schemas']['Segment'];
export type SegmentMember = components['schemas']['SegmentMember'];
export type SegmentSnapshot = components['schemas']['SegmentSnapshot'];
export type SegmentPreview = components['schemas']['SegmentPreview'];
