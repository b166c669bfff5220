/**
 * Tables of no known profile, recognised by what they hold: a run of rows
 * whose code column carries subject codes (function codes 类/款/项, whole or
 * split over three columns, or economic codes 类/款) beside amount columns.
 * The header is the text rows right above the first coded row, the title the
 * line above the header, the columns the header's words. The table is read
 * like a profile's own table (read-table.ts) into `model.tables`, so its
 * rollups are checked by code prefix (类 = Σ款, 款 = Σ项, 合计 = Σ类).
 *
 * Row formulas are stated only where the header makes them explicit: a group
 * of columns whose first column is its 合计 / 小计 (`基本支出 | 小计 人员支出
 * 公用支出`, `一般公共预算支出 | 合计 基本支出 项目支出`): that column is the sum
 * of the group's other columns, a column marked 其中 left out. Nothing is
 * assumed of columns side by side without a group over them.
 */
import type { CellValue, Grid } from '../grid/grid.js';
import { cellText, isBlank, isNumeric } from './cells.js';
import { normalizeLabel } from './text.js';
import type { ColumnNode, RowFormula, TableLayout } from './types.js';

export interface GenericTable {
  readonly layout: TableLayout;
  /** The title line (or the first header row when no title stands above it). */
  readonly titleRow: number;
  readonly title: string;
  readonly headerStart: number;
  /** The row after the last row of the table. */
  readonly end: number;
}

const FUNCTION_CODE = /^2[0-9]{2}(?:[0-9]{2}){0,2}$/u;
const ECONOMIC_CODE = /^[35][0-9]{2}(?:[0-9]{2})?$/u;
const CLASS = /^[0-9]{3}$/u;
const SEGMENT = /^[0-9]{2}$/u;
const TOTAL = /^(?:合计|总计|小计)$/u;
/** Rows above the first coded row that may form the header. */
const MAX_HEADER_ROWS = 4;
/** Non-coded rows (合计, blank lines, a page break) a run of coded rows may hold. */
const MAX_GAP = 3;

function rowOf(grid: Grid, r: number): readonly CellValue[] {
  const row = grid.rows[r];
  return Array.isArray(row) ? row : [];
}

const text = (v: CellValue | undefined): string => normalizeLabel(cellText(v)).trim();

type Coding = { readonly scheme: 'function' | 'economic'; readonly split: boolean; readonly col: number };

/** The code a row carries: whole in one cell, or a 类 cell followed by 款 (and 项) cells. */
function codingOf(cells: readonly CellValue[]): Coding | undefined {
  for (let c = 0; c < cells.length; c++) {
    const t = text(cells[c]);
    if (t === '') continue;
    const scheme = FUNCTION_CODE.test(t) ? 'function' : ECONOMIC_CODE.test(t) ? 'economic' : undefined;
    if (scheme && CLASS.test(t)) {
      // 类 | 款 (| 项) in columns of their own: a segment beside it, or blank segment cells before the name
      if (SEGMENT.test(text(cells[c + 1]))) return { scheme, split: true, col: c };
      let k = c + 1;
      while (k < c + (scheme === 'function' ? 3 : 2) && text(cells[k]) === '') k++;
      if (k > c + 1 && text(cells[k]) !== '' && !isNumeric(cells[k])) return { scheme, split: true, col: c };
    }
    if (FUNCTION_CODE.test(t)) return { scheme: 'function', split: false, col: c };
    if (ECONOMIC_CODE.test(t)) return { scheme: 'economic', split: false, col: c };
    return undefined;
  }
  return undefined;
}

function hasFigures(cells: readonly CellValue[], after: number): boolean {
  return cells.some((v, c) => c > after && isNumeric(v));
}

interface Run {
  readonly first: number;
  readonly last: number;
  readonly coding: Coding;
}

/** Runs of coded rows with figures, outside the rows already read. */
function runs(grid: Grid, covered: (r: number) => boolean): Run[] {
  const out: Run[] = [];
  let current: { first: number; last: number; coding: Coding } | undefined;
  let gap = 0;
  for (let r = 0; r < grid.rows.length; r++) {
    if (covered(r)) {
      if (current) out.push(current);
      current = undefined;
      continue;
    }
    const cells = rowOf(grid, r);
    const coding = codingOf(cells);
    const coded = coding !== undefined && hasFigures(cells, coding.col + (coding.split ? (coding.scheme === 'function' ? 2 : 1) : 0));
    if (coded && coding && (!current || (current.coding.scheme === coding.scheme && current.coding.split === coding.split && current.coding.col === coding.col))) {
      current = current ? { ...current, last: r } : { first: r, last: r, coding };
      gap = 0;
      continue;
    }
    if (current && gap < MAX_GAP) {
      gap++;
      continue;
    }
    if (current) out.push(current);
    current = coded && coding ? { first: r, last: r, coding } : undefined;
    gap = 0;
  }
  if (current) out.push(current);
  return out.filter((x) => x.last > x.first);
}

/** Title, unit and metadata lines above a header: 单位：元, 编制部门：…, a line ending in 表. */
const NOT_HEADER = /[:：]|表$/u;
/** A single word longer than this alone on its line is a title, not a header word. */
const MAX_HEADER_WORD = 10;

/** A text row of a header: no figure, words that are no title, unit or metadata line. */
function headerRow(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  if (filled.length === 0 || cells.some((v) => isNumeric(v) && !/^[0-9]{1,2}$/u.test(text(v)))) return false;
  if (filled.some((v) => NOT_HEADER.test(text(v)))) return false;
  return filled.length > 1 || text(filled[0]).length <= MAX_HEADER_WORD;
}

interface Label {
  readonly text: string;
  readonly row: number;
}

/**
 * Each column's header words top-down. A word with blank cells to its right in
 * its row heads the columns below those cells too (a merged cell kept in its
 * first column), up to the next word of the row, within the span of the word
 * above it (a group does not reach beyond its own group), and only over
 * columns with a word below.
 */
function columnPaths(grid: Grid, start: number, end: number, width: number): Label[][] {
  const paths: Label[][] = Array.from({ length: width }, () => []);
  // the end (exclusive) of the span each column belongs to in the row above
  let limits: number[] = Array.from({ length: width }, () => width);
  for (let r = start; r < end; r++) {
    const row = rowOf(grid, r);
    const last = r === end - 1;
    const next: number[] = Array.from({ length: width }, (_v, c) => limits[c] ?? width);
    for (let c = 0; c < width; c++) {
      const t = text(row[c]);
      if (t === '') continue;
      let span = c + 1;
      const limit = limits[c] ?? width;
      if (!last) while (span < limit && text(row[span]) === '' && columnHasWordBelow(grid, r + 1, end, span)) span++;
      for (let k = c; k < span; k++) {
        paths[k]?.push({ text: t, row: r });
        next[k] = span;
      }
    }
    limits = next;
  }
  return paths;
}

function columnHasWordBelow(grid: Grid, from: number, end: number, col: number): boolean {
  for (let r = from; r < end; r++) if (text(rowOf(grid, r)[col]) !== '') return true;
  return false;
}

/** Row formulas the header states: in a group whose first column is its 合计 / 小计, that column = Σ the others (其中 left out). */
function statedFormulas(paths: readonly Label[][], amountCols: readonly number[], keyOf: (c: number) => string): RowFormula[] {
  const out: RowFormula[] = [];
  const depth = Math.max(0, ...amountCols.map((c) => paths[c]?.length ?? 0));
  for (let level = 0; level < depth - 1; level++) {
    // columns sharing the same group word at this level, the group word being above their own words
    const groups = new Map<string, number[]>();
    for (const c of amountCols) {
      const p = paths[c] ?? [];
      const g = p[level];
      if (!g || p.length <= level + 1) continue;
      const id = `${g.row}:${p.slice(0, level + 1).map((l) => l.text).join('/')}`;
      groups.set(id, [...(groups.get(id) ?? []), c]);
    }
    for (const cols of groups.values()) {
      const first = cols[0];
      if (first === undefined || cols.length < 2) continue;
      const own = paths[first]?.[level + 1]?.text ?? '';
      if (!TOTAL.test(own)) continue;
      // the group's other members at the next level: a column, or a sub-group represented by its own 合计 / 小计
      const members = new Map<string, number>();
      for (const c of cols.slice(1)) {
        const word = paths[c]?.[level + 1]?.text ?? '';
        if (word.startsWith('其中')) continue;
        if (!members.has(word)) members.set(word, c);
        else {
          const sub = paths[c]?.[level + 2]?.text ?? '';
          if (TOTAL.test(sub)) members.set(word, c);
        }
      }
      const parts = [...members.values()].filter((c) => (paths[c]?.length ?? 0) === level + 2 || TOTAL.test(paths[c]?.[level + 2]?.text ?? ''));
      if (parts.length > 0) out.push({ total: keyOf(first), parts: parts.map(keyOf) });
    }
  }
  return out;
}

/**
 * Tables of no known profile in a grid, outside `covered` rows: their layout
 * (columns from the header words, the code column found by its codes), title
 * and rows.
 */
export function findGenericTables(grid: Grid, covered: (r: number) => boolean): GenericTable[] {
  const out: (GenericTable & { readonly signature: string })[] = [];
  for (const run of runs(grid, covered)) {
    let headerStart = run.first;
    while (headerStart > 0 && run.first - headerStart < MAX_HEADER_ROWS && !covered(headerStart - 1) && headerRow(rowOf(grid, headerStart - 1))) headerStart--;
    if (headerStart === run.first) continue;
    let width = 0;
    for (let r = headerStart; r <= run.last; r++) width = Math.max(width, rowOf(grid, r).length);
    const paths = columnPaths(grid, headerStart, run.first, width);
    const segments = run.coding.scheme === 'function' ? 3 : 2;
    const codeCols = run.coding.split ? Array.from({ length: segments }, (_v, k) => run.coding.col + k) : [run.coding.col];
    const numericShare = (c: number) => {
      let n = 0;
      let rows = 0;
      for (let r = run.first; r <= run.last; r++) {
        const cells = rowOf(grid, r);
        if (!codingOf(cells)) continue;
        rows++;
        if (isNumeric(cells[c]) || isBlank(cells[c])) n += isNumeric(cells[c]) ? 1 : 0.5;
      }
      return rows === 0 ? 0 : n / rows;
    };
    const amountCols: number[] = [];
    let nameCol: number | undefined;
    for (let c = 0; c < width; c++) {
      if (codeCols.includes(c)) continue;
      if ((paths[c] ?? []).length === 0) continue;
      if (numericShare(c) >= 0.6) amountCols.push(c);
      else if (nameCol === undefined && c > run.coding.col) nameCol = c;
    }
    if (amountCols.length === 0) continue;
    const words = (c: number) => (paths[c] ?? []).map((l) => l.text);
    const used = new Map<string, number>();
    const keys = new Map<number, string>();
    for (const c of amountCols) {
      const w = words(c);
      let key = w[w.length - 1] ?? `第${c + 1}列`;
      if (used.has(key)) key = w.join('/');
      used.set(key, c);
      keys.set(c, key);
    }
    const keyOf = (c: number) => keys.get(c) ?? `第${c + 1}列`;
    const scheme = run.coding.scheme === 'function' ? 'function' : 'department';
    const columns: ColumnNode[] = [];
    for (let c = 0; c < width; c++) {
      const label = words(c)[words(c).length - 1] ?? '';
      const idx = codeCols.indexOf(c);
      if (idx >= 0) columns.push({ label: label || `第${c + 1}列`, leaf: { kind: 'code', scheme, level: (run.coding.split ? idx : 0) as 0 | 1 | 2 } });
      else if (c === nameCol) columns.push({ label: label || `第${c + 1}列`, leaf: { kind: 'name', scheme } });
      else if (amountCols.includes(c)) columns.push({ label, leaf: { kind: 'value', key: keyOf(c) } });
    }
    // the title: the nearest line of one cell above the header that is no unit or metadata line (单位：, 编制部门：)
    let titleRow = headerStart;
    let title = '';
    for (let r = headerStart - 1; r >= Math.max(0, headerStart - 4); r--) {
      if (covered(r)) break;
      const filled = rowOf(grid, r).filter((v) => !isBlank(v));
      if (filled.length === 0) continue;
      if (filled.length !== 1 || typeof filled[0] !== 'string') break;
      if (/^[^:：]{1,8}[:：]/u.test(filled[0].trim())) continue;
      titleRow = r;
      title = filled[0].replace(/\s+/gu, '');
      break;
    }
    const layout: TableLayout = {
      id: 'generic',
      title: title || `未命名表（第 ${headerStart + 1} 行起）`,
      titleVariants: [],
      columns,
      codes: run.coding.scheme === 'function' ? 'function' : 'economic',
      formulas: statedFormulas(paths, amountCols, keyOf),
    };
    const signature = headerSignature(grid, headerStart, run.first);
    const previous = out[out.length - 1];
    if (previous && previous.signature === signature && onlyHeaderBetween(grid, previous.end, headerStart)) {
      // the header printed again at the top of the next page: the same table goes on
      out[out.length - 1] = { ...previous, end: run.last + 1 };
      continue;
    }
    out.push({ layout, titleRow, title: layout.title, headerStart, end: run.last + 1, signature });
  }
  return out.map(({ signature: _s, ...t }) => t);
}

function headerSignature(grid: Grid, start: number, end: number): string {
  const rows: string[] = [];
  for (let r = start; r < end; r++) rows.push(rowOf(grid, r).map(text).join('|'));
  return rows.join('\n');
}

/** Rows between two pages of a table: blank lines and page furniture only. */
function onlyHeaderBetween(grid: Grid, from: number, to: number): boolean {
  for (let r = from; r < to; r++) {
    const filled = rowOf(grid, r).filter((v) => !isBlank(v));
    if (filled.length > 1) return false;
    if (filled.length === 1 && !/^(?:表[0-9一二三四五六七八九十]{1,3}|-[0-9]{1,3}-)$/u.test(text(filled[0]))) return false;
  }
  return true;
}
