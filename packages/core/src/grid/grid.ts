/**
 * The one port between core and any spreadsheet: a sheet as a 2-D array of cell
 * values plus its merged ranges. Hosts (the ExcelJS adapter in the CLI, the
 * Office.js adapter in the add-in, an in-memory one in tests) turn their
 * workbooks into Grids; core never sees a file or an Office object.
 *
 * Addresses are A1 strings; `rows[r][c]` is the cell at row r+1, column c+1.
 */

/** A spreadsheet error value such as `#REF!` or `#N/A`. */
export interface CellError {
  readonly error: string;
}

/**
 * The error text a host gives a formula cell whose file holds no calculated
 * result (saved by a program that does not calculate): not an Excel error, so
 * that the readers can say what is wrong instead of reading the cell as empty.
 */
export const NO_CACHED_VALUE = '#NO-CACHED-VALUE';

/** What a cell holds once read: text, a number (an Excel double), a boolean, an error, or nothing. */
export type CellValue = string | number | boolean | null | CellError;

export interface Grid {
  /** Sheet name as shown on the tab. */
  readonly name: string;
  /** Row-major cell values; rows may be ragged, a missing cell is empty. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged ranges in A1 notation, e.g. `A1:L1`. */
  readonly merges?: readonly string[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer, got ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based row and column → A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

/** A1 address → zero-based row and column, or undefined when it is not an address. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const letters = m[1] ?? '';
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid.rows[row]?.[col] ?? null;
}
