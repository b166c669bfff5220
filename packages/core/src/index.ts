export * from './grid/grid.js';
export * from './amount/index.js';
export * from './model/index.js';
export * from './catalog/index.js';
export * from './reference/index.js';
export * from './grid/sheet.js';
export * from './diagnostics/index.js';
export * from './rules/index.js';
