/**
 * Reading performance tables (项目支出绩效目标表) for the perf/* rules: level
 * names normalised to the framework of 财预〔2021〕101号, indicator locations,
 * and what an indicator value measures (money, a percentage, a count, a time).
 */
import { Amount, convert } from '../../../amount/amount.js';
import type { Location } from '../../../diagnostics/types.js';
import { INDICATOR_FRAMEWORK } from '../../../model/columns.js';
import type { Disclosure, Indicator, IndicatorValue, PerformanceTable } from '../../../model/schema.js';

export type Level1 = keyof typeof INDICATOR_FRAMEWORK;
export const LEVEL1_NAMES = Object.keys(INDICATOR_FRAMEWORK) as Level1[];

/** Every whitespace removed: line-wrap artefacts of the published text. */
export function squash(s: string | undefined): string {
  return (s ?? '').replace(/[\s\u3000]+/g, '');
}

/** A level name in framework form: no whitespace, trailing 指标, 可持续发展影响 → 可持续影响. */
export function normLevel(name: string): string {
  const s = squash(name).replace(/^可持续发展影响/, '可持续影响');
  if (s === '') return '';
  return s.endsWith('指标') ? s : `${s}指标`;
}

export function level1Of(ind: Indicator): Level1 | undefined {
  const s = normLevel(ind.level1);
  return (LEVEL1_NAMES as string[]).includes(s) ? (s as Level1) : undefined;
}

/** The 一级 a 二级 name belongs to in the framework, if any. */
export function parentOfLevel2(level2: string): Level1 | undefined {
  const s = normLevel(level2);
  return LEVEL1_NAMES.find((l1) => (INDICATOR_FRAMEWORK[l1] as readonly string[]).includes(s));
}

/** The indicator's 一级 and 二级 when both are known and fit the framework. */
export function placement(ind: Indicator): { level1: Level1; level2: string } | undefined {
  const l1 = level1Of(ind);
  if (!l1) return undefined;
  const l2 = normLevel(ind.level2);
  return (INDICATOR_FRAMEWORK[l1] as readonly string[]).includes(l2) ? { level1: l1, level2: l2 } : undefined;
}

export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'value';

/** Where an indicator cell is: P table of the project, row = 三级 name, column = the cell. */
export function indicatorLocation(t: number, table: PerformanceTable, j: number, column: IndicatorColumn): Location {
  const ind = table.indicators[j];
  const path = ['performance', t, 'indicators', j, column];
  return { form: 'P', project: table.project, rowKey: squash(ind?.level3), columnKey: column, path };
}

/** A field of the table header (target, funds). */
export function tableLocation(t: number, table: PerformanceTable, field: 'target' | 'funds.total' | 'indicators'): Location {
  if (field === 'funds.total') return { form: 'P', project: table.project, rowKey: 'funds', columnKey: 'total', path: ['performance', t, 'funds', 'total'] };
  return { form: 'P', project: table.project, rowKey: field, columnKey: field, path: ['performance', t, field] };
}

/** `一级 › 二级` as published (without layout whitespace), for messages. */
export function levels(ind: Indicator): string {
  return `${squash(ind.level1) || '（空）'} › ${squash(ind.level2) || '（空）'}`;
}

export function valueText(v: IndicatorValue): string {
  return squash(v.text);
}

function unitOf(v: IndicatorValue): string | undefined {
  return v.kind === 'quantity' ? squash(v.unit).replace(/％/g, '%') : undefined;
}

export function isPercent(v: IndicatorValue): boolean {
  const u = unitOf(v);
  return u !== undefined && u.startsWith('%');
}

/** Any money unit: 万元, 元, 元/人.月 … (not 单元). */
export function isMoney(v: IndicatorValue): boolean {
  return /^(亿|万|千)?元/.test(unitOf(v) ?? '');
}

/** An absolute amount in 万元 (`≤ 50 万元`, `≤ 8000 元`); per-unit rates (元/人) are not amounts. */
export function amountInWan(v: IndicatorValue): Amount | undefined {
  if (v.kind !== 'quantity') return undefined;
  const u = unitOf(v);
  if (u !== '万元' && u !== '元') return undefined;
  const r = Amount.parse(v.number);
  if (r.kind !== 'amount') return undefined;
  return u === '元' ? convert(r.amount, '元', '万元') : r.amount;
}

// '' stands for a bare 个 once the leading 个 is stripped.
const COUNT_UNITS = new Set(['', '人', '人次', '名', '位', '家', '项', '次', '户', '户次', '件', '台', '套', '所', '座', '辆', '场', '场次', '期', '批', '批次', '篇', '本', '份', '处', '条', '张', '册', '门', '班', '季度']);
const COUNT_NAME = /(人数|人次|次数|户数|个数|件数|家数|项数|场次|批次|季度数|月数|天数|数量)$/;

/** A count: a counting unit (人, 家, 个季度 …) or a name that says so (…人数, …数量). */
export function isCount(ind: Indicator): boolean {
  const v = ind.value;
  if (v.kind !== 'quantity' || isPercent(v) || isMoney(v)) return false;
  const raw = unitOf(v) ?? '';
  if (raw !== '' && COUNT_UNITS.has(raw.replace(/^个/, ''))) return true;
  return COUNT_NAME.test(squash(ind.level3));
}

/** A rate: a percentage, or a name ending in 率 / 比例 / 占比. */
export function isRate(ind: Indicator): boolean {
  return isPercent(ind.value) || /(率|比例|比率|占比)$/.test(squash(ind.level3));
}

const TIME_WORDS = /及时|按时|准时|限时|时限|时间|期限|时效|周期|进度|工作日|天内|日内|小时|截止|完成时|月底|年底|年内|季度|预算执行率/;
const TIME_UNITS = /^个?(工作日|天|日|小时|分钟|周|月|年|季度)(内|以内)?$/;
const TIME_VALUE_WORDS = /及时|按时|准时|如期|前|以内|内完成/;

/** A time indicator: its name or value speaks of time, deadlines or progress. */
export function isTime(ind: Indicator): boolean {
  if (TIME_WORDS.test(squash(ind.level3))) return true;
  const v = ind.value;
  if (v.kind === 'quantity') return TIME_UNITS.test(unitOf(v) ?? '');
  return TIME_VALUE_WORDS.test(squash(v.text));
}

/** A satisfaction measure by name: …满意度, …满意率, …满意程度; not a survey count (满意度调查次数). */
export function isSatisfactionName(name: string): boolean {
  return /满意(度|率|程度)(?!调查|测评)/.test(squash(name));
}

/** Calls `fn` for every indicator of every P table. */
export function eachIndicator(model: Disclosure, fn: (table: PerformanceTable, t: number, ind: Indicator, j: number) => void): void {
  model.performance.forEach((table, t) => table.indicators.forEach((ind, j) => fn(table, t, ind, j)));
}
