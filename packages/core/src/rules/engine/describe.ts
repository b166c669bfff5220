import type { Location } from '../../diagnostics/types.js';
import {
  classRowLabel,
  COLUMN_LABELS,
  COLUMN_LABELS_EN,
  FORM_IDS,
  formLabel,
  FUNCTION_CLASSES,
  T01_EXPENSE_ROWS,
  T01_INCOME_ROWS,
  T04_INCOME_ROWS,
  type ColumnKey,
  type FormId,
  NARRATIVE_FIGURES,
  OTHER_FUNCTION_CLASSES,
  PROFILE_OVERVIEW_ROWS,
  type FunctionClassCode,
} from '../../model/columns.js';

type Lang = 'zh-CN' | 'en';

/** Row keys of the overview forms are side-qualified: `income.gpb`, `expense.208`. */
function rowLabel(form: string | undefined, rowKey: string): string {
  const [side, key] = rowKey.includes('.') ? (rowKey.split('.', 2) as [string, string]) : ['', rowKey];
  const profileRows = PROFILE_OVERVIEW_ROWS[form === 'T04' ? 'T04' : 'T01'];
  if (side === 'income') {
    const table: Record<string, string> = form === 'T04' ? T04_INCOME_ROWS : T01_INCOME_ROWS;
    return table[key] ?? (profileRows.income as Record<string, string>)[key] ?? key;
  }
  if (side === 'expense') {
    if (FUNCTION_CLASSES.some(([c]) => c === key)) return classRowLabel(key as FunctionClassCode);
    const other = OTHER_FUNCTION_CLASSES.find(([c]) => c === key);
    if (other) return other[1];
    return (T01_EXPENSE_ROWS as Record<string, string>)[key] ?? (profileRows.expense as Record<string, string>)[key] ?? key;
  }
  return key === 'total' ? '合计' : key;
}

const PERF_COLUMNS: Record<string, [string, string]> = {
  level1: ['一级指标', 'level 1'],
  level2: ['二级指标', 'level 2'],
  level3: ['三级指标', 'level 3'],
  value: ['指标值', 'value'],
  target: ['年度总体绩效目标', 'annual target'],
  total: ['年度预算资金总额', 'total funds'],
};

export interface DescribeOptions {
  /** 表三 instead of 表三 支出总体情况表, and no column. */
  readonly short?: boolean;
}

/** The logical location in words: 表三 支出总体情况表 › 2080107 › 项目支出. */
export function describeLocation(loc: Location, lang: Lang = 'zh-CN', opts: DescribeOptions = {}): string {
  const parts: string[] = [];
  const zh = lang === 'zh-CN';
  if (loc.table !== undefined && !loc.form) parts.push(loc.table);
  if (loc.form) {
    if ((FORM_IDS as readonly string[]).includes(loc.form)) {
      const full = formLabel(loc.form as FormId);
      parts.push(zh ? (opts.short ? (full.split(' ')[0] ?? full) : full) : `form ${loc.form}`);
    } else if (loc.form === 'P') parts.push(zh ? `绩效目标表${loc.project ? `（${loc.project}）` : ''}` : `performance table${loc.project ? ` (${loc.project})` : ''}`);
    else parts.push(zh ? '说明' : 'narrative');
  }
  if (opts.short) {
    if (loc.form === 'N' && loc.rowKey !== undefined) parts.push(zh ? ((NARRATIVE_FIGURES as Record<string, string>)[loc.rowKey] ?? loc.rowKey) : loc.rowKey);
    else if (loc.form === 'P') {
      if (loc.rowKey !== undefined && loc.rowKey !== 'funds' && loc.rowKey !== 'target') parts.push(loc.rowKey);
    } else if (loc.rowKey !== undefined) parts.push(zh ? rowLabel(loc.form, loc.rowKey) : loc.rowKey);
    return parts.join(' › ');
  }
  if (loc.form === 'N' && loc.rowKey !== undefined) {
    const label = (NARRATIVE_FIGURES as Record<string, string>)[loc.rowKey];
    parts.push(zh && label ? label : loc.rowKey);
    return parts.join(' › ');
  }
  if (loc.form === 'P' && loc.rowKey === 'funds') {
    const funds: Record<string, [string, string]> = { total: ['年度预算资金总额', 'total funds'], fiscal: ['财政拨款', 'fiscal appropriation'], other: ['其他资金', 'other funds'] };
    const f = funds[loc.columnKey ?? ''];
    parts.push(zh ? '项目资金' : 'project funds');
    if (f) parts.push(zh ? f[0] : f[1]);
    return parts.join(' › ');
  }
  if (loc.form === 'P') {
    if (loc.rowKey !== undefined && loc.rowKey !== 'target') parts.push(loc.rowKey);
    const c = PERF_COLUMNS[loc.columnKey ?? ''];
    if (c) parts.push(zh ? c[0] : c[1]);
    return parts.join(' › ');
  }
  if (loc.rowKey !== undefined) parts.push(zh ? rowLabel(loc.form, loc.rowKey) : loc.rowKey);
  if (loc.columnKey !== undefined) {
    const c = loc.columnKey as ColumnKey;
    parts.push(c in COLUMN_LABELS ? (zh ? COLUMN_LABELS[c] : COLUMN_LABELS_EN[c]) : loc.columnKey);
  }
  return parts.join(' › ');
}
