import { Amount, type Disclosure } from '@yusuan/core';
import { t, type Lang } from '../i18n.js';
import { renderTable } from '../table.js';

function fmt(v: string | undefined, lang: Lang): string {
  return v === undefined ? t(lang, 'notStated') : Amount.of(v).format();
}

/** A human summary of a disclosure model: unit, year, totals, projects, performance tables. */
export function summarize(model: Disclosure, lang: Lang): string {
  const { forms } = model;
  const t01 = (side: 'income' | 'expense', key: string) => forms.T01?.[side].find((r) => r.key === key)?.values.amount;
  const present = Object.values(forms).filter((f) => f !== undefined).length;
  const empty = Object.values(forms).filter((f) => f?.note !== undefined).length;
  const lines: string[] = [];
  lines.push(t(lang, 'summaryTitle', { name: model.unit.name, year: model.unit.year }));
  lines.push(t(lang, 'summaryUnitKind', { kind: model.unit.kind ?? '—', unit: model.document.amountUnit }));
  lines.push('');
  const totals: [string, string][] = [
    [t(lang, 'summaryIncome'), fmt(t01('income', 'grandTotal'), lang)],
    [`  ${t(lang, 'summaryGpb')}`, fmt(t01('income', 'gpb'), lang)],
    [t(lang, 'summaryExpense'), fmt(t01('expense', 'grandTotal'), lang)],
    [`  ${t(lang, 'summaryBasic')}`, fmt(forms.T03?.total?.values.basic ?? (forms.T03 ? '0' : undefined), lang)],
    [`  ${t(lang, 'summaryProject')}`, fmt(forms.T03?.total?.values.project, lang)],
    [t(lang, 'summaryProcurement'), fmt(forms.T12?.total?.values.total, lang)],
  ];
  lines.push(renderTable(['', model.document.amountUnit], totals, ['left', 'right']));
  lines.push('');
  lines.push(t(lang, 'summaryForms', { present, empty }));
  lines.push('');
  const projects = forms.T11?.rows ?? [];
  lines.push(t(lang, 'summaryProjects', { count: projects.length }));
  const perf = new Map(model.performance.map((p) => [p.project, p.indicators.length]));
  lines.push(
    renderTable(
      [t(lang, 'colProject'), t(lang, 'colType'), t(lang, 'colTotal'), t(lang, 'colIndicators')],
      projects.map((p) => [p.name, p.type ?? '', fmt(p.values.total, lang), String(perf.get(p.name) ?? '—')]),
      ['left', 'left', 'right', 'right'],
    ),
  );
  lines.push('');
  lines.push(
    t(lang, 'summaryPerformance', {
      tables: model.performance.length,
      indicators: model.performance.reduce((n, p) => n + p.indicators.length, 0),
    }),
  );
  return lines.join('\n');
}
