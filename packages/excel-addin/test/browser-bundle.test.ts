// The pane bundle (core included) runs in a browser-like sandbox: no `process`,
// no `require`, no Buffer, no Node module. If core ever reached for Node, the
// bundle would fail to build or to run here. (The page itself is tested in
// Chromium: browser-pane.test.ts.)
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { generateForms, referenceDisclosure } from '@yusuan/core';
import { describe, expect, it } from 'vitest';

const bundles = Object.fromEntries(['taskpane', 'commands'].map((name) => [name, readFileSync(new URL(`../dist/${name}.js`, import.meta.url), 'utf8')]));

function browserSandbox() {
  const sandbox: Record<string, unknown> = {
    console,
    TextEncoder,
    TextDecoder,
    URL,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    structuredClone,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  return vm.createContext(sandbox);
}

describe('task pane bundles', () => {
  it('have no Node require or import in them', () => {
    for (const bundle of Object.values(bundles)) {
      expect(bundle).not.toMatch(/\brequire\(["'](node:|fs|path)/);
      expect(bundle).not.toMatch(/from\s*["']node:/);
    }
  });

  it('run core in a browser-like sandbox and check the reference forms', () => {
    const ctx = browserSandbox();
    vm.runInContext(`${bundles.taskpane}\n;globalThis.YusuanPane = YusuanPane;`, ctx);
    const pane = (ctx as unknown as { YusuanPane: Record<string, (...a: unknown[]) => unknown> }).YusuanPane;
    expect(typeof pane.createPane).toBe('function');
    const grids = generateForms(referenceDisclosure());
    const result = pane.validateSnapshot?.({ grids, owned: [] }) as { kind: string; errorCount: number; warningCount: number };
    expect(result.kind).toBe('forms');
    expect([result.errorCount, result.warningCount]).toEqual([10, 12]);
    const plan = pane.generationPlan?.({ grids, owned: [] }) as { ok: boolean; sheets: { name: string }[] };
    expect(plan.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.name));
    expect('process' in ctx).toBe(false);
    expect('require' in ctx).toBe(false);
  });

  it('load the commands bundle without a page or Office', () => {
    const ctx = browserSandbox();
    expect(() => vm.runInContext(bundles.commands ?? '', ctx)).not.toThrow();
  });
});
