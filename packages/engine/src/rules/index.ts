export * from './rule-types.ts';
export * from './validate-rules.ts';
export * from './evaluate-rules.ts';
export * from './rfm-scores.ts';
export * from './rfm-segments.ts';
export * from './lifecycle-rules.ts';
