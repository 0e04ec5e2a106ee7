export * from './customer-table.ts';
export * from './scaler.ts';
