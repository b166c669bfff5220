import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../grid/grid.js';
import { compose } from './compose.js';
import { sampleInput } from './fixtures.test-data.js';
import { renderInputMessage } from './messages.js';
import { INPUT_SHEET_NAMES } from './schema.js';
import { inputSheets, readInputSheets } from './workbook.js';

/** A mutable copy of the sheets of an input, as plain Grids. */
function grids(input = sampleInput()): { name: string; rows: CellValue[][] }[] {
  return inputSheets(input).map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
}

function sheet(gs: { name: string; rows: CellValue[][] }[], name: string): { name: string; rows: CellValue[][] } {
  const g = gs.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
}

describe('inputSheets', () => {
  it('writes the nine sheets with a title, an instruction row and a header row', () => {
    const sheets = inputSheets();
    expect(sheets.map((s) => s.name)).toEqual(['单位信息', '收入支出明细', '科目名称', '基本支出', '项目', '三公经费', '政府采购', '绩效指标', '说明']);
    for (const s of sheets) {
      expect(s.rows[0]?.[0]).toEqual(expect.any(String));
      expect(String(s.rows[1]?.[0])).toMatch(/填/);
      expect(s.styles).toContainEqual({ range: 'A1', role: 'title' });
      expect(s.styles?.find((r) => r.role === 'header')?.range).toMatch(/^A3:[A-Z]+3$/);
      expect(s.freeze).toEqual({ rows: 3, columns: 0 });
      expect(s.columnWidths?.length).toBe(s.rows[2]?.length);
    }
    const lines = sheets[1];
    expect(lines?.rows[2]).toEqual(['功能科目编码', '科目名称', '资金来源', '人员支出', '日常公用支出', '项目支出', '结转下年']);
    expect(lines?.rows.length).toBe(3 + 10);
    expect(sheets[3]?.rows[2]).toEqual(['部门经济分类编码', '部门经济分类名称', '政府经济分类编码', '政府经济分类名称', '资金来源', '金额']);
    expect(sheets[4]?.rows[2]).toEqual(['项目名称', '项目类型', '一般公共预算', '政府性基金预算', '国有资本经营预算', '财政专户管理资金', '事业收入', '事业单位经营收入', '其他收入', '上级补助收入', '附属单位上缴收入', '使用非财政拨款结余', '上年结转']);
    expect(sheets[5]?.rows.slice(3)).toEqual([
      ['上年', null, null, null, null],
      ['本年', null, null, null, null],
    ]);
    expect(sheets[8]?.rows.slice(3, 5)).toEqual([
      ['previous.total', '上年收支预算总额', null],
      ['previous.gpb', '上年一般公共预算收入', null],
    ]);
  });

  it('writes amounts as numbers and codes as text, 项目名称 on every 绩效指标 row and the target on the first', () => {
    const sheets = inputSheets(sampleInput());
    const lines = sheets.find((s) => s.name === '收入支出明细');
    expect(lines?.rows[3]).toEqual(['2010301', '行政运行', '一般公共预算', 100, 20.5, null, null]);
    expect(lines?.styles).toContainEqual({ range: 'D4:D10', role: 'amount' });
    const perf = sheets.find((s) => s.name === '绩效指标');
    expect(perf?.rows.slice(3)).toEqual([
      ['办公楼维修', '测试局', '测试局办公室', '完成办公楼维修。', '产出指标', '数量指标', '维修面积', '≥500平方米'],
      ['办公楼维修', null, null, null, '满意度指标', '服务对象满意度指标', '职工满意度', '≥90%'],
    ]);
    const procurement = sheets.find((s) => s.name === '政府采购');
    expect(procurement?.rows[3]).toEqual(['2010302', '一般行政管理事务', '一般公共预算', '货物', 12]);
    const threePublic = sheets.find((s) => s.name === '三公经费');
    expect(threePublic?.rows.slice(3)).toEqual([
      ['上年', 1, null, null, 0.5],
      ['本年', null, null, 2, 0.4],
    ]);
  });

  it('writes an amount a double cannot hold exactly as text', () => {
    const x = sampleInput();
    x.lines[0]!.personnel = '12345678901234.56';
    const lines = inputSheets(x).find((s) => s.name === '收入支出明细');
    expect(lines?.rows[3]?.[3]).toBe('12345678901234.56');
    expect(readInputSheets(inputSheets(x)).input.lines[0]?.personnel).toBe('12345678901234.56');
  });
});

describe('readInputSheets', () => {
  it('reads back what inputSheets wrote, with a source map to each cell', () => {
    const x = sampleInput();
    const r = readInputSheets(inputSheets(x));
    expect(r.diagnostics).toEqual([]);
    expect(r.input).toStrictEqual(x);
    expect(r.sourceMap['lines.0.personnel']).toEqual({ sheet: '收入支出明细', cell: 'D4' });
    expect(r.sourceMap['basic.4.government.name']).toEqual({ sheet: '基本支出', cell: 'D8' });
    expect(r.sourceMap['performance.0.indicators.1.value']).toEqual({ sheet: '绩效指标', cell: 'H5' });
    expect(r.sourceMap['unit.year']).toEqual({ sheet: '单位信息', cell: 'C5' });
    expect(r.sourceMap['narrative.keyProjects.0']).toEqual({ sheet: '说明', cell: expect.stringMatching(/^C\d+$/) });
  });

  it('the empty template reads as an input with nothing typed, asking for the unit name and year', () => {
    const r = readInputSheets(inputSheets());
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.data.column, d.location.sheet, d.location.cell])).toEqual([
      ['input/missing-value', 'missing-field', '单位名称', '单位信息', 'C4'],
      ['input/missing-value', 'missing-field', '预算年度', '单位信息', 'C5'],
    ]);
    expect(r.input.lines).toEqual([]);
    expect(r.input.document).toEqual({ amountUnit: '万元' });
    expect(r.input.threePublic).toEqual({ previous: {}, current: {} });
  });

  it('finds headers by their words: whitespace, full-width forms, units and other words', () => {
    const gs = grids();
    const lines = sheet(gs, '收入支出明细');
    lines.rows[2] = [' 科目编码 ', '科目 名称', '资金来源', '人员支出（万元）', '公用支出', '项目支出(万元)', '结转 下年'];
    const basic = sheet(gs, '基本支出');
    basic.rows[2] = ['部门经济分类', '名称', '政府经济分类', '名称', '来源', '预算数'];
    expect(readInputSheets(gs).input).toStrictEqual(sampleInput());
  });

  it('finds sheets by title when the tab was renamed, and by header as a last resort', () => {
    const gs = grids();
    sheet(gs, '收入支出明细').name = 'Sheet1';
    const projects = sheet(gs, '项目');
    projects.name = 'Sheet2';
    projects.rows[0] = ['2025 projects'];
    const r = readInputSheets(gs);
    expect(r.diagnostics).toEqual([]);
    expect(r.input).toStrictEqual(sampleInput());
    expect(r.sourceMap['projects.0.name']).toEqual({ sheet: 'Sheet2', cell: 'A4' });
  });

  it('finds every sheet by its title when all tabs were renamed, in any order', () => {
    const gs = grids()
      .map((g, i) => ({ ...g, name: `Sheet${i + 1}` }))
      .reverse();
    const r = readInputSheets(gs);
    expect(r.diagnostics).toEqual([]);
    expect(r.input).toStrictEqual(sampleInput());
  });

  it('reads amounts typed as text, with separators or full-width digits, and codes typed as numbers', () => {
    const gs = grids();
    const lines = sheet(gs, '收入支出明细');
    lines.rows[3] = [2010301, '行政运行', ' 一般公共预算收入 ', '１００．００', ' 20.50 ', '', '-'];
    lines.rows[4] = ['２０１０３０１', null, '事业收入（不含教育收费）', '10', null, null, null];
    const r = readInputSheets(gs);
    expect(r.diagnostics).toEqual([]);
    expect(r.input.lines.slice(0, 2)).toEqual(sampleInput().lines.slice(0, 2));
  });

  it('reports text and spreadsheet errors in amount cells at the cell, and reads the cell as blank', () => {
    const gs = grids();
    const lines = sheet(gs, '收入支出明细');
    lines.rows[3]![3] = { error: '#REF!' };
    lines.rows[4]![3] = '约十万';
    lines.rows[5]![5] = 30.123;
    const r = readInputSheets(gs);
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.messageId, d.location])).toEqual([
      ['amount/not-a-number', 'error', 'spreadsheet-error', { sheet: '收入支出明细', cell: 'D4' }],
      ['amount/not-a-number', 'error', 'not-a-number', { sheet: '收入支出明细', cell: 'D5' }],
      ['amount/precision', 'warning', 'precision', { sheet: '收入支出明细', cell: 'F6' }],
    ]);
    expect(renderInputMessage(r.diagnostics[0]!)).toBe('“人员支出”单元格是错误值 #REF!，按空白处理。');
    expect(renderInputMessage(r.diagnostics[1]!)).toBe('“人员支出”单元格的内容“约十万”不是数字，按空白处理。');
    expect(r.input.lines[0]?.personnel).toBeUndefined();
    expect(r.input.lines[0]?.publicUse).toBe('20.50');
    expect(r.input.lines[2]?.project).toBe('30.123');
  });

  it('skips rows with an unknown source, a bad code or a missing required value, with a diagnostic each', () => {
    const gs = grids();
    const lines = sheet(gs, '收入支出明细');
    lines.rows[3]![2] = '自筹资金';
    lines.rows[4]![0] = '20801';
    const procurement = sheet(gs, '政府采购');
    procurement.rows[3]![3] = '软件';
    procurement.rows[4]![4] = null;
    const r = readInputSheets(gs);
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.cell])).toEqual([
      ['input/unknown-source', 'unknown-source', 'C4'],
      ['input/bad-code', 'bad-code', 'A5'],
      ['input/bad-value', 'bad-value', 'D4'],
      ['input/missing-value', 'missing-value', 'E5'],
    ]);
    expect(renderInputMessage(r.diagnostics[0]!)).toMatch(/^资金来源“自筹资金”无法识别，此行已跳过。可填：一般公共预算、/);
    expect(renderInputMessage(r.diagnostics[1]!)).toBe('“功能科目编码”的编码“20801”无效，应为功能分类7 位项级编码，此行已跳过。');
    expect(r.input.lines).toHaveLength(sampleInput().lines.length - 2);
    expect(r.input.procurement).toHaveLength(1);
  });

  it('reports missing sheets and columns, schema violations at their cell, and still returns an input', () => {
    const gs = grids().filter((g) => g.name !== INPUT_SHEET_NAMES.threePublic);
    sheet(gs, '项目').rows[2]![0] = '名目';
    const perf = sheet(gs, '绩效指标');
    perf.rows[4]![6] = null;
    const r = readInputSheets(gs);
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.location.sheet, d.location.cell])).toEqual([
      ['input/missing-column', 'error', '项目', 'A3'],
      ['input/missing-sheet', 'warning', '三公经费', undefined],
      ['input/invalid', 'error', '绩效指标', 'G5'],
    ]);
    expect(r.input.projects).toEqual([]);
    expect(r.input.threePublic).toEqual({ previous: {}, current: {} });
  });

  it('reads merged-looking performance rows: blank 项目名称 and 一级/二级 continue the row above', () => {
    const gs = grids();
    const perf = sheet(gs, '绩效指标');
    perf.rows[4] = [null, null, null, null, null, '服务对象满意度指标', '职工满意度', '≥90%'];
    const r = readInputSheets(gs);
    expect(r.input.performance[0]?.indicators[1]).toEqual({ level1: '产出指标', level2: '服务对象满意度指标', level3: '职工满意度', value: '≥90%' });
  });

  it('reads a 说明 sheet by its labels when the key column is gone, dates in other spellings and Excel serials', () => {
    const gs = grids();
    const unit = sheet(gs, '单位信息');
    unit.rows = unit.rows.map((r, i) => (i < 2 ? r : r.slice(1)));
    const narrative = sheet(gs, '说明');
    const row = narrative.rows.find((r) => r[0] === 'assetDate');
    row![2] = '2024年12月31日';
    expect(readInputSheets(gs).input).toStrictEqual(sampleInput());
    row![2] = 45657;
    expect(readInputSheets(gs).input.narrative.assetDate).toBe('2024-12-31');
  });

  it('the source map locates compose findings in the workbook', () => {
    const x = sampleInput();
    x.procurement[2]!.amount = '9.00';
    const r = readInputSheets(inputSheets(x));
    const d = compose(r.input, { sourceMap: r.sourceMap }).diagnostics;
    expect(d.map((i) => [i.messageId, i.location.sheet, i.location.cell])).toEqual([['procurement-exceeds', '政府采购', 'E6']]);
  });

  it('never throws, whatever the grids hold', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom<CellValue>({ error: '#REF!' }, '一般公共预算', '2080107', '项目名称', '科目编码', '金额', '键', '值', 'unit.name'),
    );
    const grid = fc.record({
      name: fc.constantFrom('单位信息', '收入支出明细', '项目', '绩效指标', '说明', 'Sheet1'),
      rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 6 }), (gs: Grid[]) => {
        const r = readInputSheets(gs);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
