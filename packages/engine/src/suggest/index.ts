export * from './suggestion.ts';
