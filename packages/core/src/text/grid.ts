/**
 * A published document's text (as extracted from PDF or Word: table rows
 * tab-separated, merged cells flattened) read as ONE grid: line n is row n,
 * its tab-separated fields are the cells. The forms parser then finds every
 * table by its title wherever it stands, exactly as in a workbook, and a cell
 * address maps back to its line.
 */
import { parseA1, type Grid } from '../grid/grid.js';

export const TEXT_SHEET = '公开文本';

/** The whole text as one grid; empty fields are null. */
export function textToGrid(text: string, name: string = TEXT_SHEET): Grid {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return {
    name,
    rows: lines.map((line) => (line.trim() === '' ? [] : line.split('\t').map((cell) => (cell.trim() === '' ? null : cell)))),
  };
}

/** The 1-based line of a cell of a text grid. */
export function lineOfCell(cell: string): number | undefined {
  const p = parseA1(cell);
  return p ? p.row + 1 : undefined;
}
