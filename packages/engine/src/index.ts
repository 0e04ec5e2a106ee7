export * from './errors.ts';
export * from './random/prng.ts';
export * from './linalg/matrix.ts';
