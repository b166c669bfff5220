/**
 * Findings as the pane lists them: grouped by form (表一 … 表十二, 绩效目标表,
 * 说明, then findings about the workbook as a whole), within a form by severity,
 * with counts; filtered by severity. Pure functions of core's diagnostics.
 */
import { describeLocation, FORM_IDS, formLabel, renderMessage, type Diagnostic, type FormRef, type Severity } from '@yusuan/core';
import { t, type Lang, type MessageKey } from './i18n.js';

export type SeverityFilter = 'all' | 'error' | 'warning';

export const SEVERITY_FILTERS: readonly SeverityFilter[] = ['all', 'error', 'warning'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A group key: a form, P (performance tables), N (narrative) or `other` (no form). */
export type GroupKey = FormRef | 'other';

const GROUP_ORDER: readonly GroupKey[] = [...FORM_IDS, 'P', 'N', 'other'];

export interface FindingView {
  readonly diagnostic: Diagnostic;
  /** Index into the result's diagnostics (stable id for the DOM). */
  readonly index: number;
  readonly message: string;
  /** Logical place in words (表三 › 2080107 › 项目支出), without the form where it is the group. */
  readonly place: string;
  /** `sheet!cell` where the finding has a cell. */
  readonly cellRef?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly FindingView[];
}

export interface FormGroup {
  readonly key: GroupKey;
  readonly label: string;
  readonly count: number;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly bySeverity: readonly SeverityGroup[];
}

export function groupKeyOf(d: Diagnostic): GroupKey {
  return d.location.form ?? 'other';
}

export function groupLabel(key: GroupKey, lang: Lang): string {
  if (key === 'other') return t(lang, 'groupOther');
  if (key === 'P') return lang === 'en' ? 'Performance tables' : '绩效目标表';
  if (key === 'N') return lang === 'en' ? 'Narrative' : '说明';
  return lang === 'en' ? `Form ${Number(key.slice(1))}` : formLabel(key);
}

const SEVERITY_KEYS: Readonly<Record<Severity, MessageKey>> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };

export function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, SEVERITY_KEYS[severity]);
}

export function matchesFilter(d: Diagnostic, filter: SeverityFilter): boolean {
  return filter === 'all' || d.severity === filter;
}

/** The cell a finding can be selected at (a sheet and an A1 cell), if any. */
export function cellOf(d: Diagnostic): { sheet: string; cell: string } | undefined {
  const { sheet, cell } = d.location;
  return sheet !== undefined && cell !== undefined ? { sheet, cell } : undefined;
}

/** `'表1 收支总体情况表'!D25`-style reference, quoted as Excel does where the name needs it. */
export function cellRef(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function placeOf(d: Diagnostic, lang: Lang): string {
  const full = describeLocation(d.location, lang, { short: true });
  // The form is the group heading: keep what follows it.
  const parts = full.split(' › ');
  const rest = d.location.form !== undefined && d.location.form !== 'P' ? parts.slice(1) : parts;
  if (d.location.form === 'P' && d.location.project !== undefined) return [d.location.project, ...parts.slice(1)].join(' › ');
  if (rest.length === 0 && d.location.line !== undefined) return lang === 'en' ? `line ${d.location.line}` : `第 ${d.location.line} 行`;
  return rest.join(' › ');
}

export function findingView(d: Diagnostic, index: number, lang: Lang): FindingView {
  const at = cellOf(d);
  return {
    diagnostic: d,
    index,
    message: renderMessage(d, lang),
    place: placeOf(d, lang),
    ...(at ? { sheet: at.sheet, cell: at.cell, cellRef: cellRef(at.sheet, at.cell) } : {}),
  };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** The findings of a result, filtered, grouped by form in form order, then by severity (errors first). */
export function groupFindings(diagnostics: readonly Diagnostic[], filter: SeverityFilter, lang: Lang): FormGroup[] {
  const byForm = new Map<GroupKey, FindingView[]>();
  diagnostics.forEach((d, i) => {
    if (!matchesFilter(d, filter)) return;
    const key = groupKeyOf(d);
    const list = byForm.get(key) ?? [];
    list.push(findingView(d, i, lang));
    byForm.set(key, list);
  });
  const groups: FormGroup[] = [];
  for (const key of GROUP_ORDER) {
    const list = byForm.get(key);
    if (!list) continue;
    const bySeverity = SEVERITIES.map((severity) => ({ severity, findings: list.filter((f) => f.diagnostic.severity === severity) })).filter((g) => g.findings.length > 0);
    groups.push({ key, label: groupLabel(key, lang), count: list.length, counts: countBySeverity(list.map((f) => f.diagnostic)), bySeverity });
  }
  return groups;
}
