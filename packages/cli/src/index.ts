export { main, VERSION, type Io } from './main.js';
export { summarize } from './commands/summary.js';
export { readModelFile } from './model-file.js';
