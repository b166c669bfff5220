export * from './columns.js';
export * from './schema.js';
export * from './indicator-value.js';
export * from './paths.js';
export * from './validate.js';
