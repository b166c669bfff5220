/**
 * Where the tables of a text are, and the grids the forms parser reads them
 * from. A table zone is a run of lines that can belong to a table (rows,
 * titles, unit lines, notes, blank and short lines); part headings, section
 * headings, prose and the table of contents end it, so the last table of 第二部分
 * stops at 第三部分 and a performance table stops at the next heading.
 *
 * Each zone becomes one grid (its line i is the grid's row i), named by its
 * first line, so a cell the parser reads maps back to its line. The rows of
 * performance tables are repaired on the way: the extraction flattens merged
 * cells, and a continuation row can lose its blank cells (see repairIndicators).
 */
import type { CellValue, Grid } from '../grid/grid.js';
import { INDICATOR_FRAMEWORK } from '../model/columns.js';
import { normalizeLabel } from '../forms/text.js';
import type { LineKind, TextLine } from './lines.js';

export interface Zone {
  /** Index (0-based) of the zone's first line. */
  readonly start: number;
  /** Index after its last line. */
  readonly end: number;
}

const IN_ZONE: ReadonlySet<LineKind> = new Set(['blank', 'row', 'title', 'note', 'unit', 'short']);

/** Zones that hold at least one title (a zone without one holds no table the parser could name). */
export function tableZones(lines: readonly TextLine[]): Zone[] {
  const zones: Zone[] = [];
  let start = -1;
  let titled = false;
  const close = (end: number) => {
    if (start >= 0 && titled) zones.push({ start, end });
    start = -1;
    titled = false;
  };
  lines.forEach((l, i) => {
    if (!IN_ZONE.has(l.kind)) {
      close(i);
      return;
    }
    if (start < 0) start = i;
    if (l.kind === 'title') titled = true;
  });
  close(lines.length);
  return zones;
}

/** The lines of a zone that are part of a table: from its first title on. */
export function tableLineSet(lines: readonly TextLine[], zones: readonly Zone[]): Set<number> {
  const set = new Set<number>();
  for (const z of zones) {
    let inTable = false;
    for (let i = z.start; i < z.end; i++) {
      if (lines[i]?.kind === 'title') inTable = true;
      if (inTable) set.add(i);
    }
  }
  return set;
}

function cellsOf(l: TextLine): CellValue[] {
  if (l.kind === 'blank') return [];
  if (l.kind !== 'row') return [l.text];
  return l.raw.split('\t').map((c) => (c.trim() === '' ? null : c));
}

/** The name of a zone's grid: the text sheet and the zone's first line. */
export function zoneSheetName(base: string, zone: Zone): string {
  return `${base}:${zone.start + 1}`;
}

/** One grid per zone, performance rows repaired. */
export function zoneGrids(lines: readonly TextLine[], zones: readonly Zone[], base: string): Grid[] {
  return zones.map((z) => {
    const rows = lines.slice(z.start, z.end).map(cellsOf);
    repairIndicators(rows);
    return { name: zoneSheetName(base, z), rows };
  });
}

// ---------------------------------------------------------------------------
// Performance tables

const LEVEL1 = Object.keys(INDICATOR_FRAMEWORK) as (keyof typeof INDICATOR_FRAMEWORK)[];

/** A level name in framework form: no spaces, with its trailing 指标, 可持续发展影响 read as 可持续影响. */
function frameworkName(text: string): string {
  const s = normalizeLabel(text).replace(/^可持续发展影响/u, '可持续影响');
  return s === '' || s.endsWith('指标') ? s : `${s}指标`;
}

function level1Name(text: string): string | undefined {
  const s = frameworkName(text);
  return (LEVEL1 as string[]).includes(s) ? s : undefined;
}

/** The 一级 a 二级 name belongs to. */
function ownerOf(level2: string): string | undefined {
  const s = frameworkName(level2);
  return LEVEL1.find((l1) => (INDICATOR_FRAMEWORK[l1] as readonly string[]).includes(s));
}

interface IndicatorColumns {
  readonly level1: number;
  readonly level2: number;
  readonly level3: number;
  readonly value: number;
}

const HEADER_WORDS = { level1: '一级指标', level2: '二级指标', level3: '三级指标', value: '指标值' } as const;

function headerColumns(cells: readonly CellValue[]): IndicatorColumns | undefined {
  const found: Partial<Record<keyof IndicatorColumns, number>> = {};
  cells.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const t = normalizeLabel(v);
    for (const [k, w] of Object.entries(HEADER_WORDS) as [keyof IndicatorColumns, string][]) if (t === w && found[k] === undefined) found[k] = c;
  });
  const { level1, level2, level3, value } = found;
  if (level1 === undefined || level2 === undefined || level3 === undefined || value === undefined) return undefined;
  return level1 < level2 && level2 < level3 && level3 < value ? { level1, level2, level3, value } : undefined;
}

/** An indicator value is short (≥90%, ≤131.55 万元, 及时); a longer last cell is a name, not a value. */
const MAX_VALUE = 30;

const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/**
 * Rows of an indicator grid as the extraction leaves them, put back in their
 * columns:
 * - a continuation row whose merged 一级/二级 cells were flattened away keeps
 *   only its 三级 name and value, shifted left into the 一级 or 绩效指标 column
 *   (`养老保障（先创区）补贴 核定及时率 | | =100%`): its filled cells are
 *   right-aligned into …二级, 三级, 指标值;
 * - a 二级 name in the 一级 column (`| 时效指标 | | 机关养老保险…核定及时性 | 及时`)
 *   moves to the 二级 column, with the 一级 it belongs to when that is not
 *   the one running.
 * A grid runs from its header row (一级指标 二级指标 三级指标 指标值) to the
 * next row that is not an indicator row (a title, a note, another header).
 */
export function repairIndicators(rows: CellValue[][]): void {
  let cols: IndicatorColumns | undefined;
  let level1: string | undefined;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const header = headerColumns(cells);
    if (header) {
      cols = header;
      level1 = undefined;
      continue;
    }
    if (!cols) continue;
    if (cells.length === 1) {
      // a line without tabs (a title, a note): the grid ends
      cols = undefined;
      continue;
    }
    const nonEmpty = cells.flatMap((v, c) => (filled(v) ? [c] : []));
    if (nonEmpty.length === 0) continue;
    const order = [cols.level1, cols.level2, cols.level3, cols.value];
    const first = cells[nonEmpty[0] ?? 0];
    const last = nonEmpty[nonEmpty.length - 1] ?? 0;
    const shifted =
      !filled(cells[cols.value]) &&
      last < cols.value &&
      nonEmpty.length >= 2 &&
      nonEmpty.length <= 4 &&
      (nonEmpty[0] ?? 0) < cols.level3 &&
      typeof first === 'string' &&
      level1Name(first) === undefined &&
      ownerOf(first) === undefined &&
      String(cells[last] ?? '').trim().length <= MAX_VALUE;
    if (shifted) {
      const moved = nonEmpty.map((c) => cells[c] ?? null);
      const target = order.slice(order.length - moved.length);
      const next: CellValue[] = new Array<CellValue>(Math.max(cells.length, cols.value + 1)).fill(null);
      moved.forEach((v, k) => {
        const c = target[k];
        if (c !== undefined) next[c] = v;
      });
      rows[r] = next;
    }
    const row = rows[r] ?? [];
    const v1 = row[cols.level1];
    if (typeof v1 === 'string' && v1.trim() !== '') {
      const l1 = level1Name(v1);
      if (l1) {
        level1 = l1;
      } else if (!filled(row[cols.level2])) {
        const owner = ownerOf(v1);
        if (owner) {
          row[cols.level2] = v1;
          row[cols.level1] = owner === level1 ? null : owner;
          level1 = owner;
        }
      }
    }
  }
}
