// Shared Vitest settings: resolve workspace packages to their TypeScript sources
// (the "@yusuan/source" export condition) and load bundled .csv data as text,
// exactly as tsup does for the published builds.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

export const csvAsText: Plugin = {
  name: 'yusuan-csv-as-text',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0] ?? id;
    if (!file.endsWith('.csv')) return null;
    return `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`;
  },
};

const conditions = ['@yusuan/source', 'import', 'module', 'node', 'default'];

export function sharedConfig(name: string) {
  return defineConfig({
    plugins: [csvAsText],
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@yusuan/source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 120_000,
      reporters: ['default', 'json'],
      outputFile: { json: `../../.test-results/${name}.json` },
    },
  });
}
