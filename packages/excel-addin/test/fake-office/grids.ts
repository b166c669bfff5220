/** Grid helpers for tests that compare what was written with what is read back. */
import type { CellValue, Grid } from '@yusuan/core';
import { parseBox } from './a1.js';

/**
 * The Grid part of a sheet as a reader returns it: trailing empty cells and
 * rows dropped, merges in reading order (top row, then left column).
 */
export function gridForReading(grid: Grid): Grid {
  const rows = grid.rows.map((row) => {
    const values: CellValue[] = row.map((v) => v ?? null);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return values;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const key = (m: string) => {
    const b = parseBox(m);
    return b ? [b.top, b.left, b.bottom, b.right] : [0, 0, 0, 0];
  };
  const merges = [...(grid.merges ?? [])].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return a.map((v, i) => v - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  });
  return merges.length > 0 ? { name: grid.name, rows, merges } : { name: grid.name, rows };
}
