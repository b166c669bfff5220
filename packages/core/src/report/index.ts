export * from './formatters.js';
