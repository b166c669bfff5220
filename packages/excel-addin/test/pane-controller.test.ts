// The pane's behaviour without a DOM: the controller against an in-memory
// WorkbookHost. The DOM itself is tested in Chromium (browser-pane.test.ts).
import { checkGrids, inputSheets, referenceInput, type Grid } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import { ExcelHostError, officeErrorMessage } from '../src/excel/errors.js';
import { PaneController, type PaneOptions } from '../src/pane/controller.js';
import { errorMessage } from '../src/pane/errors.js';
import { t } from '../src/pane/i18n.js';
import type { ReportFile } from '../src/pane/plans.js';
import { MemoryHost } from './pane-memory-host.js';
import { CHANGED_CELL, defectiveGrids, REF_CELL, referenceGrids, T03_SHEET, T05_SHEET } from './pane-fixtures.js';

function pane(grids: readonly Grid[], options: PaneOptions = {}) {
  const host = new MemoryHost(grids);
  const downloads: ReportFile[] = [];
  const controller = new PaneController(host, { download: (f) => downloads.push(f), ...options });
  return { host, controller, downloads };
}

/** Waits until the controller asks for a confirmation. */
async function confirmation(controller: PaneController) {
  for (let i = 0; i < 50 && controller.state.confirm === null; i++) await new Promise((r) => setTimeout(r, 0));
  return controller.state.confirm;
}

describe('validate', () => {
  it('checks the reference forms and reports the known findings', async () => {
    const { controller, host } = pane(referenceGrids());
    const result = await controller.validate();
    expect(result?.kind).toBe('forms');
    // Twelve forms and the eight projects' performance tables.
    expect(result?.tables).toHaveLength(20);
    expect(result?.errorCount).toBe(10);
    expect(result?.warningCount).toBe(12);
    expect(result?.diagnostics.filter((d) => d.severity === 'error').every((d) => d.ruleId.startsWith('perf/'))).toBe(true);
    expect(controller.state.status).toMatchObject({ tone: 'info', key: 'validated', data: { errors: 10, warnings: 12 } });
    expect(controller.state.busy).toBeNull();
    expect(host.calls).toEqual(['snapshot']);
  });

  it('finds the injected defects at their cells', async () => {
    const { controller } = pane(defectiveGrids());
    const result = await controller.validate();
    const at = (sheet: string, cell: string) => result?.diagnostics.filter((d) => d.location.sheet === sheet && d.location.cell === cell).map((d) => `${d.severity} ${d.ruleId}`);
    expect(at(T03_SHEET, CHANGED_CELL)).toEqual(['error sum/row']);
    expect(at(T05_SHEET, REF_CELL)).toEqual(['error amount/not-a-number']);
    expect(result?.errorCount).toBe(12);
  });

  it('reads an input workbook as one and ignores the add-in’s own generated sheets', async () => {
    const input = inputSheets(referenceInput()).map((s) => ({ name: s.name, rows: s.rows }));
    const { controller, host } = pane(input);
    await controller.generate();
    const names = host.sheets.map((s) => s.name);
    expect(names).toContain('表3 支出总体情况表');
    const result = await controller.validate();
    expect(result?.kind).toBe('input');
    expect(result?.diagnostics).toEqual(checkGrids(input).diagnostics);
  });

  it('does nothing on a host below ExcelApi 1.13', async () => {
    const { controller, host } = pane(referenceGrids(), { supported: false });
    expect(await controller.validate()).toBeUndefined();
    expect(await controller.generate()).toBeUndefined();
    expect(host.calls).toEqual([]);
  });

  it('runs one action at a time', async () => {
    const { controller, host } = pane(referenceGrids());
    const first = controller.validate();
    expect(await controller.validate()).toBeUndefined();
    await first;
    expect(host.calls).toEqual(['snapshot']);
  });
});

describe('select, mark and clear', () => {
  it('selects the cell of a finding', async () => {
    const { controller, host } = pane(defectiveGrids());
    const result = await controller.validate();
    const index = result?.diagnostics.findIndex((d) => d.ruleId === 'sum/row') ?? -1;
    await controller.select(index);
    expect(host.selection).toEqual({ sheet: T03_SHEET, cell: CHANGED_CELL });
    expect(controller.state.selected).toBe(index);
    expect(controller.state.status).toMatchObject({ key: 'selected', data: { where: `'${T03_SHEET}'!${CHANGED_CELL}` } });
  });

  it('marks the cells of the findings the filter shows, and clears them', async () => {
    const { controller, host } = pane(defectiveGrids());
    const result = await controller.validate();
    controller.setFilter('error');
    const errorCells = new Set(result?.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location.sheet}!${d.location.cell}`));
    expect(await controller.mark()).toBe(errorCells.size);
    expect(host.marks).toEqual(errorCells);
    expect(await controller.clearMarks()).toBe(errorCells.size);
    expect(host.marks.size).toBe(0);
    expect(controller.state.status).toMatchObject({ key: 'cleared' });
    expect(await controller.clearMarks()).toBe(0);
    expect(controller.state.status).toMatchObject({ key: 'clearedNone' });
  });

  it('validates first when asked to mark before any validation', async () => {
    const { controller, host } = pane(defectiveGrids());
    expect(await controller.mark()).toBeGreaterThan(0);
    expect(host.calls).toEqual(['snapshot', 'clearMarks', 'mark']);
  });
});

describe('generate', () => {
  it('never touches the user’s sheets: forms named like theirs get new names', async () => {
    const grids = referenceGrids();
    const { controller, host } = pane(grids);
    const written = await controller.generate();
    expect(written?.written).toHaveLength(13);
    expect(written?.replaced).toEqual([]);
    expect(written?.written[0]).toBe('表1 收支总体情况表 (2)');
    for (const g of grids) expect(host.sheet(g.name)?.grid).toBe(g);
    expect(controller.state.status).toMatchObject({ tone: 'success', key: 'generatedFromForms', data: { count: 13 } });
    const status = controller.state.status;
    expect(status?.tone === 'success' && status.notes?.[0]?.sheets).toEqual(written?.written);
    // The generated forms are the user's forms again.
    const copy = host.sheet('表3 支出总体情况表 (2)')?.grid;
    expect(copy?.rows).toEqual(host.sheet('表3 支出总体情况表')?.grid.rows);
  });

  it('asks before replacing its own sheets; replace, keep and cancel do what they say', async () => {
    const { controller, host } = pane(referenceGrids());
    await controller.generate();
    const count = host.sheets.length;

    let run = controller.generate();
    const asked = await confirmation(controller);
    expect(asked?.action).toBe('generate');
    expect(asked?.sheets).toHaveLength(13);
    expect(asked?.sheets[0]).toBe('表1 收支总体情况表 (2)');
    controller.answer('cancel');
    expect(await run).toBeUndefined();
    expect(controller.state.status).toMatchObject({ key: 'cancelled' });
    expect(host.sheets).toHaveLength(count);
    expect(host.calls.filter((c) => c === 'writeSheets')).toHaveLength(1);

    run = controller.generate();
    await confirmation(controller);
    controller.answer('replace');
    const replaced = await run;
    expect(replaced?.replaced).toHaveLength(13);
    expect(host.sheets).toHaveLength(count);
    expect(controller.state.status).toMatchObject({ key: 'generatedFromForms', notes: [{ key: 'replacedSheets', data: { count: 13 } }, { key: 'renamedSheets' }] });

    run = controller.generate();
    await confirmation(controller);
    controller.answer('keep');
    const kept = await run;
    expect(kept?.replaced).toEqual([]);
    expect(kept?.written[0]).toBe('表1 收支总体情况表 (3)');
    expect(host.sheets).toHaveLength(count + 13);
    expect(controller.state.confirm).toBeNull();
  });

  it('composes the forms from an input workbook', async () => {
    const input = inputSheets(referenceInput()).map((s) => ({ name: s.name, rows: s.rows }));
    const { controller, host } = pane(input);
    const written = await controller.generate();
    expect(written?.written).toEqual(['表1 收支总体情况表', '表2 收入总体情况表', '表3 支出总体情况表', '表4 财政拨款收支总体情况表', '表5 一般公共预算支出情况表', '表6 一般公共预算基本支出情况表', '表7 一般公共预算“三公”经费支出情况表', '表8 政府性基金预算支出情况表', '表9 国有资本经营预算支出情况表', '表10 基本支出预算情况表', '表11 项目支出预算情况表', '表12 政府采购预算情况表', '绩效目标表']);
    expect(controller.state.status).toMatchObject({ key: 'generatedFromInput', data: { count: 13 } });
    expect(host.sheets.filter((s) => s.owner === 'forms')).toHaveLength(13);
  });

  it('says so when there is nothing to generate from', async () => {
    const { controller, host } = pane([{ name: 'Sheet1', rows: [['你好']] }]);
    expect(await controller.generate()).toBeUndefined();
    expect(controller.state.status).toMatchObject({ key: 'nothingToGenerate' });
    expect(host.calls).toEqual(['snapshot']);
  });
});

describe('template and report', () => {
  it('inserts the empty input template, and asks before replacing it', async () => {
    const { controller, host } = pane([]);
    const written = await controller.insertTemplate();
    expect(written?.written).toEqual(inputSheets().map((s) => s.name));
    expect(host.sheets.every((s) => s.owner === 'template')).toBe(true);
    const run = controller.insertTemplate();
    expect((await confirmation(controller))?.action).toBe('template');
    controller.answer('cancel');
    await run;
    expect(host.sheets).toHaveLength(inputSheets().length);
  });

  it('exports the JSON report and writes the report sheet', async () => {
    const { controller, host, downloads } = pane(defectiveGrids());
    const file = await controller.exportReport();
    expect(file?.fileName).toBe('yusuan-report.json');
    expect(downloads).toEqual([file]);
    const json = JSON.parse(file?.content ?? '') as { schemaVersion: number; results: { errorCount: number; diagnostics: { ruleId: string; location: { sheet?: string; cell?: string } }[] }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.results[0]?.errorCount).toBe(12);
    expect(json.results[0]?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'sum/row', location: expect.objectContaining({ sheet: T03_SHEET, cell: CHANGED_CELL }) }));
    const sheet = host.sheet('校验报告');
    expect(sheet?.owner).toBe('report');
    expect(sheet?.grid.rows[2]).toEqual(['序号', '严重性', '规则', '表', '位置', '单元格', '问题', '应为', '实际']);
    expect(sheet?.grid.rows.length).toBe(3 + 24);
    expect(sheet?.grid.rows.some((r) => r[5] === `${T03_SHEET}!${CHANGED_CELL}` && r[2] === 'sum/row' && r[7] === '8.00' && r[8] === '9.00')).toBe(true);
    expect(controller.state.status).toMatchObject({ key: 'reportWritten', data: { sheet: '校验报告' } });

    // Validating again does not read the report sheet as a form.
    expect((await controller.validate())?.errorCount).toBe(12);
    const again = controller.exportReport();
    expect((await confirmation(controller))?.sheets).toEqual(['校验报告']);
    controller.answer('replace');
    await again;
    expect(host.sheets.filter((s) => s.owner === 'report')).toHaveLength(1);
  });
});

describe('errors and language', () => {
  it('shows Office errors in Chinese, never the raw message', async () => {
    const { controller, host } = pane(referenceGrids());
    host.failNext = { method: 'snapshot', error: Object.assign(new Error('AccessDenied: The requested operation is not allowed'), { code: 'AccessDenied' }) };
    expect(await controller.validate()).toBeUndefined();
    const status = controller.state.status;
    expect(status?.tone).toBe('error');
    const text = status?.tone === 'error' ? controller.errorText(status.error) : '';
    expect(text).toBe(officeErrorMessage({ code: 'AccessDenied' }, 'zh-CN'));
    expect(text).toMatch(/受保护/);
    expect(text).not.toMatch(/not allowed/);
    expect(controller.state.busy).toBeNull();
    // The pane still works afterwards.
    expect((await controller.validate())?.errorCount).toBe(10);
  });

  it('shows the adapter’s words, maps bare Office codes, and calls anything else an internal error', () => {
    expect(errorMessage(new ExcelHostError('AccessDenied'), 'en')).toBe(new ExcelHostError('AccessDenied').userMessage('en'));
    expect(errorMessage(Object.assign(new Error('Something new happened'), { code: 'SomethingNew' }), 'zh-CN')).toBe(officeErrorMessage({ code: 'SomethingNew' }, 'zh-CN'));
    expect(errorMessage({ code: 'InvalidOperationInCellEditMode' }, 'zh-CN')).toMatch(/单元格编辑/);
    expect(errorMessage(new TypeError('undefined is not a function'), 'zh-CN')).toBe(t('zh-CN', 'errorInternal'));
    expect(errorMessage(new TypeError('undefined is not a function'), 'en')).toBe(t('en', 'errorInternal'));
  });

  it('selecting a finding on a deleted sheet reports it in words', async () => {
    const { controller, host } = pane(defectiveGrids());
    const result = await controller.validate();
    host.sheets.splice(host.sheets.findIndex((s) => s.name === T03_SHEET), 1);
    await controller.select(result?.diagnostics.findIndex((d) => d.location.sheet === T03_SHEET) ?? -1);
    const status = controller.state.status;
    expect(status?.tone === 'error' && controller.errorText(status.error)).toBe(officeErrorMessage({ code: 'ItemNotFound' }, 'zh-CN'));
  });

  it('switches language without reading the workbook again', async () => {
    const { controller, host } = pane(referenceGrids());
    await controller.validate();
    controller.setLang('en');
    expect(controller.state.lang).toBe('en');
    expect(host.calls).toEqual(['snapshot']);
    const file = await controller.exportReport();
    expect(file?.content).toMatch(/"message": "[A-Z]/);
  });
});
