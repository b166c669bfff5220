/** Accumulates a SheetSpec: cells, merges, roles, widths, heights. */
import { a1, type CellValue } from '../grid/grid.js';
import type { CellRole, SheetSpec, StyledRange } from '../grid/sheet.js';

export class SheetBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly merges: string[] = [];
  private readonly styles: StyledRange[] = [];
  private readonly heights: Record<number, number> = {};
  width = 0;

  get rowCount(): number {
    return this.rows.length;
  }

  /** Makes sure rows up to `row` exist (blank rows are real rows of the sheet). */
  ensureRow(row: number): void {
    while (this.rows.length <= row) this.rows.push([]);
  }

  set(row: number, col: number, value: CellValue): void {
    this.ensureRow(row);
    const r = this.rows[row] as CellValue[];
    while (r.length <= col) r.push(null);
    r[col] = value;
    this.width = Math.max(this.width, col + 1);
  }

  merge(row: number, col: number, rowSpan: number, colSpan: number): void {
    if (rowSpan > 1 || colSpan > 1) this.merges.push(`${a1(row, col)}:${a1(row + rowSpan - 1, col + colSpan - 1)}`);
  }

  style(row: number, col: number, rowSpan: number, colSpan: number, role: CellRole): void {
    if (rowSpan < 1 || colSpan < 1) return;
    const range = rowSpan === 1 && colSpan === 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + rowSpan - 1, col + colSpan - 1)}`;
    this.styles.push({ range, role });
  }

  /** Roles of one row, left to right, as runs of equal roles. */
  styleRow(row: number, col: number, roles: readonly CellRole[]): void {
    let start = 0;
    for (let i = 1; i <= roles.length; i++) {
      if (i === roles.length || roles[i] !== roles[start]) {
        const role = roles[start];
        if (role !== undefined) this.style(row, col + start, 1, i - start, role);
        start = i;
      }
    }
  }

  height(row: number, points: number): void {
    this.heights[row] = points;
  }

  build(name: string, extra: Pick<SheetSpec, 'columnWidths' | 'freeze' | 'print'>): SheetSpec {
    const width = this.width;
    const rows = this.rows.map((r) => {
      const out = r.slice();
      while (out.length < width) out.push(null);
      return out;
    });
    const spec: SheetSpec = { name, rows, merges: this.merges, styles: this.styles, ...extra };
    return Object.keys(this.heights).length > 0 ? { ...spec, rowHeights: { ...this.heights } } : spec;
  }
}
