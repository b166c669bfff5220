// The fake Excel API itself: it must be at least as strict as Office.js, or the
// adapter tests prove nothing.
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeExcel, DEFAULT_PAYLOAD_LIMIT, fakeWorkbookFromGrids, FakeOfficeError, installFakeOffice, MAX_MERGED_AREAS, parseInput, type FakeRequestContext, type FakeWorkbook } from './fake-office/index.js';

type Ctx = FakeRequestContext;

function workbook() {
  return fakeWorkbookFromGrids([
    { name: 'Data', rows: [['标题', null, null], ['a', 1.5, true], [null, { error: '#REF!' }, '']], merges: ['A1:C1'] },
    { name: 'Other', rows: [[null, null], [null, 'x']] },
  ]);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
  return 'no error';
}

function run<T>(wb: FakeWorkbook, batch: (ctx: Ctx) => Promise<T>): Promise<T> {
  return createFakeExcel(wb).run(batch);
}

describe('fake Excel: loading', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:C3');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      // Queued, not yet sent.
      expect(() => range.values).toThrowError(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      await ctx.sync();
      expect(range.values).toEqual([
        ['标题', '', ''],
        ['a', 1.5, true],
        ['', '#REF!', ''],
      ]);
      // Loaded properties only.
      expect(() => range.valueTypes).toThrow(/valueTypes/);
    });
  });

  it('answers isNullObject and collection items only after a sync', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const missing = sheets.getItemOrNullObject('Nope');
      const there = sheets.getItemOrNullObject('data');
      sheets.load('items/name');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      expect(() => sheets.items).toThrow(/items/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Other']);
      expect(() => sheets.items[0]?.position).toThrow(/position/);
    });
  });

  it('loads navigation paths through collections and null objects', async () => {
    const wb = workbook();
    wb.requireSheet('Data').addConditionalFormat({ range: 'B2', formula: '=B2>1', fillColor: '#FF0000' });
    wb.requireSheet('Data').addConditionalFormat({ range: 'A1:C3', type: 'CellValue' });
    await run(wb, async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Data').getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect(cfs.items.map((cf) => cf.type)).toEqual(['Custom', 'CellValue']);
      expect(cfs.items[0]?.customOrNullObject.rule.formula).toBe('=B2>1');
      expect(cfs.items[1]?.customOrNullObject.isNullObject).toBe(true);
    });
  });

  it('reports used ranges (values only, or with formats and merges) and merged areas by their top-left cell', async () => {
    const wb = workbook();
    wb.requireSheet('Other').setFormat('D9', { bold: true });
    wb.requireSheet('Other').addMerge('A5:B6');
    await run(wb, async (ctx) => {
      const other = ctx.workbook.worksheets.getItem('Other');
      const values = other.getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount');
      const all = other.getUsedRangeOrNullObject().load('address');
      const inB = other.getRange('B1:B10').getMergedAreasOrNullObject().load('address');
      const inA = other.getRange('A1:A10').getMergedAreasOrNullObject().load('address,areaCount');
      const empty = ctx.workbook.worksheets.add('Empty').getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect([values.address, values.rowIndex, values.columnIndex, values.rowCount, values.columnCount]).toEqual(['Other!B2', 1, 1, 1, 1]);
      expect(all.address).toBe('Other!A2:D9');
      expect(inB.isNullObject).toBe(true);
      expect([inA.address, inA.areaCount]).toEqual(['Other!A5:B6', 1]);
      expect(empty.isNullObject).toBe(true);
    });
  });

  it('fails getMergedAreasOrNullObject above 512 areas, as Excel does', async () => {
    const wb = fakeWorkbookFromGrids([{ name: 'M', rows: [], merges: Array.from({ length: MAX_MERGED_AREAS + 1 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`) }]);
    const code = await codeOf(
      run(wb, async (ctx) => {
        ctx.workbook.worksheets.getItem('M').getRange('A:B').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    );
    expect(code).toBe('GeneralException');
  });
});

describe('fake Excel: writing', () => {
  it('applies queued writes only at sync, in order, and Excel.run sends what is left', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Other').getRange('A1:B1');
      range.numberFormat = [['@', 'General']];
      range.values = [['007', '0.50']];
      expect(wb.requireSheet('Other').cellAt('A1')).toBeUndefined();
      // A property set locally reads back before the sync.
      expect(range.values).toEqual([['007', '0.50']]);
      await ctx.sync();
      expect(wb.requireSheet('Other').cellAt('A1')).toEqual({ value: '007', numberFormat: '@' });
      expect(wb.requireSheet('Other').cellAt('B1')).toEqual({ value: 0.5 });
      ctx.workbook.worksheets.getItem('Other').getRange('C1').values = [['late']];
    });
    expect(wb.requireSheet('Other').cellAt('C1')?.value).toBe('late');
    expect(wb.syncCount).toBe(2);
  });

  it('stores typed input as Excel does and refuses formulas and dates it cannot evaluate', () => {
    expect(parseInput('0123', undefined)).toBe(123);
    expect(parseInput('10,351.24', undefined)).toBe(10351.24);
    expect(parseInput('50%', undefined)).toBe(0.5);
    expect(parseInput("'0123", undefined)).toBe('0123');
    expect(parseInput('0123', '@')).toBe('0123');
    expect(parseInput('true', undefined)).toBe(true);
    expect(parseInput('#N/A', undefined)).toEqual({ error: '#N/A' });
    expect(parseInput('', undefined)).toBeUndefined();
    expect(parseInput(' ', undefined)).toBe(' ');
    expect(parseInput('社会保障', undefined)).toBe('社会保障');
    expect(() => parseInput('=1 年', undefined)).toThrow(/formula/);
    expect(() => parseInput('-abc', undefined)).toThrow(/formula/);
    expect(() => parseInput('2024-03-29', undefined)).toThrow(/date/);
  });

  it('makes an object unusable when the request that was to create it failed', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const duplicate = sheets.add('other');
      expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
      duplicate.getRange('A1').values = [['x']];
      expect(await codeOf(ctx.sync())).toBe('InvalidObjectPath');
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Data', 'Other']);
  });

  it('rejects a values array of the wrong shape at sync', async () => {
    const wb = workbook();
    const code = await codeOf(
      run(wb, async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').getRange('A1:B2').values = [['only one row', 'x']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('raises ItemNotFound for a missing sheet at sync, not before', async () => {
    const wb = workbook();
    const code = await codeOf(
      run(wb, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Nope');
        ws.activate();
        expect(wb.syncCount).toBe(0);
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  it('keeps conditional formats apart from the cells’ own formats', async () => {
    const wb = workbook();
    const before = JSON.stringify(wb.requireSheet('Data').cellAt('B2'));
    await run(wb, async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Data').getRange('B2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#ffc7ce';
      cf.custom.format.borders.getItem('EdgeTop').style = 'Continuous';
      await ctx.sync();
    });
    const sheet = wb.requireSheet('Data');
    expect(JSON.stringify(sheet.cellAt('B2'))).toBe(before);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0]).toMatchObject({ type: 'Custom', formula: '=TRUE', format: { fillColor: '#FFC7CE', borders: { EdgeTop: { style: 'Continuous' } } } });
  });
});

describe('fake Excel: round trips and limits', () => {
  it('counts every sync and measures its request and response in bytes', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:C3').load('values');
      await ctx.sync();
      await ctx.sync();
    });
    expect(wb.syncCount).toBe(2);
    const [first, second] = wb.syncLog;
    expect(first?.cellsRead).toBe(9);
    expect(first?.responseBytes).toBeGreaterThan(JSON.stringify([['标题', '', '']]).length);
    expect(second).toMatchObject({ actions: 0, responseBytes: 0 });
  });

  it('refuses a response above the payload limit, like Excel on the web', async () => {
    const wb = workbook();
    const code = await codeOf(
      run(wb, async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange().load('values');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(DEFAULT_PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
  });

  it('refuses members outside the modelled subset at once', async () => {
    const wb = workbook();
    await run(wb, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A1') as unknown as Record<string, unknown>;
      expect(() => range.formulas).toThrow(/not part of the modelled Excel API subset/);
      expect(() => {
        range.hyperlink = 'x';
      }).toThrow(/not part of/);
      expect(() => ctx.workbook.worksheets.getItem('Data').getRange('A1').load({ select: 'values' } as unknown as string)).toThrow(/options object/);
    });
  });

  it('refuses APIs above the host’s requirement set at sync', async () => {
    const wb = workbook();
    wb.apiVersion = '1.12';
    const code = await codeOf(
      run(wb, async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:C1').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });
});

describe('the fake in a browser', () => {
  it('bundles without Node APIs and runs in a bare browser-like sandbox', async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./fake-office/index.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'FakeOffice',
      platform: 'browser',
      target: 'es2020',
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\brequire\(|from\s*["']node:/);
    const sandbox: Record<string, unknown> = { Promise, JSON, Math, Map, Set, Proxy, Reflect, Error, Array, Object, Number, String };
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(
      `${code}
      const wb = FakeOffice.fakeWorkbookFromGrids([{ name: '表1', rows: [['a', 1]] }]);
      FakeOffice.installFakeOffice(window, wb, { apiVersion: '1.13' });
      window.result = Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('表1').getRange('A1:B1').load('values');
        await ctx.sync();
        return [r.values, Office.context.requirements.isSetSupported('ExcelApi', '1.13')];
      });`,
      context,
    );
    expect(await (sandbox.result as Promise<unknown>)).toEqual([[['a', 1]], true]);
    expect('process' in context).toBe(false);
  });
});

describe('installFakeOffice', () => {
  const scope: Record<string, unknown> = {};
  afterEach(() => {
    for (const k of Object.keys(scope)) delete scope[k];
  });

  it('sets Office and Excel on a global object and restores it', async () => {
    scope.Excel = 'before';
    const wb = workbook();
    const fake = installFakeOffice(scope, wb, { apiVersion: '1.13' });
    const office = scope.Office as typeof fake.Office;
    expect(await office.onReady()).toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(false);
    expect(office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(office.HostType.Excel).toBe('Excel');
    const names = await (scope.Excel as typeof fake.Excel).run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(['Data', 'Other']);
    fake.uninstall();
    expect(scope.Excel).toBe('before');
    expect('Office' in scope).toBe(false);
  });

  it('builds workbooks from Grids as a file holds them', () => {
    const wb = workbook();
    expect(wb.requireSheet('Data').grid()).toEqual({ name: 'Data', rows: [['标题'], ['a', 1.5, true], [null, { error: '#REF!' }, '']], merges: ['A1:C1'] });
    expect(() => fakeWorkbookFromGrids([{ name: 'S', rows: [['a', 'hidden']], merges: ['A1:B1'] }])).toThrow(/hides B1/);
    expect(() => fakeWorkbookFromGrids([{ name: 'a/b', rows: [] }])).toThrow(/invalid/);
  });
});
