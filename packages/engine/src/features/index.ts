export * from './customer-table.ts';
export * from './scaler.ts';
export * from './events.ts';
export * from './event-features-table.ts';
export * from './event-features.ts';
export * from './event-features-windows.ts';
