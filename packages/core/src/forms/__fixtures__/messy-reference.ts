/**
 * The reference forms as a person types them into Excel, built from the
 * generated reference sheets (a pure function: no files). Another engineer
 * writes these grids to a real .xlsx and reads them back with ExcelJS, so
 * every merge stays a valid, non-overlapping range.
 *
 * What a human does here: spaces inside words (合 计, 财政专户管理 资金),
 * the 合计 label in another column or missing (T11), codes whole in one cell
 * (2080107 社会保险业务管理事务, 208 01 08) or split with only the last segment
 * (01 under 208), numbers as text with thousands separators (10,351.24), text
 * 0.00 and blank cells holding '' or spaces, extra blank rows and a blank
 * column at the left, merged headers without their merge list or with the
 * value repeated in every cell, prefixed titles, two forms on one sheet, the
 * unit line in another column, ASCII colons and parentheses in the
 * performance tables, 一级 typed on every row.
 */
import { a1, parseA1, type CellValue, type Grid } from '../../grid/grid.js';
import type { SheetSpec } from '../../grid/sheet.js';
import type { FormId } from '../../model/columns.js';
import type { Disclosure } from '../../model/schema.js';
import { referenceDisclosure } from '../../reference/index.js';
import { generateForms } from '../generate.js';
import { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from '../layouts/index.js';

interface Sheet {
  name: string;
  rows: CellValue[][];
  merges: string[];
}

interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function toRange(m: string): Range {
  const [a, b] = m.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? a ?? '');
  if (!p || !q) throw new Error(`bad merge ${m}`);
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

const fromRange = (r: Range): string => `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;

function sheetOf(specs: readonly SheetSpec[], name: string): Sheet {
  const s = specs.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return { name: s.name, rows: s.rows.map((r) => r.slice()), merges: [...(s.merges ?? [])] };
}

function form(specs: readonly SheetSpec[], id: FormId): Sheet {
  return sheetOf(specs, FORM_LAYOUTS[id].sheetName);
}

function insertRows(s: Sheet, at: number, count: number): void {
  const width = s.rows[0]?.length ?? 0;
  s.rows.splice(at, 0, ...Array.from({ length: count }, () => new Array<CellValue>(width).fill(null)));
  s.merges = s.merges.map((m) => {
    const r = toRange(m);
    return r.r0 >= at ? fromRange({ ...r, r0: r.r0 + count, r1: r.r1 + count }) : m;
  });
}

function insertColumns(s: Sheet, at: number, count: number): void {
  for (const row of s.rows) row.splice(at, 0, ...new Array<CellValue>(count).fill(null));
  s.merges = s.merges.map((m) => {
    const r = toRange(m);
    return r.c0 >= at ? fromRange({ ...r, c0: r.c0 + count, c1: r.c1 + count }) : m;
  });
}

function deleteColumns(s: Sheet, at: number, count: number): void {
  for (const row of s.rows) row.splice(at, count);
  s.merges = s.merges.flatMap((m) => {
    const r = toRange(m);
    const shift = (c: number) => (c >= at + count ? c - count : Math.min(c, at));
    const next = { ...r, c0: shift(r.c0), c1: r.c1 >= at + count ? r.c1 - count : Math.min(r.c1, at - 1) };
    if (next.c1 < next.c0 || (next.r0 === next.r1 && next.c0 === next.c1)) return [];
    return [fromRange(next)];
  });
}

/** Header merges typed as the value repeated in every cell, without a merge list. */
function repeatMergedValues(s: Sheet, fromRow: number, toRow: number): void {
  const keep: string[] = [];
  for (const m of s.merges) {
    const r = toRange(m);
    if (r.r0 < fromRow || r.r0 > toRow) {
      keep.push(m);
      continue;
    }
    const v = s.rows[r.r0]?.[r.c0] ?? null;
    for (let i = r.r0; i <= r.r1; i++) for (let c = r.c0; c <= r.c1; c++) (s.rows[i] as CellValue[])[c] = v;
  }
  s.merges = keep;
}

function rowWhere(s: Sheet, test: (row: readonly CellValue[]) => boolean): number {
  const i = s.rows.findIndex(test);
  if (i < 0) throw new Error(`${s.name}: row not found`);
  return i;
}

const has = (text: string) => (row: readonly CellValue[]) => row.some((c) => c === text);
/** The 合计 row (not the 合计 column header): 合计 beside figures. */
const totalRow = (row: readonly CellValue[]) => has('合计')(row) && row.some((c) => typeof c === 'number');

function set(s: Sheet, row: number, col: number, v: CellValue): void {
  const r = s.rows[row];
  if (!r) throw new Error(`${s.name}: no row ${row}`);
  while (r.length <= col) r.push(null);
  r[col] = v;
}

/** Replaces every cell equal to `from` (in rows [r0, r1)) by `to`. */
function replace(s: Sheet, from: CellValue, to: CellValue, r0 = 0, r1 = s.rows.length): void {
  for (let r = r0; r < r1; r++) {
    const row = s.rows[r] ?? [];
    row.forEach((c, i) => {
      if (c === from) row[i] = to;
    });
  }
}

/** `b` below `a` after a blank row. */
function stack(a: Sheet, b: Sheet, name: string): Sheet {
  const width = Math.max(a.rows[0]?.length ?? 0, b.rows[0]?.length ?? 0);
  const pad = (r: CellValue[]) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill(null)];
  const offset = a.rows.length + 1;
  return {
    name,
    rows: [...a.rows.map(pad), new Array<CellValue>(width).fill(null), ...b.rows.map(pad)],
    merges: [...a.merges, ...b.merges.map((m) => {
      const r = toRange(m);
      return fromRange({ ...r, r0: r.r0 + offset, r1: r.r1 + offset });
    })],
  };
}

const grid = (s: Sheet): Grid => ({ name: s.name, rows: s.rows, merges: s.merges });

export function messyReferenceGrids(model: Disclosure = referenceDisclosure()): Grid[] {
  const specs = generateForms(model);

  // T01: the unit's name before the title, 0.00 and a total typed as text, a spare blank row.
  const t01 = form(specs, 'T01');
  t01.name = '收支总表';
  set(t01, 0, 0, `${model.unit.year}年${model.unit.name}收支总体情况表`);
  set(t01, rowWhere(t01, has('二十一、其他支出')), 3, '0.00');
  set(t01, rowWhere(t01, has('收入总计')), 1, '10,351.24');
  replace(t01, '一、财政拨款收入', '一、财政拨款收入 ');
  insertRows(t01, 2, 1);

  // T02: year prefix, spaces in header words, 合 计 in the 类 column, merges given only as nulls, figures as text.
  const t02 = form(specs, 'T02');
  t02.name = '收入';
  set(t02, 0, 0, '2024年部门预算公开表 收入总体情况表');
  replace(t02, '财政拨款收入', '财政拨款 收入', 2, 4);
  replace(t02, '事业收入（不含教育收费）', '事业收入 (不含教育收费)', 2, 4);
  const t02Total = rowWhere(t02, totalRow);
  set(t02, t02Total, 3, null);
  set(t02, t02Total, 0, '合 计');
  set(t02, t02Total, 4, '10,351.24');
  set(t02, t02Total, 5, ' 10,351.24 ');
  set(t02, rowWhere(t02, has('行政事业单位养老支出')), 6, '2,900.00');
  replace(t02, '社会保障和就业支出', '社会保障和 就业支出');
  t02.merges = [];
  insertRows(t02, 1, 2);

  // T03: 表三 prefix; one code column (科目编码 without 类/款/项), the code and the name typed in one cell.
  const t03 = form(specs, 'T03');
  t03.name = '支出';
  set(t03, 0, 0, '表三 支出总体情况表');
  const t03First = rowWhere(t03, totalRow) + 1;
  for (let r = t03First; r < t03.rows.length; r++) {
    const row = t03.rows[r] as CellValue[];
    row[0] = `${String(row[0] ?? '')}${String(row[1] ?? '')}${String(row[2] ?? '')} ${String(row[3] ?? '')}`;
    row[3] = null;
  }
  set(t03, 3, 0, null);
  deleteColumns(t03, 1, 2);

  // T04: 部门预算公开表4： prefix, a blank column at the left, the header value repeated in every merged cell.
  const t04 = form(specs, 'T04');
  t04.name = 'Sheet4';
  set(t04, 0, 0, '部门预算公开表4：财政拨款收支总体情况表');
  repeatMergedValues(t04, 2, 4);
  insertColumns(t04, 0, 1);

  // T05: the unit line in the first column, 合计 in the name column, 款/项 with only their last segment.
  const t05 = form(specs, 'T05');
  const t05Unit = t05.rows[1] as CellValue[];
  t05.rows[1] = [t05Unit[t05Unit.length - 1] ?? null, ...t05Unit.slice(0, -1)];
  const t05Total = rowWhere(t05, totalRow);
  set(t05, t05Total, 0, null);
  set(t05, t05Total, 3, '合计');
  for (let r = t05Total + 1; r < t05.rows.length; r++) {
    const row = t05.rows[r] as CellValue[];
    if (row[1] !== null) row[0] = null;
    if (row[2] !== null) row[1] = null;
  }

  // T06: 单位:万元 with an ASCII colon in the middle of the sheet; a space inside the note.
  const t06 = form(specs, 'T06');
  set(t06, 1, 8, null);
  set(t06, 1, 4, '单位:万元');
  const t06Note = t06.rows.length - 1;
  set(t06, t06Note, 0, String(t06.rows[t06Note]?.[0] ?? '').replace('基本支出', '基本 支出'));

  // T07: the header typed with its merged values repeated and no merge list.
  const t07 = form(specs, 'T07');
  repeatMergedValues(t07, 2, 4);
  replace(t07, '因公出国（境）经费', '因公出国 (境) 经费', 2, 5);

  // T08 and T09 on one sheet.
  const t0809 = stack(form(specs, 'T08'), form(specs, 'T09'), '基金与国资');

  // T10: spaces inside header words.
  const t10 = form(specs, 'T10');
  replace(t10, '财政专户管理资金', '财政专户管理 资金', 2, 4);
  replace(t10, '使用非财政拨款结余', '使用非财政 拨款结余', 2, 4);

  // T11: the total unlabelled (as published), two spare blank rows under the header, type with a space,
  // blank figures typed as '' or a space.
  const t11 = form(specs, 'T11');
  t11.rows.forEach((row, r) => {
    if (r > 3) row.forEach((c, i) => (c === null && i > 1 ? (row[i] = r % 2 === 0 ? '' : ' ') : undefined));
  });
  insertRows(t11, 4, 2);
  replace(t11, '特定目标类', '特定目标 类');

  // T12: 金额单位：万元, the code typed whole with spaces, 合 计 in the 款 column.
  const t12 = form(specs, 'T12');
  set(t12, 1, 11, '金额单位：万元');
  replace(t12, '财政专户管理资金', '财政专户管 理资金', 2, 5);
  const t12Total = rowWhere(t12, totalRow);
  set(t12, t12Total, 3, null);
  set(t12, t12Total, 1, '合 计');
  for (let r = t12Total + 1; r < t12.rows.length; r++) {
    const row = t12.rows[r] as CellValue[];
    row[0] = [row[0], row[1], row[2]].filter((c) => c !== null).join(' ');
    row[1] = null;
    row[2] = null;
  }

  // Performance tables: a blank column at the left, titles with a space, ASCII colons and parentheses,
  // 0 as text, 一级 typed on every row (no merge) in the first table, an extra blank row between tables.
  const p = sheetOf(specs, PERFORMANCE_LAYOUT.sheetName);
  p.name = '项目绩效目标';
  replace(p, `${model.unit.year}年预算项目支出绩效目标表`, `${model.unit.year} 年预算项目支出绩效目标表`);
  replace(p, '项目资金（万元）', '项目资金 (万元)');
  replace(p, '年度预算资金总额：', '年度预算资金总额:');
  replace(p, '其中：财政拨款', '其中: 财政拨款');
  replace(p, '年度总体绩效目标', '年度总体 绩效目标');
  replace(p, 0, '0');
  const firstHeader = rowWhere(p, has('一级指标'));
  const firstEnd = p.rows.findIndex((row, i) => i > firstHeader && row.every((c) => c === null));
  p.merges = p.merges.filter((m) => {
    const r = toRange(m);
    const level1 = r.c0 === 1 && r.c1 === 1 && r.r0 > firstHeader && r.r0 < firstEnd;
    if (level1) for (let i = r.r0; i <= r.r1; i++) (p.rows[i] as CellValue[])[1] = p.rows[r.r0]?.[1] ?? null;
    return !level1;
  });
  insertRows(p, firstEnd, 1);
  insertColumns(p, 0, 1);

  return [t01, t02, t03, t04, t05, t06, t07, t0809, t10, t11, t12, p].map(grid);
}
