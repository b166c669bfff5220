// `yusuan template` end to end: the input workbook written by the built CLI, read back with readInputSheets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyBudgetInput, inputSheets, readInputSheets, referenceInput } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/xlsx/read-grid.js';
import { tempDir, yusuan } from './forms-helpers.js';

const SHEETS = ['单位信息', '收入支出明细', '科目名称', '基本支出', '项目', '三公经费', '政府采购', '绩效指标', '说明'];

describe('yusuan template', () => {
  it('writes the empty input workbook: headers and blank rows, reading back as an input with nothing typed', async () => {
    const dir = tempDir();
    const r = yusuan(['template', '-o', '底稿.xlsx'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('已生成底稿模板：底稿.xlsx\n');
    const grids = await readWorkbookGrids(join(dir, '底稿.xlsx'));
    expect(grids.map((g) => g.name)).toEqual(SHEETS);
    const lines = grids[1];
    expect(lines?.rows[2]).toEqual(['功能科目编码', '科目名称', '资金来源', '人员支出', '日常公用支出', '项目支出', '结转下年']);
    const read = readInputSheets(grids);
    expect(read.input).toEqual(emptyBudgetInput({ name: '', year: 0 }));
    expect(read.input).toEqual(readInputSheets(inputSheets()).input);
    // the unit's name and year are what a template asks for first
    expect(read.diagnostics.map((d) => [d.ruleId, d.data.column])).toEqual([
      ['input/missing-value', '单位名称'],
      ['input/missing-value', '预算年度'],
    ]);
  });

  it('--example writes the reference unit’s 底稿, reading back as referenceInput() exactly', async () => {
    const dir = tempDir();
    const r = yusuan(['template', '--example', '-o', 'example.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('已生成底稿示例（参考单位）：example.xlsx\n');
    const read = readInputSheets(await readWorkbookGrids(join(dir, 'example.xlsx')));
    expect(read.diagnostics).toEqual([]);
    expect(read.input).toEqual(referenceInput());
  });

  it('does not overwrite an existing file without --force (exit 2, one line), and does with it', () => {
    const dir = tempDir();
    const path = join(dir, '底稿.xlsx');
    writeFileSync(path, 'keep me');
    const refused = yusuan(['template', '-o', '底稿.xlsx', '--example'], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toBe('yusuan: 输出文件已存在：底稿.xlsx（加 --force 覆盖）\n');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    const forced = yusuan(['template', '-o', '底稿.xlsx', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('needs -o; speaks English with --lang en', () => {
    const dir = tempDir();
    const none = yusuan(['template'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toBe('yusuan: 请用 -o 指定要写入的文件，如 -o 底稿.xlsx\n');
    expect(existsSync(join(dir, '底稿.xlsx'))).toBe(false);
    const en = yusuan(['template', '-o', 'input.xlsx', '--lang', 'en'], dir);
    expect(en.code).toBe(0);
    expect(en.out).toBe('wrote the input template: input.xlsx\n');
    const help = yusuan(['template', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain('生成底稿工作簿：空白模板，或填好参考单位数据的示例');
    expect(help.out).toContain('--example');
  });
});
