/** Building blocks of profile layouts: the same column nodes as the reference's, plus table columns and fixed rows. */
import { amount, group } from '../forms/layouts/common.js';
import type { Body, ColumnNode, FixedRow, RowFormula, Side } from '../forms/types.js';
import { FUNCTION_CLASSES, OTHER_FUNCTION_CLASSES, type ColumnKey } from '../model/columns.js';

export { amount, group };

/** An amount column of a standard form on one side (T01/T04 income | expense, T07 previous | current). */
export function sided(label: string, column: ColumnKey, side: Side, aliases: readonly string[] = []): ColumnNode {
  return amount(label, column, { aliases }, side);
}

/** An amount column of a profile's own table, under its key. */
export function value(label: string, key: string, aliases: readonly string[] = []): ColumnNode {
  return { label, aliases, leaf: { kind: 'value', key }, width: 14 };
}

/** A column read past: 序号, 备注, 项目简介 (silently), or figures the model does not hold (with the reason, reported once). */
export function skip(label: string, aliases: readonly string[] = [], reason?: string): ColumnNode {
  return { label, aliases, leaf: reason === undefined ? { kind: 'skip' } : { kind: 'skip', reason }, width: 8 };
}

/** A subject code given whole in one column (`2080505`, `30101`). */
export function wholeCode(scheme: 'function' | 'department' | 'government', label: string, aliases: readonly string[] = []): ColumnNode {
  return { label, aliases, leaf: { kind: 'code', scheme, level: 0 }, width: 10 };
}

/** A code split over 类 | 款 | 项 columns under one group label (which may be missing). */
export function splitCode(scheme: 'function' | 'department' | 'government', levels: 2 | 3, label: string, aliases: readonly string[] = []): ColumnNode {
  const words = ['类', '款', '项'] as const;
  return {
    label,
    aliases,
    children: words.slice(0, levels).map((w, level): ColumnNode => ({ label: w, leaf: { kind: 'code', scheme, level: level as 0 | 1 | 2 }, width: 6 })),
  };
}

export function name(scheme: 'function' | 'department' | 'government' | 'unit', label: string, aliases: readonly string[] = []): ColumnNode {
  return { label, aliases, leaf: { kind: 'name', scheme }, width: 34 };
}

/** The code of a 预算单位 (`241`, `241001`). */
export function unitCode(label: string, aliases: readonly string[] = []): ColumnNode {
  return { label, aliases, leaf: { kind: 'code', scheme: 'unit', level: 0 }, width: 10 };
}

/** A label column of T01/T04. */
export function label(side: 'income' | 'expense', text: string, aliases: readonly string[] = []): ColumnNode {
  return { label: text, aliases, leaf: { kind: 'label', side }, width: 30 };
}

export function row(key: string, text: string, aliases: readonly string[] = []): FixedRow {
  return { key, label: text, aliases };
}

/** The function classes as rows of an overview form, recognised by their names whatever the numbering. */
export const CLASS_ROWS: readonly FixedRow[] = [...FUNCTION_CLASSES, ...OTHER_FUNCTION_CLASSES].map(([code, text]) => ({ key: code, label: text }));

export const CLASS_KEYS: readonly string[] = CLASS_ROWS.map((r) => r.key);

/** A paired body from the two sides' rows (pairing only matters when writing a form). */
export function paired(income: readonly FixedRow[], expense: readonly FixedRow[]): Body {
  const pairs: (readonly [FixedRow | null, FixedRow | null])[] = [];
  for (let i = 0; i < Math.max(income.length, expense.length); i++) pairs.push([income[i] ?? null, expense[i] ?? null]);
  return { kind: 'paired', pairs };
}

/** A subjects body (类/款/项 under a 合计 row). */
export function subjects(widths: readonly number[] = [3, 2, 2]): Body {
  return { kind: 'subjects', scheme: 'function', codeWidths: widths, rows: ['total', 'class', 'item', 'subitem'], total: { label: '合计', at: { kind: 'name', scheme: 'function' } } };
}

export function economic(): Body {
  return { kind: 'economic', codeWidths: [3, 2], rows: ['total', 'class', 'item'], total: { label: '合计', at: { kind: 'name', scheme: 'department' } } };
}

/** `total` = Σ `parts`. */
export function sum(total: string, ...parts: string[]): RowFormula {
  return { total, parts };
}
