export * from './matrix.ts';
export * from './pca.ts';
export * from './hungarian.ts';
