/**
 * Workbooks the pane's tests (unit and browser) are run on: the reference
 * disclosure's forms as core generates them, and the same with two injected
 * defects (a changed T03 amount and a #REF! in T05).
 */
import { generateForms, referenceDisclosure, type CellValue, type Grid } from '@yusuan/core';

/** The reference forms, as plain grids (a user's forms workbook). */
export function referenceGrids(): Grid[] {
  return generateForms(referenceDisclosure()).map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]), ...(s.merges ? { merges: [...s.merges] } : {}) }));
}

export const T03_SHEET = '表3 支出总体情况表';
export const T05_SHEET = '表5 一般公共预算支出情况表';
/** 2080107 合计 in T03 (8.00 in the reference), changed to 9. */
export const CHANGED_CELL = 'E8';
/** 2080107 合计 in T05, replaced by a #REF! error. */
export const REF_CELL = 'E8';

function setCell(grid: Grid, cell: string, value: CellValue): Grid {
  const m = /^([A-Z]+)([0-9]+)$/.exec(cell);
  if (!m) throw new Error(`bad cell ${cell}`);
  const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  return { ...grid, rows: grid.rows.map((r, i) => (i === row ? r.map((v, j) => (j === col ? value : v)) : r)) };
}

/** The reference forms with one T03 amount changed and one #REF! in T05. */
export function defectiveGrids(): Grid[] {
  return referenceGrids().map((g) => (g.name === T03_SHEET ? setCell(g, CHANGED_CELL, 9) : g.name === T05_SHEET ? setCell(g, REF_CELL, { error: '#REF!' }) : g));
}
