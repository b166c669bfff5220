// Marks (conditional formats on the cells of findings) and selection, over the fake Excel.
import { checkGrids, type Diagnostic } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import { messyReferenceGrids } from '../../core/src/forms/__fixtures__/messy-reference.js';
import { ExcelHost, ExcelHostError, MARK_FORMULA, type ExcelRuntime } from '../src/excel/adapter.js';
import { createFakeExcel, fakeWorkbookFromGrids, parseBox, boxAddress, type FakeWorkbook } from './fake-office/index.js';

function hostOver(wb: FakeWorkbook): ExcelHost {
  return new ExcelHost({ excel: createFakeExcel(wb) as unknown as ExcelRuntime });
}

/** The messy reference workbook with a user's own conditional formats and cell formats, and its findings. */
async function setup(): Promise<{ wb: FakeWorkbook; diagnostics: readonly Diagnostic[] }> {
  const wb = fakeWorkbookFromGrids(messyReferenceGrids());
  for (const sheet of wb.sheets.slice(0, 3)) {
    sheet.addConditionalFormat({ range: 'A1:H40', formula: '=TRUE', fillColor: '#00FF00', stopIfTrue: true });
    sheet.addConditionalFormat({ range: 'C5:D9', type: 'CellValue' });
    sheet.setFormat('A1:D30', { bold: true, fillColor: '#FFFF00', borders: { top: { style: 'Dash', color: '#FF0000' } } });
  }
  const snap = await hostOver(wb).snapshot();
  wb.resetStats();
  return { wb, diagnostics: checkGrids(snap.grids).diagnostics };
}

function markedCells(wb: FakeWorkbook): string[] {
  return wb.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA).map((cf) => `${s.name}!${boxAddress(cf.box)}`)).sort();
}

function findingCells(diagnostics: readonly Diagnostic[]): string[] {
  const cells = diagnostics.flatMap((d) => {
    const box = d.location.cell === undefined ? undefined : parseBox(d.location.cell);
    return d.location.sheet !== undefined && box ? [`${d.location.sheet}!${boxAddress(box)}`] : [];
  });
  return [...new Set(cells)].sort();
}

describe('mark and clearMarks', () => {
  it('marks exactly the cells of the findings, without touching any cell’s own format', async () => {
    const { wb, diagnostics } = await setup();
    const expected = findingCells(diagnostics);
    expect(expected.length).toBeGreaterThan(5);
    const formatsBefore = JSON.stringify(wb.sheets.map((s) => s.snapshot() as { cells: unknown }).map((s) => s.cells));

    const count = await hostOver(wb).mark(diagnostics);
    expect(count).toBe(expected.length);
    expect(markedCells(wb)).toEqual(expected);
    expect(wb.syncCount).toBe(3);
    expect(JSON.stringify(wb.sheets.map((s) => s.snapshot() as { cells: unknown }).map((s) => s.cells))).toBe(formatsBefore);

    // Each mark is coloured by the most severe finding of its cell, and sits above the user's rules.
    const fills = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const worst = new Map<string, Diagnostic['severity']>();
    for (const d of diagnostics) {
      const box = d.location.cell === undefined ? undefined : parseBox(d.location.cell);
      if (d.location.sheet === undefined || !box) continue;
      const key = `${d.location.sheet}!${boxAddress(box)}`;
      const seen = worst.get(key);
      if (seen === undefined || rank[d.severity] < rank[seen]) worst.set(key, d.severity);
    }
    for (const sheet of wb.sheets) {
      const ours = sheet.conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA);
      expect(sheet.conditionalFormats.slice(0, ours.length)).toEqual(ours);
      for (const cf of ours) {
        expect(cf).toMatchObject({ type: 'Custom', stopIfTrue: false, format: { borders: { EdgeTop: { style: 'Continuous' }, EdgeLeft: { style: 'Continuous' } } } });
        expect(cf.format.fillColor).toBe(fills[worst.get(`${sheet.name}!${boxAddress(cf.box)}`) ?? 'info']);
      }
    }
    expect(new Set(worst.values()).size).toBeGreaterThan(1);
  });

  it('finds its marks again from a new pane and removes exactly those (the workbook is as before)', async () => {
    const { wb, diagnostics } = await setup();
    const before = JSON.stringify(wb.snapshot());
    const marked = await hostOver(wb).mark(diagnostics);

    wb.resetStats();
    const reloaded = hostOver(wb);
    expect(await reloaded.clearMarks()).toBe(marked);
    expect(wb.syncCount).toBe(3);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(wb.sheets[0]?.conditionalFormats.map((cf) => cf.formula ?? cf.type)).toEqual(['=TRUE', 'CellValue']);

    wb.resetStats();
    expect(await reloaded.clearMarks()).toBe(0);
    expect(wb.syncCount).toBe(2);
  });

  it('replaces the previous marks instead of piling them up', async () => {
    const { wb, diagnostics } = await setup();
    const host = hostOver(wb);
    await host.mark(diagnostics);
    await host.mark(diagnostics);
    expect(markedCells(wb)).toEqual(findingCells(diagnostics));
    expect(await host.mark(diagnostics.slice(0, 1))).toBe(1);
    expect(markedCells(wb)).toHaveLength(1);
  });

  it('marks a cell once with its most severe finding and skips findings without a cell of the workbook', async () => {
    const wb = fakeWorkbookFromGrids([{ name: '表1', rows: [['a', 1]] }]);
    const d = (severity: Diagnostic['severity'], sheet: string | undefined, cell: string | undefined): Diagnostic => ({
      ruleId: 'r',
      severity,
      messageId: 'm',
      data: {},
      location: { ...(sheet === undefined ? {} : { sheet }), ...(cell === undefined ? {} : { cell }) },
    });
    const count = await hostOver(wb).mark([d('info', '表1', 'B1'), d('error', '表1', '$B$1'), d('warning', '表1', 'A1:A2'), d('error', '别的表', 'A1'), d('error', undefined, undefined), d('error', '表1', '不是地址')]);
    expect(count).toBe(2);
    const cfs = wb.requireSheet('表1').conditionalFormats.map((cf) => [boxAddress(cf.box), cf.format.fillColor]).sort();
    expect(cfs).toEqual([
      ['A1:A2', '#FFEB9C'],
      ['B1', '#FFC7CE'],
    ]);
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const wb = fakeWorkbookFromGrids([
      { name: '表1', rows: [['a']] },
      { name: '表2', rows: [['b']] },
    ]);
    await hostOver(wb).select('表2', 'C7');
    expect(wb.active?.name).toBe('表2');
    expect(wb.selection).toEqual({ sheet: '表2', address: 'C7' });
    expect(wb.syncCount).toBe(1);
  });

  it('says in Chinese which sheet is missing, and refuses a bad address without calling Excel', async () => {
    const wb = fakeWorkbookFromGrids([{ name: '表1', rows: [] }]);
    const missing = await hostOver(wb)
      .select('已删除的表', 'A1')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ExcelHostError);
    expect((missing as ExcelHostError).code).toBe('ItemNotFound');
    expect((missing as ExcelHostError).message).toBe('找不到工作表“已删除的表”，它可能已被删除或改名。');
    wb.resetStats();
    const bad = await hostOver(wb)
      .select('表1', 'not a cell')
      .catch((e: unknown) => e);
    expect((bad as ExcelHostError).code).toBe('InvalidArgument');
    expect(wb.syncCount).toBe(0);
  });
});
