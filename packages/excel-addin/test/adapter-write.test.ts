// ExcelHost.writeSheets over the fake Excel: what lands in the workbook, in how
// many round trips, and what it never touches.
import { AMOUNT_NUMBER_FORMAT, generateForms, referenceDisclosure, type CellRole, type SheetSpec } from '@yusuan/core';
import { describe, expect, it } from 'vitest';
import { columnWidthPoints, ExcelHost, ExcelHostError, OWNER_KEY, type ExcelRuntime } from '../src/excel/adapter.js';
import { createFakeExcel, fakeWorkbookFromGrids, FakeOfficeError, gridForReading, parseBox, type FakeSheet, type FakeWorkbook } from './fake-office/index.js';

const FORMS: SheetSpec[] = generateForms(referenceDisclosure());

function hostOver(wb: FakeWorkbook): ExcelHost {
  return new ExcelHost({ excel: createFakeExcel(wb) as unknown as ExcelRuntime });
}

function emptyBook(): FakeWorkbook {
  return fakeWorkbookFromGrids([{ name: 'Sheet1', rows: [] }]);
}

/** The number format each cell of a spec should get: its last role's (later styles win), General without one. */
function expectedFormats(spec: SheetSpec): Map<string, string> {
  const out = new Map<string, string>();
  const of = (role: CellRole) => (role === 'amount' || role === 'totalAmount' ? AMOUNT_NUMBER_FORMAT : role === 'code' ? '@' : 'General');
  for (const s of spec.styles ?? []) {
    const b = parseBox(s.range);
    if (!b) throw new Error(s.range);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.set(`${r},${c}`, of(s.role));
  }
  return out;
}

function names(wb: FakeWorkbook): string[] {
  return wb.sheets.map((s) => s.name);
}

describe('writeSheets: the reference forms', () => {
  it('writes the 12 forms and the performance tables in 2 syncs plus one a sheet', async () => {
    const wb = emptyBook();
    const result = await hostOver(wb).writeSheets(FORMS, 'forms', { replaceOwned: false });
    expect(result).toEqual({ written: FORMS.map((s) => s.name), replaced: [] });
    expect(FORMS).toHaveLength(13);
    expect(wb.syncCount).toBe(2 + FORMS.length);
    expect(wb.syncCount).toBeLessThanOrEqual(2 * FORMS.length + 3);
    expect(names(wb)).toEqual(['Sheet1', ...FORMS.map((s) => s.name)]);
  });

  it('reads back through snapshot() as the SheetSpecs, owned, with the number formats of their roles', async () => {
    const wb = emptyBook();
    const host = hostOver(wb);
    await host.writeSheets(FORMS, 'forms', { replaceOwned: false });
    const snap = await host.snapshot();
    expect(snap.grids.slice(1)).toEqual(FORMS.map(gridForReading));
    expect(snap.owned).toEqual(FORMS.map((s) => ({ name: s.name, kind: 'forms' })));
    for (const spec of FORMS) {
      const sheet = wb.requireSheet(spec.name);
      for (const [key, format] of expectedFormats(spec)) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        expect(sheet.numberFormat(r, c), `${spec.name} ${key}`).toBe(format);
      }
    }
  });

  it('formats by role, sizes columns, freezes the header and sets up A4 landscape printing', async () => {
    const wb = emptyBook();
    await hostOver(wb).writeSheets(FORMS, 'forms', { replaceOwned: false });
    const spec = FORMS[2] as SheetSpec;
    const sheet = wb.requireSheet(spec.name);
    expect(sheet.cellAt('A1')?.format).toMatchObject({ fontName: '黑体', fontSize: 16, bold: true, horizontalAlignment: 'Center' });
    const thin = { style: 'Continuous', weight: 'Thin', color: '#000000' };
    const header = (spec.styles ?? []).find((s) => s.role === 'header');
    const headerCell = parseBox(header?.range ?? '');
    expect(headerCell).toBeDefined();
    const h = sheet.cell(headerCell?.top ?? 0, headerCell?.left ?? 0);
    expect(h?.format).toMatchObject({ bold: true, fillColor: '#F2F2F2', horizontalAlignment: 'Center', wrapText: true, borders: { top: thin, left: thin } });
    const amount = (spec.styles ?? []).find((s) => s.role === 'amount');
    const a = parseBox(amount?.range ?? '');
    expect(sheet.cell(a?.top ?? 0, a?.left ?? 0)?.format).toMatchObject({ fontName: '宋体', fontSize: 11, horizontalAlignment: 'Right', borders: { top: thin, bottom: thin, left: thin, right: thin } });
    (spec.columnWidths ?? []).forEach((w, c) => expect(sheet.columnWidths.get(c)).toBe(columnWidthPoints(w)));
    expect(sheet.freeze).toEqual({ rows: spec.freeze?.rows, columns: 0 });
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${spec.print?.repeatRows?.[0]}:$${spec.print?.repeatRows?.[1]}`,
      centerHorizontally: true,
      centerFooter: '第 &P 页，共 &N 页',
    });
    expect(sheet.customProperty(OWNER_KEY)).toBe('forms');
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe('writeSheets: bulk operations', () => {
  /** A form of `rows` body rows styled row by row, as generateForm does. */
  function tallForm(rows: number): SheetSpec {
    const body = Array.from({ length: rows }, (_, r) => [`20801${String(r % 100).padStart(2, '0')}`, `项目${r}`, r * 1.25, r * 0.5]);
    return {
      name: '长表',
      rows: [['标题', null, null, null], ['编码', '名称', '合计', '其中'], ...body],
      merges: ['A1:D1'],
      styles: [
        { range: 'A1:D1', role: 'title' },
        { range: 'A2:D2', role: 'header' },
        ...body.flatMap((_, i) => [
          { range: `A${i + 3}`, role: 'code' as const },
          { range: `B${i + 3}`, role: 'text' as const },
          { range: `C${i + 3}:D${i + 3}`, role: 'amount' as const },
        ]),
      ],
      columnWidths: [10, 30, 14, 14],
      freeze: { rows: 2, columns: 0 },
    };
  }

  it('sends the same few actions for 3,000 rows as for 30: per range, never per row or cell', async () => {
    const actions = async (rows: number) => {
      const wb = emptyBook();
      await hostOver(wb).writeSheets([tallForm(rows)], 'forms', { replaceOwned: false });
      return { syncs: wb.syncCount, last: wb.syncLog.at(-1)?.actions ?? 0, wb };
    };
    const small = await actions(30);
    const large = await actions(3_000);
    expect(large.syncs).toBe(small.syncs);
    expect(large.last).toBe(small.last);
    // Merges, one format set per role rectangle, widths, freeze, print setup, owner: about a hundred, for any height.
    expect(large.last).toBeLessThan(150);
    expect(large.wb.requireSheet('长表').cellAt('C3002')?.format?.horizontalAlignment).toBe('Right');
  });

  it('writes text Excel would take for a number, date, formula or error as that text', async () => {
    const wb = emptyBook();
    const rows = [['01', '=1 年', '+5%', '2024-03-29', 'TRUE', '#REF!', "'引号", '10,351.24', '８']];
    const spec: SheetSpec = { name: '文本', rows: [...rows, [{ error: '#N/A' }, 12.5, true, null, '']] };
    const host = hostOver(wb);
    await host.writeSheets([spec], 'template', { replaceOwned: false });
    const snap = await host.snapshot();
    // The empty string is written as an empty cell: Excel stores no empty text through the API.
    expect(snap.grids[1]).toEqual({ name: '文本', rows: [...rows, [{ error: '#N/A' }, 12.5, true]] });
    expect(snap.owned).toEqual([{ name: '文本', kind: 'template' }]);
  });

  it('rejects an invalid spec before touching the workbook', async () => {
    const wb = emptyBook();
    const bad: SheetSpec = { name: '坏', rows: [['a', 'b']], merges: ['A1:B1'] };
    await expect(hostOver(wb).writeSheets([bad], 'forms', { replaceOwned: false })).rejects.toBeInstanceOf(ExcelHostError);
    await expect(hostOver(wb).writeSheets([{ name: 'a:b', rows: [] }], 'forms', { replaceOwned: false })).rejects.toThrow();
    expect(wb.syncCount).toBe(0);
    expect(names(wb)).toEqual(['Sheet1']);
  });

  it('removes what it added when Excel fails halfway, and says why in Chinese', async () => {
    const wb = emptyBook();
    const before = JSON.stringify(wb.snapshot());
    // The performance sheet's request (~130 kB) exceeds this limit; the forms before it do not.
    wb.payloadLimitBytes = 60_000;
    const error = await hostOver(wb)
      .writeSheets(FORMS, 'forms', { replaceOwned: false })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('RequestPayloadSizeLimitExceeded');
    expect((error as ExcelHostError).message).toMatch(/数据过多/);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe('writeSheets: sheets that are already there', () => {
  const T1 = FORMS[0] as SheetSpec;
  const T2 = FORMS[1] as SheetSpec;

  function userSheet(wb: FakeWorkbook): FakeSheet {
    const sheet = wb.requireSheet(T1.name);
    sheet.setFormat('A1:B2', { bold: true, fillColor: '#FFFF00' });
    sheet.addConditionalFormat({ range: 'B1', formula: '=B1>0', fillColor: '#00FF00' });
    return sheet;
  }

  it('never touches a user’s sheet of the same name: the new sheet gets a suffix', async () => {
    const wb = fakeWorkbookFromGrids([{ name: T1.name, rows: [['我的数据', 1]] }]);
    const sheet = userSheet(wb);
    const before = JSON.stringify(sheet.snapshot());
    expect(await hostOver(wb).writeSheets([T1], 'forms', { replaceOwned: false })).toEqual({ written: [`${T1.name} (2)`], replaced: [] });
    expect(JSON.stringify(wb.requireSheet(T1.name).snapshot())).toBe(before);
    // With replaceOwned the add-in replaces its own "(2)", still not the user's sheet.
    expect(await hostOver(wb).writeSheets([T1], 'forms', { replaceOwned: true })).toEqual({ written: [`${T1.name} (2)`], replaced: [`${T1.name} (2)`] });
    expect(JSON.stringify(wb.requireSheet(T1.name).snapshot())).toBe(before);
    const snap = await hostOver(wb).snapshot();
    expect(snap.owned.map((o) => o.name)).not.toContain(T1.name);
    expect(snap.grids.find((g) => g.name === `${T1.name} (2)`)).toEqual(gridForReading({ ...T1, name: `${T1.name} (2)` }));
  });

  it('replaces its own suffixed sheet on regeneration rather than piling up copies', async () => {
    const wb = fakeWorkbookFromGrids([{ name: T1.name, rows: [['我的数据']] }]);
    const host = hostOver(wb);
    expect((await host.writeSheets([T1], 'forms', { replaceOwned: false })).written).toEqual([`${T1.name} (2)`]);
    expect(await host.writeSheets([T1], 'forms', { replaceOwned: true })).toEqual({ written: [`${T1.name} (2)`], replaced: [`${T1.name} (2)`] });
    expect(names(wb)).toEqual([T1.name, `${T1.name} (2)`]);
  });

  it('leaves no temporary sheet and keeps the old sheets when the final swap fails', async () => {
    const wb = fakeWorkbookFromGrids([{ name: '说明', rows: [['用户的说明']] }]);
    const host = hostOver(wb);
    await host.writeSheets([T1, T2], 'forms', { replaceOwned: false });
    const before = JSON.stringify(wb.snapshot());
    wb.resetStats();
    // Syncs: sheet list, owners, one per sheet, then the swap, which Excel refuses.
    wb.failSync = (n) => (n === 5 ? new FakeOfficeError('AccessDenied', 'RichApi.Error: Access denied') : undefined);
    const error = await host.writeSheets([T1, T2], 'forms', { replaceOwned: true }).catch((e: unknown) => e);
    wb.failSync = undefined;
    expect((error as ExcelHostError).code).toBe('AccessDenied');
    expect((error as ExcelHostError).message).toMatch(/受保护|只读/);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it('keeps its own sheet without replaceOwned (the new one is suffixed) and replaces it in place with it', async () => {
    const wb = fakeWorkbookFromGrids([{ name: '说明', rows: [['用户的说明']] }]);
    const host = hostOver(wb);
    await host.writeSheets([T1, T2], 'forms', { replaceOwned: false });
    wb.addSheet('末尾').setValue('A1', '用户');
    const owned = JSON.stringify(wb.requireSheet(T1.name).snapshot());

    const kept = await host.writeSheets([T1], 'forms', { replaceOwned: false });
    expect(kept).toEqual({ written: [`${T1.name} (2)`], replaced: [] });
    expect(JSON.stringify(wb.requireSheet(T1.name).snapshot())).toBe(owned);
    wb.deleteSheet(wb.requireSheet(`${T1.name} (2)`));

    const changed: SheetSpec = { ...T1, rows: T1.rows.map((row, r) => (r === 0 ? ['改过的标题', ...row.slice(1)] : row)) };
    const oldIds = [T1.name, T2.name].map((n) => wb.requireSheet(n).id);
    wb.resetStats();
    const replaced = await host.writeSheets([changed, T2], 'forms', { replaceOwned: true });
    expect(replaced).toEqual({ written: [T1.name, T2.name], replaced: [T1.name, T2.name] });
    expect(wb.syncCount).toBe(2 + 2 + 1);
    expect(names(wb)).toEqual(['说明', T1.name, T2.name, '末尾']);
    expect([T1.name, T2.name].map((n) => wb.requireSheet(n).id)).not.toEqual(oldIds);
    expect(wb.requireSheet(T1.name).grid()).toEqual(gridForReading(changed));
    expect(wb.requireSheet('说明').grid().rows).toEqual([['用户的说明']]);
  });
});
