// `yusuan forms` end to end: the built CLI writes real .xlsx files in temp dirs; they are read back with
// the CLI's own reader and core's parser.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForms, referenceDisclosure, referenceInput, inputSheets, type Grid } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/xlsx/read-grid.js';
import { writeWorkbook } from '../src/xlsx/write.js';
import { referenceFormsAsComposed, tempDir, yusuan } from './forms-helpers.js';

const reference = referenceDisclosure();

const FORM_SHEETS = [
  '表1 收支总体情况表',
  '表2 收入总体情况表',
  '表3 支出总体情况表',
  '表4 财政拨款收支总体情况表',
  '表5 一般公共预算支出情况表',
  '表6 一般公共预算基本支出情况表',
  '表7 一般公共预算“三公”经费支出情况表',
  '表8 政府性基金预算支出情况表',
  '表9 国有资本经营预算支出情况表',
  '表10 基本支出预算情况表',
  '表11 项目支出预算情况表',
  '表12 政府采购预算情况表',
];

function referenceJson(dir: string): string {
  const path = join(dir, 'reference.json');
  writeFileSync(path, JSON.stringify(reference, null, 2));
  return path;
}

interface JsonReport {
  results: { file: string; errorCount: number; diagnostics: { ruleId: string; severity: string }[] }[];
}

function checkJson(file: string, cwd: string): { code: number | null; diagnostics: JsonReport['results'][number]['diagnostics'] } {
  const r = yusuan(['check', file, '--format', 'json'], cwd);
  expect(r.err).toBe('');
  return { code: r.code, diagnostics: (JSON.parse(r.out) as JsonReport).results.flatMap((x) => x.diagnostics) };
}

describe('yusuan forms MODEL.json', () => {
  const dir = tempDir();
  const out = join(dir, 'forms.xlsx');
  const run = yusuan(['forms', referenceJson(dir), '-o', 'forms.xlsx'], dir);

  it('writes the 12 forms, the narrative and the performance tables, and says so in one line', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe('已生成 14 张表：forms.xlsx\n');
    expect(existsSync(out)).toBe(true);
  });

  it('reads back with parseForms as the reference forms and performance tables', async () => {
    const grids = await readWorkbookGrids(out);
    expect(grids.map((g) => g.name)).toEqual([...FORM_SHEETS, '说明', '绩效目标表']);
    const parsed = parseForms(grids, { unit: { name: reference.unit.name } });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.tables.map((t) => t.form)).toEqual([...FORM_SHEETS.map((_, i) => `T${String(i + 1).padStart(2, '0')}`), ...reference.performance.map(() => 'P')]);
    expect(parsed.model.forms).toStrictEqual(reference.forms);
    expect(parsed.model.performance).toStrictEqual(reference.performance);
  });

  it('a generated workbook read back gives the same model: generating from it again writes the same sheets', async () => {
    const grids = await readWorkbookGrids(out);
    const parsed = parseForms(grids, { unit: { name: reference.unit.name } });
    const again = join(dir, 'again.json');
    // the forms do not carry the unit's kind and the narrative: they come from the model, as before
    writeFileSync(again, JSON.stringify({ ...parsed.model, unit: reference.unit, narrative: reference.narrative }));
    const r = yusuan(['forms', 'again.json', '-o', 'again.xlsx'], dir);
    expect(r.code).toBe(0);
    const regrids = await readWorkbookGrids(join(dir, 'again.xlsx'));
    expect(regrids).toEqual(grids);
  });

  it('passes yusuan check without errors but the reference’s known perf/* defects', () => {
    const { code, diagnostics } = checkJson(out, dir);
    expect(code).toBe(1);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((d) => !d.ruleId.startsWith('perf/'))).toEqual([]);
    expect(diagnostics.filter((d) => /^(sum|cross|struct|text|code)\//.test(d.ruleId))).toEqual([]);
  });
});

describe('yusuan forms 底稿.xlsx', () => {
  const dir = tempDir();
  const template = yusuan(['template', '--example', '-o', '底稿.xlsx'], dir);
  const run = yusuan(['forms', '底稿.xlsx', '-o', '报表.xlsx'], dir);

  it('composes the reference 底稿 (template --example) into the forms without findings', () => {
    expect(template.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe('已生成 14 张表：报表.xlsx\n');
  });

  it('reads back as the reference forms (as generated) and performance tables', async () => {
    const grids = await readWorkbookGrids(join(dir, '报表.xlsx'));
    const parsed = parseForms(grids, { unit: { name: reference.unit.name } });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model.forms).toStrictEqual(referenceFormsAsComposed());
    expect(parsed.model.performance).toStrictEqual(reference.performance);
  });

  it('passes yusuan check without errors but the known perf/* defects', () => {
    const { diagnostics } = checkJson(join(dir, '报表.xlsx'), dir);
    expect(diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.startsWith('perf/'))).toEqual([]);
  });
});

describe('yusuan forms: what it refuses', () => {
  it('does not overwrite an existing file without --force (exit 2, one line), and does with it', () => {
    const dir = tempDir();
    const json = referenceJson(dir);
    writeFileSync(join(dir, 'forms.xlsx'), 'keep me');
    const refused = yusuan(['forms', json, '-o', 'forms.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toBe('yusuan: 输出文件已存在：forms.xlsx（加 --force 覆盖）\n');
    expect(readFileSync(join(dir, 'forms.xlsx'), 'utf8')).toBe('keep me');

    const forced = yusuan(['forms', json, '-o', 'forms.xlsx', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'forms.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('says so in English with --lang en', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'forms.xlsx'), 'keep me');
    const r = yusuan(['forms', referenceJson(dir), '-o', 'forms.xlsx', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('yusuan: the output file exists: forms.xlsx (add --force to overwrite it)\n');
  });

  it('a model JSON with a wrong amount: exit 2, the path in Chinese, nothing written', () => {
    const dir = tempDir();
    const bad = reference as unknown as { forms: { T02: { rows: { values: Record<string, string> }[] } } };
    const broken = JSON.parse(JSON.stringify(bad)) as typeof bad;
    const row = broken.forms.T02.rows[0];
    if (row) row.values.gpb = '10,351.24';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(broken));
    const r = yusuan(['forms', 'bad.json', '-o', 'forms.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('模型文件不符合预算公开模型（1 处问题）');
    expect(r.err).toContain('表二 收入总体情况表 › 第 1 行 › 一般公共预算');
    expect(existsSync(join(dir, 'forms.xlsx'))).toBe(false);
  });

  it('a forms workbook is not an input: exit 2, and says what to use instead', () => {
    const dir = tempDir();
    expect(yusuan(['forms', referenceJson(dir), '-o', 'forms.xlsx'], dir).code).toBe(0);
    const r = yusuan(['forms', 'forms.xlsx', '-o', 'again.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('forms.xlsx 是报表工作簿，不是底稿');
    expect(existsSync(join(dir, 'again.xlsx'))).toBe(false);
  });

  it('any other workbook is not an input either, and other files are not read', async () => {
    const dir = tempDir();
    const other: Grid = { name: 'Sheet1', rows: [['姓名', '金额'], ['张三', 1]] };
    await writeWorkbook([other], join(dir, 'other.xlsx'));
    const r = yusuan(['forms', 'other.xlsx', '-o', 'forms.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('other.xlsx 不是底稿：没有底稿的工作表（单位信息、收入支出明细');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const txt = yusuan(['forms', 'notes.txt', '-o', 'forms.xlsx'], dir);
    expect(txt.code).toBe(2);
    expect(txt.err).toBe('yusuan: 不支持的输入文件：notes.txt（yusuan forms 读取底稿 .xlsx 或模型 .json）\n');
    const missing = yusuan(['forms', 'nowhere.json', '-o', 'forms.xlsx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('yusuan: 找不到文件：nowhere.json\n');
  });

  it('needs -o with an .xlsx name that is not a folder', () => {
    const dir = tempDir();
    const json = referenceJson(dir);
    const none = yusuan(['forms', json], dir);
    expect(none.code).toBe(2);
    expect(none.err).toBe('yusuan: 请用 -o 指定要写入的文件，如 -o forms.xlsx\n');
    const xls = yusuan(['forms', json, '-o', 'forms.xls'], dir);
    expect(xls.code).toBe(2);
    expect(xls.err).toBe('yusuan: 输出文件须为 .xlsx：forms.xls\n');
    mkdirSync(join(dir, 'folder.xlsx'));
    const folder = yusuan(['forms', json, '-o', 'folder.xlsx', '--force'], dir);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe('yusuan: 输出路径是一个目录：folder.xlsx\n');
    const nowhere = yusuan(['forms', json, '-o', join('missing', 'forms.xlsx')], dir);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toBe(`yusuan: 无法写入 ${join('missing', 'forms.xlsx')}：所在文件夹不存在\n`);
  });
});

describe('yusuan forms with an inconsistent 底稿', () => {
  it('reports the inconsistencies as check does, still writes the forms, exit 1', async () => {
    const dir = tempDir();
    const input = referenceInput();
    const first = input.projects[0];
    if (first) first.amounts.gpb = '131.56';
    await writeWorkbook(inputSheets(input), join(dir, '底稿.xlsx'));
    const r = yusuan(['forms', '底稿.xlsx', '-o', 'forms.xlsx'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('底稿.xlsx');
    expect(r.out).toMatch(/^ {2}项目\s+错误\s+一般公共预算的项目支出：收入支出明细合计 10351\.24，项目表合计 10351\.25，两者不一致。\s+input\/inconsistent$/m);
    expect(r.out).toContain('✖ 1 个问题（1 个错误，0 个警告）');
    expect(lines.at(-1)).toBe('底稿有 1 个错误（见上），报表仍已生成，共 14 张表：forms.xlsx');
    const parsed = parseForms(await readWorkbookGrids(join(dir, 'forms.xlsx')));
    expect(parsed.model.forms.T11?.rows[0]?.values.total).toBe('131.56');
  });
});
