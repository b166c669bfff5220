import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// The add-in is static files: the task pane and the ribbon's function file as browser
// bundles (IIFE, core bundled in, nothing from Node), the pages, CSS and icons from
// public/, and the manifest. dist/ is what a web server hosts (docs/addin.md).
export default defineConfig({
  entry: { taskpane: 'src/taskpane.ts', commands: 'src/commands.ts' },
  format: ['iife'],
  // The pane's API on `window.YusuanPane` (the commands page exposes its own under the same name).
  globalName: 'YusuanPane',
  outExtension: () => ({ js: '.js' }),
  platform: 'browser',
  target: 'es2020',
  sourcemap: true,
  clean: true,
  minify: true,
  noExternal: [/.*/],
  publicDir: 'public',
  esbuildOptions(options) {
    options.conditions = ['@yusuan/source', 'browser', 'import'];
    options.charset = 'utf8';
  },
  loader: { '.csv': 'text' },
  async onSuccess() {
    await copyFile('manifest.xml', 'dist/manifest.xml');
  },
});
