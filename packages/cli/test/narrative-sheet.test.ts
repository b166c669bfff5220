// The 说明 sheet of a forms workbook written by `yusuan forms`: 第三部分 of the disclosure, one paragraph per row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { narrativeSections, referenceDisclosure } from '@yusuan/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/xlsx/read-grid.js';
import { tempDir, yusuan } from './forms-helpers.js';

const reference = referenceDisclosure();
const HEADINGS = ['一、预算收支增减变化情况说明', '二、“三公”经费支出情况', '三、机关运行经费情况', '四、政府采购情况', '五、国有资产占有使用情况', '六、绩效目标情况说明'];

function formsOf(args: string[] = []): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'reference.json'), JSON.stringify(reference));
  const r = yusuan(['forms', 'reference.json', '-o', 'forms.xlsx', ...args], dir);
  expect(r.code).toBe(0);
  return join(dir, 'forms.xlsx');
}

describe('the 说明 sheet', () => {
  const file = formsOf();

  it('has the title of 第三部分 and the six section headings, each followed by its paragraphs', async () => {
    const sheet = (await readWorkbookGrids(file)).find((g) => g.name === '说明');
    const column = (sheet?.rows ?? []).map((r) => r[0]);
    expect(sheet?.rows.every((r) => r.length === 1)).toBe(true);
    expect(column[0]).toBe('2024年部门预算情况和重要事项说明');
    expect(column.filter((c) => HEADINGS.includes(String(c)))).toEqual(HEADINGS);
    expect(column.slice(1)).toEqual(narrativeSections(reference).flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]));
  });

  it('states the reference figures with thousands separators', async () => {
    const text = (await readWorkbookGrids(file)).find((g) => g.name === '说明')?.rows.map((r) => String(r[0])).join('\n') ?? '';
    expect(text).toContain('（一）收入预算：2024年收入预算10,351.24万元，其中：一般公共预算收入10,351.24万元。');
    expect(text).toContain('（二）支出预算：2024年支出预算10,351.24万元，其中：项目支出10,351.24万元。');
    expect(text).toContain('2024年政府采购预算9.90万元，其中：政府采购货物预算0.00万元，政府采购工程预算0.00万元，政府采购服务预算9.90万元。');
    expect(text).toContain('涉及预算项目支出8个，预算资金10,351.24万元，其中财政拨款10,351.24万元。');
  });

  it('wraps paragraphs in one wide column, headings in the title font', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('说明');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getColumn(1).width).toBe(96);
    expect(ws.getCell('A1').font.name).toBe('黑体');
    const heading = ws.getCell('A2');
    expect(heading.value).toBe(HEADINGS[0]);
    expect(heading.font.bold).toBe(true);
    const paragraph = ws.getCell('A3');
    expect(paragraph.alignment.wrapText).toBe(true);
    expect(paragraph.font.name).toBe('宋体');
    const long = ws.getRow(9);
    expect(String(long.getCell(1).value)).toMatch(/^3\. 收支预算增加的主要原因/);
    expect(long.height).toBeGreaterThan(30);
  });

  it('is the published Chinese text even when the CLI speaks English', async () => {
    const en = (await readWorkbookGrids(formsOf(['--lang', 'en']))).find((g) => g.name === '说明');
    const zh = (await readWorkbookGrids(file)).find((g) => g.name === '说明');
    expect(en).toEqual(zh);
  });
});
