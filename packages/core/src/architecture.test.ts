// Core must run unchanged in Node and in the browser (the task pane). Two proofs:
// the lint rule that forbids Node, file and Office imports really fires, and the
// whole of core bundles for the browser with no Node built-in available.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('core purity', () => {
  it('bundles for the browser without any Node built-in', async () => {
    const result = await build({
      entryPoints: [`${coreDir}src/index.ts`],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['@yusuan/source', 'browser'],
      loader: { '.csv': 'text' },
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('node_modules/zod'))).toBe(true);
    expect(inputs.filter((f) => /^node:|exceljs|office/.test(f))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).not.toMatch(/require\(["'](fs|path|node:)/);
  });

  it('the bundle fails as soon as core imports a Node module', async () => {
    await expect(
      build({
        stdin: { contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync;", resolveDir: `${coreDir}src`, loader: 'ts' },
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
      }),
    ).rejects.toThrow();
  });

  it('the lint rule forbids Node, file and Office imports and float money in core', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import ExcelJS from 'exceljs';",
      'export const a = [readFileSync, path, ExcelJS];',
      "export const b = parseFloat('1.5');",
      'export const c = (1.005).toFixed(2);',
    ].join('\n');
    const [result] = await eslint.lintText(source, { filePath: `${coreDir}src/amount/forbidden.ts` });
    const ids = (result?.messages ?? []).map((m) => m.ruleId);
    expect(ids.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
    expect(ids).toContain('no-restricted-globals');
    expect(ids).toContain('no-restricted-properties');
  });

  it('the same imports are allowed outside core', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText("import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", {
      filePath: `${repoRoot}packages/cli/src/allowed.ts`,
    });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
