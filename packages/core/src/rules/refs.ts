/**
 * Cell references into the model: each figure's path and its semantic location
 * (form, row key, column key). Rules build their checks from these, so every
 * finding points at the figure a user can find in the table.
 */
import type { FormRef } from '../diagnostics/types.js';
import type { ColumnKey, FormId } from '../model/columns.js';
import type { Disclosure } from '../model/schema.js';
import type { CellRef } from './engine/types.js';

export type CodedFormId = 'T02' | 'T03' | 'T05' | 'T08' | 'T09' | 'T12';
export type EconomicFormId = 'T06' | 'T10';
export const CODED_FORMS: readonly CodedFormId[] = ['T02', 'T03', 'T05', 'T08', 'T09', 'T12'];
export const ECONOMIC_FORMS: readonly EconomicFormId[] = ['T06', 'T10'];

function ref(path: (string | number)[], form: FormRef, rowKey: string, columnKey: string, project?: string): CellRef {
  return { path, location: { form, rowKey, columnKey, path, ...(project !== undefined ? { project } : {}) } };
}

/** The 合计 row of a coded, economic or project form. */
export function totalRef(form: FormId, column: ColumnKey): CellRef {
  return ref(['forms', form, 'total', 'values', column], form, 'total', column);
}

/** A row of a coded form (T02, T03, T05, T08, T09, T12), by index; the row key is the subject code. */
export function codedRef(form: CodedFormId, index: number, code: string, column: ColumnKey): CellRef {
  return ref(['forms', form, 'rows', index, 'values', column], form, code, column);
}

export function economicRowKey(row: { department: { code: string }; government?: { code: string } | undefined }): string {
  return row.government ? `${row.department.code}/${row.government.code}` : row.department.code;
}

export function economicRef(form: EconomicFormId, index: number, rowKey: string, column: ColumnKey): CellRef {
  return ref(['forms', form, 'rows', index, 'values', column], form, rowKey, column);
}

export function projectRef(index: number, name: string, column: ColumnKey): CellRef {
  return ref(['forms', 'T11', 'rows', index, 'values', column], 'T11', name, column);
}

/** A row of T01/T04; the row key is side-qualified (`income.gpb`, `expense.208`). */
export function overviewRef(form: 'T01' | 'T04', side: 'income' | 'expense', index: number, key: string, column: ColumnKey): CellRef {
  return ref(['forms', form, side, index, 'values', column], form, `${side}.${key}`, column);
}

export function threePublicRef(year: 'previous' | 'current', column: ColumnKey): CellRef {
  return ref(['forms', 'T07', year, column], 'T07', year, column);
}

export function performanceFundsRef(index: number, project: string, column: 'total' | 'fiscal' | 'other'): CellRef {
  return ref(['performance', index, 'funds', column], 'P', 'funds', column, project);
}

export function narrativeRef(index: number, key: string): CellRef {
  return ref(['narrative', 'figures', index, 'value'], 'N', key, 'value');
}

/** Finds an overview row by key, with its index. */
export function overviewRow(model: Disclosure, form: 'T01' | 'T04', side: 'income' | 'expense', key: string) {
  const rows = model.forms[form]?.[side] ?? [];
  const index = rows.findIndex((r) => r.key === key);
  return index < 0 ? undefined : { index, row: rows[index] };
}

/** A reference to an overview row's cell, or to where the row would be (blank) when the form lacks it. */
export function overviewCell(model: Disclosure, form: 'T01' | 'T04', side: 'income' | 'expense', key: string, column: ColumnKey): CellRef {
  const hit = overviewRow(model, form, side, key);
  return hit ? overviewRef(form, side, hit.index, key, column) : ref(['forms', form, side, `#${key}`, 'values', column], form, `${side}.${key}`, column);
}

/** A coded form's row by code, or a blank reference where the form has no such row. */
export function codedCell(model: Disclosure, form: CodedFormId, code: string, column: ColumnKey): CellRef {
  const rows = model.forms[form]?.rows ?? [];
  const index = rows.findIndex((r) => r.code === code);
  return index >= 0 ? codedRef(form, index, code, column) : ref(['forms', form, 'rows', `#${code}`, 'values', column], form, code, column);
}

/**
 * A form's total in one column: its 合计 row, or — where the form publishes no 合计
 * row — the sum of its top-level rows (类 rows; all rows of T11).
 */
export function formTotal(model: Disclosure, form: CodedFormId | EconomicFormId | 'T11', column: ColumnKey): CellRef[] {
  const table = model.forms[form];
  if (!table) return [];
  if (table.total) return [totalRef(form, column)];
  if (form === 'T11') return (model.forms.T11?.rows ?? []).map((r, i) => projectRef(i, r.name, column));
  if (form === 'T06' || form === 'T10') {
    const rows = model.forms[form]?.rows ?? [];
    const top = rows.some((r) => r.department.code.length === 3) ? 3 : 5;
    return rows.flatMap((r, i) => (r.department.code.length === top ? [economicRef(form, i, economicRowKey(r), column)] : []));
  }
  const rows = model.forms[form]?.rows ?? [];
  return rows.flatMap((r, i) => (r.code.length === 3 ? [codedRef(form, i, r.code, column)] : []));
}

/** A figure of a table beyond the standard forms. */
export function tableRef(model: Disclosure, index: number, row: number | 'total', column: string): CellRef {
  const table = model.tables?.[index];
  const r = row === 'total' ? undefined : table?.rows[row];
  const rowKey = row === 'total' ? 'total' : r?.code !== undefined ? (r.government !== undefined ? `${r.code}/${r.government}` : r.code) : (r?.name ?? String(row));
  const path = row === 'total' ? ['tables', index, 'total', 'values', column] : ['tables', index, 'rows', row, 'values', column];
  return { path, location: { table: table?.title ?? '', rowKey, columnKey: column, path } };
}
