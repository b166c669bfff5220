import { defineConfig } from 'tsup';

// The task pane is a browser bundle: core is bundled in, nothing from Node may leak in.
export default defineConfig({
  entry: { taskpane: 'src/taskpane.ts' },
  format: ['iife'],
  globalName: 'YusuanPane',
  platform: 'browser',
  target: 'es2020',
  sourcemap: true,
  clean: true,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.conditions = ['@yusuan/source', 'browser', 'import'];
  },
  loader: { '.csv': 'text' },
});
