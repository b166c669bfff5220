export * from './engine/types.js';
export { runRules, sortDiagnostics, defaultCatalogs, type CheckReport } from './engine/run.js';
export { describeLocation } from './engine/describe.js';
export { ENGINE_MESSAGES } from './engine/messages.js';
export { RULES, findRule } from './registry.js';
export { checkDisclosure, renderMessage } from './check.js';
export * from './refs.js';
