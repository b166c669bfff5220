/** A1 addresses for the fake: zero-based boxes, parsing and formatting (no Node, no core). */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, zero-based and inclusive. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function letters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(text: string): number {
  let col = 0;
  for (const ch of text) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function cellName(row: number, col: number): string {
  return `${letters(col)}${row + 1}`;
}

export function boxAddress(box: Box): string {
  const a = cellName(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? a : `${a}:${cellName(box.bottom, box.right)}`;
}

export function boxCells(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

export function contains(box: Box, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

const CELL = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/;
const COLUMN = /^\$?([A-Z]{1,3})$/;
const ROW = /^\$?([1-9][0-9]{0,6})$/;

type Part = { row?: number; col?: number };

function part(text: string): Part | undefined {
  const t = text.trim().toUpperCase();
  const cell = CELL.exec(t);
  if (cell) return { col: columnIndex(cell[1] ?? ''), row: Number(cell[2]) - 1 };
  const column = COLUMN.exec(t);
  if (column) return { col: columnIndex(column[1] ?? '') };
  const row = ROW.exec(t);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/**
 * A sheet-local address (`B3`, `A1:L4`, `$A$1`, whole columns `A:C`, whole rows `3:5`) as a box,
 * or undefined when it is not one. Sheet-qualified addresses are not accepted here.
 */
export function parseBox(address: string): Box | undefined {
  const pieces = address.split(':');
  if (pieces.length > 2) return undefined;
  const a = part(pieces[0] ?? '');
  const b = part(pieces[1] ?? pieces[0] ?? '');
  if (!a || !b) return undefined;
  const wholeColumns = a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const wholeRows = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  if (!wholeColumns && !wholeRows && (a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined)) return undefined;
  if (pieces.length === 1 && (wholeColumns || wholeRows)) return undefined;
  const top = wholeColumns ? 0 : Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0);
  const left = wholeRows ? 0 : Math.min(a.col ?? 0, b.col ?? 0);
  const right = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.col ?? 0, b.col ?? 0);
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS) return undefined;
  return { top, left, bottom, right };
}

/** A sheet name as Excel writes it in an address: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
