import type { Location } from '../../diagnostics/types.js';
import { defineRule } from '../engine/types.js';
import { amountCells, isZeroText, whereData, type AmountCell } from './_shared.js';

/**
 * "The same kind of cell" is one printed column of one form: the cells of
 * T01's expense 预算数, of T03's 项目支出, of T07's budget-year 合计, or of
 * the 其他资金 of all performance tables. Within such a column every zero
 * must look the same: all blank or all written out (`0.00`). The minority
 * style is reported (a tie: the written-out zeros, blank being the usual style).
 */
function columns(cells: readonly AmountCell[]): Map<string, AmountCell[]> {
  const out = new Map<string, AmountCell[]>();
  for (const c of cells) {
    const k = `${c.form}:${c.column}`;
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

export default defineRule({
  id: 'amount/zero-style',
  family: 'amount',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '同一列中零值的显示方式不一致（有的空白，有的为 0.00）', en: 'Zero is shown inconsistently within a column (blank here, 0.00 there)' },
    source: '参考文件的做法：零值单元格留空；同一列中空白与 0.00 混用会让读者误以为两者含义不同',
    referenceOnly: true,
  },
  messages: {
    explicitZero: { 'zh-CN': '{where} 显示为 {value}，而同列其他 {count} 个零值为空白', en: '{whereEn} shows {value} while {count} other zeros of the column are blank' },
    blankZero: { 'zh-CN': '{where} 为空白，而同列其他 {count} 个零值显示为 0.00', en: '{whereEn} is blank while {count} other zeros of the column show 0.00' },
  },
  check(ctx) {
    for (const cells of columns(amountCells(ctx.model)).values()) {
      const blank = cells.filter((c) => c.value === undefined);
      const written = cells.filter((c) => c.value !== undefined && isZeroText(c.value));
      if (blank.length === 0 || written.length === 0) continue;
      const reportWritten = written.length <= blank.length;
      const minority = reportWritten ? written : blank;
      const majority = reportWritten ? blank : written;
      const related: Location[] = majority.slice(0, 3).map((c) => c.ref.location);
      for (const c of minority) {
        const data = { ...whereData(c.ref.location), count: majority.length, value: c.value ?? '' };
        ctx.report({ messageId: reportWritten ? 'explicitZero' : 'blankZero', data, location: c.ref.location, ...(c.value !== undefined ? { actual: c.value } : {}), related });
      }
    }
  },
});
