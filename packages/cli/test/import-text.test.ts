// End-to-end tests of `yusuan import TEXT -o MODEL.json` and of text input to
// `yusuan check`, through the built CLI: the model written and validated, no
// overwrite without --force, one-line Chinese reasons and exit 2 for what
// cannot be read, GB18030 texts read like UTF-8 ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DisclosureSchema, importText } from '@yusuan/core';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED_PATH = fileURLToPath(new URL('../../core/data/reference/000_4b2f979ab54e32ae.txt', import.meta.url));
const SEED = readFileSync(SEED_PATH, 'utf8');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'yusuan-import-'));

/** GB18030 bytes of a text (the GBK two-byte range, found by decoding every pair; ASCII as is). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
    out.push(...pair);
  }
  return Uint8Array.from(out);
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npx turbo run build --filter=@yusuan/cli\` first`);
});

describe('yusuan import', { timeout: 120_000 }, () => {
  it('writes the model of the reference text, valid and equal to what core reads', () => {
    const dir = tmp();
    const out = join(dir, 'model.json');
    const r = run(['import', SEED_PATH, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe(`已读取 12 张表、8 张绩效目标表、说明中的 24 个数字，模型已写入 ${out}`);
    const json: unknown = JSON.parse(readFileSync(out, 'utf8'));
    expect(DisclosureSchema.parse(json)).toStrictEqual(json);
    expect(json).toStrictEqual(importText(SEED).model);
  });

  it('the written model checks to the same findings as the text, located in the model instead of at lines', () => {
    const dir = tmp();
    const out = join(dir, 'model.json');
    expect(run(['import', SEED_PATH, '-o', out]).code).toBe(0);
    const fromText = JSON.parse(run(['check', SEED_PATH, '--format', 'json']).out) as { results: { diagnostics: { ruleId: string; message: string; location: { line?: number } }[] }[] };
    const fromModel = JSON.parse(run(['check', out, '--format', 'json']).out) as typeof fromText;
    const key = (d: { ruleId: string; message: string }) => `${d.ruleId} ${d.message}`;
    expect(fromModel.results[0]?.diagnostics.map(key).sort()).toEqual(fromText.results[0]?.diagnostics.map(key).sort());
    expect(fromModel.results[0]?.diagnostics.every((d) => d.location.line === undefined)).toBe(true);
  });

  it('refuses to overwrite without --force, and overwrites with it', () => {
    const dir = tmp();
    const out = join(dir, 'model.json');
    writeFileSync(out, 'keep me');
    const refused = run(['import', SEED_PATH, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err.trim()).toBe(`yusuan: 输出文件已存在：${out}（加 --force 覆盖）`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(run(['import', SEED_PATH, '-o', out, '--force']).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ schemaVersion: 1, unit: { year: 2024 } });
  });

  it('needs -o naming a .json file', () => {
    const missing = run(['import', SEED_PATH]);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('yusuan: 请用 -o 指定要写入的文件，如 -o model.json');
    const xlsx = run(['import', SEED_PATH, '-o', join(tmp(), 'model.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toMatch(/^yusuan: 输出文件须为 \.json：/);
  });

  it('exits 2 with one Chinese line for a missing file, bytes that are no text, and a text without tables', () => {
    const dir = tmp();
    const out = join(dir, 'model.json');
    const cases: [string, RegExp][] = [];
    cases.push([join(dir, 'missing.txt'), /^yusuan: 找不到文件：.*missing\.txt$/]);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01]));
    cases.push([binary, /^yusuan: 不是文本文件：.*binary\.txt（请先把 PDF 或 Word 文件导出为 \.txt）$/]);
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '2024年某某中心部门预算\n\n这是一段没有表格的文字。\n');
    cases.push([prose, /^yusuan: .*prose\.txt 中没有找到可识别的预算表（按表名查找，如“收支总体情况表”），未写出模型$/]);
    for (const [input, message] of cases) {
      const r = run(['import', input, '-o', out]);
      expect(r.code, input).toBe(2);
      expect(r.err.trim().split('\n'), input).toHaveLength(1);
      expect(r.err.trim(), input).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a text without its title: exit 2 naming what is missing; --unit-name supplies it', () => {
    const dir = tmp();
    const text = join(dir, 'untitled.txt');
    writeFileSync(text, SEED.split('\n').slice(6).join('\n'));
    const out = join(dir, 'model.json');
    const r = run(['import', text, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(/^yusuan: .*untitled\.txt 中没有找到文件标题（如“2024年××部门预算”），单位名称或预算年度未能读入，未写出模型；可用 --unit-name、--year 补充$/);
    const ok = run(['import', text, '-o', out, '--unit-name', '某某中心']);
    expect(ok.code).toBe(0);
    expect(ok.err).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ unit: { name: '某某中心', year: 2024 } });
  });

  it('writes the model of a text with reading problems, and says how to see them', () => {
    const dir = tmp();
    const text = join(dir, 'typo.txt');
    // L118: 8.00 typed as 8.0O in 表二
    writeFileSync(text, SEED.replace('社会保险业务管理事务\t8.00\t', '社会保险业务管理事务\t8.0O\t'));
    const out = join(dir, 'model.json');
    const r = run(['import', text, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err.trim()).toMatch(/^读取时有 1 个问题（1 个错误），运行 yusuan check .*typo\.txt 查看$/);
    const check = JSON.parse(run(['check', text, '--format', 'json']).out) as { results: { diagnostics: { ruleId: string; location: { line?: number } }[] }[] };
    expect(check.results[0]?.diagnostics.find((d) => d.ruleId === 'amount/not-a-number')?.location.line).toBe(118);
  });

  it('reads a GB18030 text like its UTF-8 original', () => {
    const dir = tmp();
    const gb = join(dir, 'seed-gb18030.txt');
    writeFileSync(gb, gb18030(SEED));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(gb))).toThrow();
    const out = join(dir, 'model.json');
    expect(run(['import', gb, '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toStrictEqual(importText(SEED).model);
    const strip = (s: string) => JSON.parse(s, (k: string, v: unknown) => (k === 'file' ? undefined : v)) as unknown;
    expect(strip(run(['check', gb, '--format', 'json']).out)).toStrictEqual(strip(run(['check', SEED_PATH, '--format', 'json']).out));
  });
});

describe('yusuan check on texts', { timeout: 120_000 }, () => {
  it('finds .txt files in a directory and reports them at lines, in English too', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'seed.txt'), SEED);
    const r = run(['check', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(join('sub', 'seed.txt'));
    expect(r.out).toMatch(/line 356\s+error/);
  });

  it('a text without tables: struct/required-form for the forms, exit 1', () => {
    const dir = tmp();
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '2024年某某中心部门预算\n\n这是一段没有表格的文字。\n');
    const r = run(['check', prose, '--format', 'json']);
    expect(r.code).toBe(1);
    const ids = (JSON.parse(r.out) as { results: { diagnostics: { ruleId: string }[] }[] }).results[0]?.diagnostics.map((d) => d.ruleId) ?? [];
    expect(ids.filter((id) => id === 'struct/required-form')).toHaveLength(12);
    expect(ids).toContain('parse/no-tables');
  });

  it('bytes that are no text: exit 2 with a one-line reason', () => {
    const dir = tmp();
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Uint8Array.from([0x00, 0x01, 0x02, 0x03]));
    const r = run(['check', binary]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^yusuan: 不是文本文件：.*binary\.txt/);
  });
});
