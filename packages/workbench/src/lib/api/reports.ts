import type { components } from './client.ts';

export type CoverageReport = components['schemas']['CoverageReport'];
export type AcceptanceReport = components['schemas']['AcceptanceReport'];
export type ReliabilityReport = components['schemas']['ReliabilityReport'];
export type DriftReport = components['schemas']['DriftReport'];
export type UnusedTagsReport = components['schemas']['UnusedTagsReport'];
