/**
 * Reading a user catalogue file (the finance bureau's 政府收支分类科目 as CSV or
 * .xlsx) into a core Catalog. Decoding and spreadsheet reading happen here;
 * header detection, code checks and issues are core's.
 */
import { extname } from 'node:path';
import { catalogFromGrid, hasCatalogHeader, parseCatalogCsv, type CatalogKind, type CatalogLoad } from '@yusuan/core';
import { UserInputError } from './errors.js';
import { loadWorkbook, readInputFile, worksheetToGrid } from './xlsx/read-grid.js';

/** How a CSV file's bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type CatalogFileLoad = CatalogLoad &
  ({ readonly format: 'csv'; readonly encoding: TextEncodingName } | { readonly format: 'xlsx'; readonly sheet: string });

/**
 * Decodes a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, or else,
 * when the bytes are not valid UTF-8, GB18030 (a superset of GBK and GB2312,
 * what Excel writes for "CSV" on Chinese Windows).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * Loads a user catalogue from a .csv or .xlsx file. For a workbook the first
 * sheet with a catalogue header (code and name columns) is read; when no sheet
 * has one, the first non-empty sheet is read and its issues say why nothing
 * was found. Problems with the content are issues; a file that cannot be read
 * at all (missing, not a zip, an unsupported extension) is a UserInputError
 * with a one-line Chinese message.
 */
export async function loadCatalogFile(path: string, kind?: CatalogKind): Promise<CatalogFileLoad> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    const { text, encoding } = decodeText(await readInputFile(path));
    return { ...parseCatalogCsv(text, kind), format: 'csv', encoding };
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const workbook = await loadWorkbook(await readInputFile(path), path);
    const grids = workbook.worksheets.map((ws) => worksheetToGrid(ws));
    const grid = grids.find((g) => hasCatalogHeader(g)) ?? grids.find((g) => g.rows.length > 0) ?? grids[0];
    if (!grid) {
      throw new UserInputError({ 'zh-CN': `工作簿中没有工作表：${path}`, en: `the workbook has no worksheet: ${path}` });
    }
    return { ...catalogFromGrid(grid, kind), format: 'xlsx', sheet: grid.name };
  }
  if (ext === '.xls') {
    throw new UserInputError({
      'zh-CN': `不支持旧版 .xls 文件：${path}，请在 Excel 中另存为 .xlsx 或 CSV`,
      en: `legacy .xls files are not supported: ${path}; save it as .xlsx or CSV in Excel`,
    });
  }
  throw new UserInputError({
    'zh-CN': `不支持的科目表文件类型“${ext || '（无扩展名）'}”：${path}，请使用 .csv 或 .xlsx`,
    en: `unsupported catalogue file type "${ext || '(no extension)'}": ${path}; use .csv or .xlsx`,
  });
}
