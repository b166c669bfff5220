// Helpers of the forms/template/narrative end-to-end tests: the built CLI run as a user runs it, in a temp dir.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceDisclosure, type Disclosure } from '@yusuan/core';

export const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** `node dist/bin.js …args` in `cwd`, Chinese unless the environment says otherwise. */
export function yusuan(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yusuan-forms-'));
}

/**
 * What the reference publishes that a generator does not reproduce (see
 * packages/core/src/input/reference.test.ts): the unlabelled T11 total (L268)
 * and the lone 0.00 of 二十一、其他支出 in T01 (L101).
 */
export function referenceFormsAsComposed(): Disclosure['forms'] {
  const forms = referenceDisclosure().forms;
  if (forms.T11?.total) forms.T11.total = { label: '合计', ...forms.T11.total };
  const other = forms.T01?.expense.find((r) => r.key === '229');
  if (other) other.values = {};
  return forms;
}
