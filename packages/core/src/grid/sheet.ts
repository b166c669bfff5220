/**
 * A sheet to write: a Grid plus presentation. Core decides what a generated
 * sheet looks like (styles by role, widths, frozen header, print setup); the
 * hosts (ExcelJS in the CLI, Office.js in the add-in) map these roles onto
 * their own formatting APIs. Reading ignores everything but the Grid.
 */
import type { Grid } from './grid.js';

/** Formatting roles; each host maps a role to fonts, borders, fills and number formats. */
export type CellRole =
  | 'title' // the form title: large, bold, centred over the table
  | 'subtitle' // the unit line (单位：万元) and similar, right-aligned
  | 'header' // header cells: bold, centred, wrapped, bordered, light fill
  | 'code' // subject codes: text, centred, bordered
  | 'text' // names and labels: left, wrapped, bordered
  | 'amount' // money: #,##0.00, right, bordered
  | 'totalText' // label of a 合计 row: bold, bordered
  | 'totalAmount' // amount of a 合计 row: bold #,##0.00
  | 'note' // 注：… under a table, no border
  | 'paragraph'; // free text in a table cell (e.g. 年度总体绩效目标): wrapped, bordered

export const AMOUNT_NUMBER_FORMAT = '#,##0.00';

export interface StyledRange {
  /** A1 range (`A5:L20`) or a single cell. */
  readonly range: string;
  readonly role: CellRole;
}

export interface SheetSpec extends Grid {
  /** Column widths in characters (Excel's width unit), left to right. */
  readonly columnWidths?: readonly number[];
  /** Row heights in points, by zero-based row index, where a row needs more than the default. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly styles?: readonly StyledRange[];
  /** Rows and columns frozen at the top-left (the header). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: {
    readonly orientation: 'landscape' | 'portrait';
    readonly paper: 'A4';
    readonly fitToWidth: boolean;
    /** One-based first and last row repeated on every printed page. */
    readonly repeatRows?: readonly [number, number];
  };
}
