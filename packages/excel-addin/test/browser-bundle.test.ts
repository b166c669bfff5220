// The pane bundle (core included) runs in a browser-like sandbox: no `process`,
// no `require`, no Buffer, no Node module. If core ever reached for Node, the
// bundle would fail to build or to run here.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const bundle = readFileSync(new URL('../dist/taskpane.global.js', import.meta.url), 'utf8');

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

describe('task pane bundle', () => {
  it('has no Node require or import in it', () => {
    expect(bundle).not.toMatch(/\brequire\(["'](node:|fs|path)/);
    expect(bundle).not.toMatch(/from\s*["']node:/);
  });

  it('runs core in a browser-like sandbox and checks the reference model', () => {
    const ctx = browserSandbox();
    vm.runInContext(`${bundle}\n;globalThis.YusuanPane = YusuanPane;`, ctx);
    const pane = (ctx as unknown as { YusuanPane: Record<string, (...a: unknown[]) => unknown> }).YusuanPane;
    expect(typeof pane.referenceDisclosure).toBe('function');
    const model = pane.referenceDisclosure?.();
    const valid = pane.validateDisclosure?.(model) as { ok: boolean };
    expect(valid.ok).toBe(true);
    expect(pane.headline?.(model)).toEqual({
      unit: '淄博高新技术产业开发区人力资源和社会保障中心（先创）',
      year: 2024,
      income: '10,351.24',
      expense: '10,351.24',
      projects: 8,
    });
    expect('process' in ctx).toBe(false);
    expect('require' in ctx).toBe(false);
  });
});
