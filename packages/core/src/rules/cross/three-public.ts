import { Amount } from '../../amount/amount.js';
import { COLUMN_LABELS, type ColumnKey } from '../../model/columns.js';
import { canonicalAmount } from '../../model/schema.js';
import { defineRule } from '../engine/types.js';
import { economicRef, economicRowKey, threePublicRef, totalRef } from '../refs.js';

/** Economic 款 codes of T06 that are 三公 spending, and the T07 item they fall under. */
const THREE_PUBLIC_CODES: readonly (readonly [string, ColumnKey])[] = [
  ['30212', 'abroad'],
  ['30217', 'reception'],
  ['30231', 'vehicleOperation'],
  ['31013', 'vehiclePurchase'],
];

export default defineRule({
  id: 'cross/three-public',
  family: 'cross',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '“三公”经费不超过一般公共预算支出，且不少于基本支出中的“三公”科目', en: 'The 三公 total stays within T05, and covers the 三公 lines of T06' },
    source: '财预〔2016〕143号：“三公”经费按因公出国（境）、公务用车购置、公务用车运行维护、公务接待分项公开；部门预算公开表样',
  },
  messages: {
    exceedsGpb: { 'zh-CN': '表七本年“三公”经费合计 {actual} 超过表五一般公共预算支出合计 {expected}', en: "T07's budget-year total {actual} exceeds T05's total {expected}" },
    belowT06: { 'zh-CN': '表七 {item} {actual} 少于表六 {code} {name} 的基本支出 {expected}', en: 'T07 {item} {actual} is less than the T06 basic spending {expected} on {code} {name}' },
  },
  check(ctx) {
    const m = ctx.model;
    const t07 = m.forms.T07;
    if (!t07) return;
    const current = ctx.amount(['forms', 'T07', 'current', 'total']);
    if (m.forms.T05 && current && !current.isZero()) {
      const gpb = ctx.amount(['forms', 'T05', 'total', 'values', 'total']);
      if (gpb !== null && current.cmp(gpb ?? Amount.ZERO) > 0) {
        const limit = canonicalAmount(gpb ?? Amount.ZERO);
        ctx.report({ messageId: 'exceedsGpb', data: { actual: canonicalAmount(current), expected: limit }, location: threePublicRef('current', 'total').location, expected: limit, actual: canonicalAmount(current), related: [totalRef('T05', 'total').location] });
      }
    }
    const t06 = m.forms.T06;
    if (!t06) return;
    t06.rows.forEach((row, i) => {
      const hit = THREE_PUBLIC_CODES.find(([code]) => code === row.department.code);
      if (!hit) return;
      const [code, item] = hit;
      const spend = ctx.amount(['forms', 'T06', 'rows', i, 'values', 'basic']);
      const inT07 = ctx.amount(['forms', 'T07', 'current', item]);
      if (!spend || spend.isZero() || inT07 === null) return;
      if ((inT07 ?? Amount.ZERO).cmp(spend) < 0) {
        const ref = threePublicRef('current', item);
        ctx.report({
          messageId: 'belowT06',
          data: { item: COLUMN_LABELS[item], code, name: row.department.name, actual: canonicalAmount(inT07 ?? Amount.ZERO), expected: canonicalAmount(spend) },
          location: ref.location,
          expected: canonicalAmount(spend),
          actual: canonicalAmount(inT07 ?? Amount.ZERO),
          related: [economicRef('T06', i, economicRowKey(row), 'basic').location],
        });
      }
    });
  },
});
