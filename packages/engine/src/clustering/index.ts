export * from './kmeans.ts';
export * from './kmeans-plus-plus.ts';
export * from './adjusted-rand-index.ts';
