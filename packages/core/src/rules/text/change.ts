import { Amount } from '../../amount/amount.js';
import type { NarrativeFigure } from '../../model/schema.js';
import { defineRule, type Term } from '../engine/types.js';
import { narrativeRef, overviewCell } from '../refs.js';

type Dir = NarrativeFigure['direction'];

const COMPONENTS: readonly (readonly [string, readonly string[]])[] = [
  ['change.revenue', ['change.revenue.gpb', 'change.revenue.gfb']],
  ['change.expense', ['change.expense.basic', 'change.expense.project']],
];

export default defineRule({
  id: 'text/change',
  family: 'text',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '增减变化：变化额 = 本年 − 上年，分项相加一致，增减用词与符号相符，并说明原因', en: 'Changes: the change is this year minus last year, components add up, the direction word matches, reasons are given' },
    source: '财预〔2016〕143号：对部门预算收支增减变化情况作出说明；财政部公开检查发现的常见问题：增减变化未说明原因',
  },
  messages: {
    difference: { 'zh-CN': '说明中的增减额 {actual} 与本年预算减上年预算 {expected} 不一致（差 {difference}）', en: 'the stated change {actual} is not budget minus last year {expected} (difference {difference})' },
    components: { 'zh-CN': '说明中的“{label}”为 {actual}，其分项之和为 {expected}（差 {difference}）', en: 'the narrative change {label} is {actual}; its components sum to {expected} (difference {difference})' },
    consistent: { 'zh-CN': '说明中的“{label}”为 {actual}，与收支预算增减 {expected} 不一致（差 {difference}）', en: 'the narrative change {label} is {actual}, not the overall change {expected} (difference {difference})' },
    direction: { 'zh-CN': '说明中的“{label}”用词为“{word}”，但数值为 {value}', en: 'the narrative says "{word}" for {label}, but the value is {value}' },
    noReasons: { 'zh-CN': '预算较上年{word} {value} 万元，但未说明增减原因', en: 'the budget {word} by {value} against last year, but no reasons are given' },
  },
  check(ctx) {
    const m = ctx.model;
    const figures = m.narrative?.figures ?? [];
    const find = (key: string) => {
      const i = figures.findIndex((f) => f.key === key);
      const f = figures[i];
      return f ? { f, i, ref: narrativeRef(i, key) } : undefined;
    };
    const signed = (x: { f: NarrativeFigure; ref: Term['ref'] }, coef: 1 | -1): Term => ({ ref: x.ref, coef: (x.f.direction === '减少' ? -coef : coef) as 1 | -1 });

    // the direction word agrees with the value
    figures.forEach((f, i) => {
      if (!f.key.startsWith('change.') || f.key === 'change.budget') return;
      const v = Amount.parse(f.value);
      if (v.kind !== 'amount') return;
      const word: Dir = f.direction;
      const wrong = (word === '持平' && !v.amount.isZero()) || ((word === '增加' || word === '减少') && v.amount.isZero()) || (word !== undefined && v.amount.isNegative());
      if (wrong) ctx.report({ messageId: 'direction', data: { label: f.quote ?? f.key, word: word ?? '', value: f.value }, location: { form: 'N', rowKey: f.key, columnKey: 'direction', path: ['narrative', 'figures', i, 'direction'] } });
    });

    const total = find('change.total');
    // change = budget − previous year where both are known
    const prev = m.previousYear?.total;
    if (total && prev !== undefined && m.forms.T01) {
      ctx.equation({
        messageId: 'difference',
        terms: [signed(total, 1), { ref: overviewCell(m, 'T01', 'expense', 'grandTotal', 'amount'), coef: -1 }, { ref: { path: ['previousYear', 'total'], location: { form: 'N', rowKey: 'previousYear', path: ['previousYear', 'total'] } }, coef: 1 }],
      });
    }
    // the revenue and expense changes equal the overall change, and their components add up
    for (const [key, parts] of COMPONENTS) {
      const whole = find(key);
      if (!whole) continue;
      if (total) ctx.equation({ messageId: 'consistent', data: { label: whole.f.quote ?? key }, terms: [signed(whole, 1), signed(total, -1)] });
      // 其中 lists need not be exhaustive: the parts are added up only where every part is stated
      const found = parts.map(find).filter((p) => p !== undefined);
      if (found.length === parts.length) ctx.equation({ messageId: 'components', data: { label: whole.f.quote ?? key }, terms: [signed(whole, 1), ...found.map((p) => signed(p, -1))] });
    }
    // a change needs reasons
    if (total && total.f.direction !== '持平') {
      const v = Amount.parse(total.f.value);
      const reasons = m.narrative?.changeReasons?.trim();
      if (v.kind === 'amount' && !v.amount.isZero() && !reasons) {
        ctx.report({ messageId: 'noReasons', data: { word: total.f.direction ?? '变化', value: total.f.value }, location: { form: 'N', rowKey: 'change.total', path: ['narrative', 'changeReasons'] } });
      }
    }
  },
});
