/**
 * The WorkbookHost over Office.js (ExcelApi 1.13). Every method is one
 * Excel.run with a small, fixed number of context.sync() calls:
 *
 * - snapshot: 3 (sheets; used ranges and owner marks; all cells and merges),
 *   one more per ~4 MB of cell data beyond the first;
 * - writeSheets: 2 + one per sheet (+1 when add-in sheets are replaced);
 * - mark: 3, clearMarks: 2–3, select: 1.
 *
 * Failures come out as ExcelHostError: an Office.js error code and a message
 * for the user (officeErrorMessage), the original error as `cause`.
 */
import type { Diagnostic, SheetSpec } from '@yusuan/core';
import type { OwnedSheet, WorkbookHost, WorkbookSnapshot, WriteResult } from '../host.js';
import { parseRange } from './a1.js';
import { ExcelHostError, toHostError } from './errors.js';
import { clearAllMarks, markCells } from './marks.js';
import { DEFAULT_READ_LIMITS, readWorkbook, type ReadLimits } from './read.js';
import { writeSpecs } from './write.js';

export { ExcelHostError, officeErrorCode, officeErrorMessage, type MessageLang } from './errors.js';
export { MARK_FORMULA, MAX_MARKS } from './marks.js';
export { DEFAULT_READ_LIMITS, OWNER_KEY, type ReadLimits } from './read.js';
export { columnWidthPoints, ROLE_FORMATS } from './roles.js';
export { needsQuote } from './write.js';

/** The requirement set everything here needs (getMergedAreasOrNullObject is 1.13, worksheet custom properties 1.12). */
export const REQUIRED_API = { set: 'ExcelApi', version: '1.13' } as const;

export interface OfficeRequirements {
  readonly context: { readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** Whether the Office host supports REQUIRED_API (false without Office). */
export function hostSupported(office: OfficeRequirements | undefined = (globalThis as { Office?: OfficeRequirements }).Office): boolean {
  try {
    return office?.context.requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version) === true;
  } catch {
    return false;
  }
}

/** What ExcelHost needs of the `Excel` namespace: its run function. */
export interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** The Excel namespace; the global `Excel` (looked up at each call) by default. */
  readonly excel?: ExcelRuntime;
  readonly readLimits?: ReadLimits;
}

const KINDS: readonly OwnedSheet['kind'][] = ['forms', 'template', 'report'];

function isKind(v: string | undefined): v is OwnedSheet['kind'] {
  return KINDS.includes(v as OwnedSheet['kind']);
}

export class ExcelHost implements WorkbookHost {
  private readonly excel: ExcelRuntime | undefined;
  private readonly readLimits: ReadLimits;

  constructor(options: ExcelHostOptions = {}) {
    this.excel = options.excel;
    this.readLimits = options.readLimits ?? DEFAULT_READ_LIMITS;
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const excel = this.excel ?? (globalThis as { Excel?: ExcelRuntime }).Excel;
    if (!excel) throw new ExcelHostError('ApiNotFound');
    try {
      return await excel.run(batch);
    } catch (e) {
      throw toHostError(e);
    }
  }

  snapshot(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const sheets = await readWorkbook(context, this.readLimits);
      return {
        grids: sheets.map((s) => s.grid),
        owned: sheets.flatMap((s) => (isKind(s.owner) ? [{ name: s.name, kind: s.owner }] : [])),
      };
    });
  }

  writeSheets(sheets: readonly SheetSpec[], kind: OwnedSheet['kind'], options: { readonly replaceOwned: boolean }): Promise<WriteResult> {
    return this.run((context) => writeSpecs(context, sheets, kind, options.replaceOwned));
  }

  mark(diagnostics: readonly Diagnostic[]): Promise<number> {
    return this.run((context) => markCells(context, diagnostics));
  }

  clearMarks(): Promise<number> {
    return this.run((context) => clearAllMarks(context));
  }

  select(sheet: string, cell: string): Promise<void> {
    const box = parseRange(cell);
    if (!box) return Promise.reject(new ExcelHostError('InvalidArgument', { 'zh-CN': `单元格地址无效：${cell}`, en: `Not a cell address: ${cell}` }));
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ItemNotFound') {
          throw new ExcelHostError('ItemNotFound', { 'zh-CN': `找不到工作表“${sheet}”，它可能已被删除或改名。`, en: `Worksheet "${sheet}" was not found; it may have been deleted or renamed.` }, { cause: e });
        }
        throw e;
      }
    });
  }
}
