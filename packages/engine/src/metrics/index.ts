export * from './binary-labels.ts';
export * from './roc.ts';
export * from './precision-recall.ts';
export * from './probability-scores.ts';
export * from './reliability.ts';
export * from './lift.ts';
export * from './classification-report.ts';
