// End-to-end tests of the built CLI: `node dist/bin.js …` as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', ...env },
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('yusuan summary', () => {
  it('summarises the bundled reference disclosure', () => {
    const r = run(['summary']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('淄博高新技术产业开发区人力资源和社会保障中心（先创） 2024年部门预算');
    expect(r.out).toMatch(/收入总计\s+10,351\.24/);
    expect(r.out).toMatch(/项目支出\s+10,351\.24/);
    expect(r.out).toMatch(/政府采购\s+9\.90/);
    expect(r.out).toContain('项目（8 个）');
    expect(r.out).toMatch(/养老保障（先创区-民生）\s+特定目标类\s+995\.70/);
  });

  it('aligns the project table by display width, CJK counting double', () => {
    const lines = run(['summary']).out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('项目名称'));
    const table = lines.slice(start, start + 10).filter((l) => l.includes('特定目标类'));
    expect(table).toHaveLength(8);
    const typeColumn = table.map((l) => stringWidth(l.slice(0, l.indexOf('特定目标类'))));
    expect(new Set(typeColumn).size).toBe(1);
    const ends = table.map((l) => stringWidth(l.replace(/\s+\d+$/, '')));
    expect(new Set(ends).size).toBe(1);
  });

  it('speaks English with --lang en and with LANG=en_US', () => {
    expect(run(['summary', '--lang', 'en']).out).toContain('total income');
    expect(run(['summary'], { LANG: 'en_US.UTF-8' }).out).toContain('total income');
  });

  it('reads a model JSON file and names the path of a wrong value in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, unit: { name: '某单位', year: 2024 }, document: {}, forms: { T02: { rows: [{ code: '2080107', name: '社会保险业务管理事务', values: { gpb: '8,00' } }] } }, performance: [] }));
    const r = run(['summary', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('表二 收入总体情况表 › 第 1 行 › 一般公共预算');
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ schemaVersion: 1, unit: { name: '某单位', year: 2025 }, document: {}, forms: {}, performance: [] }));
    const ok = run(['summary', good]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('某单位 2025年部门预算');
  });

  it('gives a one-line Chinese error and exit 2 for a missing or broken file', () => {
    const missing = run(['summary', '/nonexistent/model.json']);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('yusuan: 找不到文件：/nonexistent/model.json');
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 1,');
    const r = run(['summary', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^yusuan: 不是有效的 JSON 文件/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('yusuan catalog', () => {
  it('looks up a code with its parents', () => {
    const r = run(['catalog', '2080107']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('社会保险业务管理事务');
    expect(r.out).toContain('208 社会保障和就业支出 › 20801 人力资源和社会保障管理事务');
  });

  it('finds names, across the function and economic classifications', () => {
    const r = run(['catalog', '信息化建设']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2080108');
    expect(r.out).toContain('2010607');
    expect(run(['catalog', '30217']).out).toContain('公务接待费');
  });

  it('says unknown, not wrong, for a code the partial catalogue lacks', () => {
    const r = run(['catalog', '2089901']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未找到科目：2089901');
    expect(r.err).toContain('未收录不代表编码错误');
    const bad = run(['catalog', '20801071']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('不是有效的科目编码');
  });
});

describe('usage', () => {
  it('prints Chinese help, and English help with --lang en', () => {
    const zh = run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('用法：');
    expect(zh.out).toContain('命令：');
    expect(zh.out).toContain('显示一份预算公开模型的摘要');
    const en = run(['--help', '--lang', 'en']);
    expect(en.out).toContain('Usage:');
    expect(en.out).toContain('print a summary of a disclosure model');
  });

  it('rejects an unknown command or option with exit 2 and a Chinese message', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令');
    const o = run(['summary', '--bogus']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('未知选项');
  });
});
