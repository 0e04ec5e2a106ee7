export * from './errors.ts';
export * from './random/prng.ts';
export * from './linalg/index.ts';
export * from './features/index.ts';
export * from './rules/index.ts';
export * from './metrics/index.ts';
export * from './clustering/index.ts';
export * from './suggest/index.ts';
