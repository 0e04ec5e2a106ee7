export * from './errors.ts';
export * from './random/prng.ts';
export * from './linalg/matrix.ts';
export * from './features/index.ts';
export * from './rules/index.ts';
