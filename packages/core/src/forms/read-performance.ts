/**
 * Reading one performance table: the header block by its labels (a value is
 * the next filled cell to the right of its label), then the indicator grid,
 * where a blank 一级 or 二级 cell (a merge, or left blank) continues the run above.
 */
import type { Grid } from '../grid/grid.js';
import { parseIndicatorValue } from '../model/indicator-value.js';
import type { Indicator, PerformanceTable } from '../model/schema.js';
import { isBlank, labelText, readAmount, type CellAt } from './cells.js';
import { findHeader, type MergeIndex } from './header.js';
import { PERFORMANCE_LAYOUT } from './layouts/index.js';
import type { TableScope } from './sink.js';
import { isNoteText, normalizeLabel } from './text.js';
import type { BlockField } from './types.js';

interface BlockLabel {
  readonly keys: readonly string[];
  readonly field?: BlockField;
}

const stripColon = (s: string): string => s.replace(/:+$/u, '');

/** Every label of the block, with the field whose value follows it. */
const BLOCK_LABELS: readonly BlockLabel[] = PERFORMANCE_LAYOUT.block.flatMap((cells) =>
  cells.flatMap((cell, i): BlockLabel[] => {
    if (cell.label === undefined) return [];
    const keys = [cell.label, ...(cell.aliases ?? [])].map((l) => stripColon(normalizeLabel(l)));
    const field = cells[i + 1]?.field;
    return [field !== undefined ? { keys, field } : { keys }];
  }),
);

function blockLabel(text: string): BlockLabel | undefined {
  const key = stripColon(normalizeLabel(text));
  return BLOCK_LABELS.find((l) => l.keys.includes(key));
}

/** `项目名称：xxx` typed in one cell. */
function inlineValue(text: string): { label: BlockLabel; value: string } | undefined {
  const m = /^([^:：]{2,16})[:：](.+)$/su.exec(text.trim());
  if (!m) return undefined;
  const label = blockLabel(m[1] ?? '');
  return label?.field !== undefined ? { label, value: m[2] ?? '' } : undefined;
}

interface Found {
  readonly field: BlockField;
  readonly row: number;
  readonly cell: CellAt;
}

const FUND_KEYS = { 'funds.total': 'total', 'funds.fiscal': 'fiscal', 'funds.other': 'other' } as const;

/** The table under a title at `titleRow`, up to row `end`; undefined when it has no indicator header or no project name. */
export function readPerformance(grid: Grid, merges: MergeIndex, titleRow: number, end: number, title: string, scope: TableScope, index: number): PerformanceTable | undefined {
  const header = findHeader(grid, PERFORMANCE_LAYOUT.columns, merges, titleRow + 1, end);
  if (!header) return undefined;
  const rowAt = (r: number) => {
    const row = grid.rows[r];
    return Array.isArray(row) ? row : [];
  };

  const found = new Map<BlockField, Found>();
  for (let r = titleRow + 1; r < header.start; r++) {
    const cells = rowAt(r);
    let pending: BlockField | undefined;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c] ?? null;
      if (isBlank(v)) continue;
      const text = typeof v === 'string' ? v : '';
      const label = text.length <= 24 ? blockLabel(text) : undefined;
      if (label) {
        pending = label.field;
        continue;
      }
      const inline = text.length > 0 ? inlineValue(text) : undefined;
      if (inline && inline.label.field !== undefined && pending === undefined) {
        if (!found.has(inline.label.field)) found.set(inline.label.field, { field: inline.label.field, row: r, cell: { value: inline.value, col: c } });
        continue;
      }
      if (pending !== undefined && !found.has(pending)) found.set(pending, { field: pending, row: r, cell: { value: v, col: c } });
      pending = undefined;
    }
  }
  const projectCell = found.get('project');
  const project = labelText(projectCell?.cell.value);
  if (project === '') return undefined;

  const s = scope.withProject(project);
  const base = ['performance', index] as const;
  s.map(base, titleRow, 0, 'title');
  s.map([...base, 'title'], titleRow, 0, 'title', 'title');
  const out: PerformanceTable = { title, project, funds: {}, indicators: [] };
  for (const f of found.values()) {
    if (f.field in FUND_KEYS) {
      const key = FUND_KEYS[f.field as keyof typeof FUND_KEYS];
      const path = [...base, 'funds', key];
      s.map(path, f.row, f.cell.col, 'funds', key);
      const a = readAmount(f.cell.value);
      if (a.kind === 'amount') out.funds[key] = a.value;
      else if (a.kind === 'invalid') s.report('notANumber', { text: a.text }, f.row, f.cell.col, path, 'funds', key);
      continue;
    }
    const text = labelText(f.cell.value);
    if (text === '') continue;
    const field = f.field as 'project' | 'department' | 'implementer' | 'target';
    s.map([...base, field], f.row, f.cell.col, field, field);
    if (field !== 'project') out[field] = text;
  }

  const col = new Map([...header.columns.entries()].map(([c, l]) => [l.field, c]));
  const at = (cells: readonly unknown[], field: string): CellAt | undefined => {
    const c = col.get(field);
    return c === undefined ? undefined : { value: (cells[c] ?? null) as CellAt['value'], col: c };
  };
  let level1 = { text: '', row: header.start, col: 0 };
  let level2 = { text: '', row: header.start, col: 0 };
  const indicators: Indicator[] = [];
  for (let r = header.end; r < end; r++) {
    const cells = rowAt(r);
    if (cells.some((v) => typeof v === 'string' && isNoteText(v))) break;
    const c1 = at(cells, 'level1');
    const c2 = at(cells, 'level2');
    const c3 = at(cells, 'level3');
    const cv = at(cells, 'value');
    const v1 = labelText(c1?.value);
    const v2 = labelText(c2?.value);
    const v3 = labelText(c3?.value);
    const vv = labelText(cv?.value);
    if (v1 === '' && v2 === '' && v3 === '' && vv === '') continue;
    const sameLevel1 = v1 === '' || v1 === level1.text;
    if (v1 !== '') level1 = { text: v1, row: r, col: c1?.col ?? 0 };
    if (v2 !== '') level2 = { text: v2, row: r, col: c2?.col ?? 0 };
    else if (!sameLevel1) level2 = { text: '', row: r, col: c2?.col ?? 0 };
    if (v3 === '' && vv === '') continue;
    const j = indicators.length;
    const path = [...base, 'indicators', j];
    const rowKey = v3;
    s.map(path, r, c3?.col ?? 0, rowKey);
    s.map([...path, 'level1'], level1.row, level1.col, rowKey, 'level1');
    s.map([...path, 'level2'], level2.row, level2.col, rowKey, 'level2');
    if (c3) s.map([...path, 'level3'], r, c3.col, rowKey, 'level3');
    if (cv) s.map([...path, 'value'], r, cv.col, rowKey, 'value');
    indicators.push({ level1: level1.text, level2: level2.text, level3: v3, value: parseIndicatorValue(vv) });
  }
  out.indicators = indicators;
  return out;
}
