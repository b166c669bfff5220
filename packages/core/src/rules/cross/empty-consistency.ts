import { Amount } from '../../amount/amount.js';
import type { FormId } from '../../model/columns.js';
import { FORM_TITLES } from '../../model/columns.js';
import { canonicalAmount } from '../../model/schema.js';
import type { Disclosure } from '../../model/schema.js';
import { defineRule } from '../engine/types.js';
import { formTotal, overviewCell } from '../refs.js';
import { figure, hasData } from './_shared.js';

type Source = { label: string; requires?: FormId; value: (m: Disclosure, amount: (p: readonly (string | number)[]) => Amount | undefined | null) => Amount | undefined | null };

/** Σ of figures, blanks as zero; null when one of them is blocked. */
function sumOf(refs: readonly { path: readonly (string | number)[] }[], amount: (p: readonly (string | number)[]) => Amount | undefined | null): Amount | null {
  let s = Amount.ZERO;
  for (const r of refs) {
    const v = amount(r.path);
    if (v === null) return null;
    s = s.plus(v ?? Amount.ZERO);
  }
  return s;
}

/** Each form and the figure elsewhere that says whether it should have data. */
const SOURCES: Readonly<Partial<Record<FormId, Source>>> = {
  T06: { label: '表五一般公共预算基本支出', requires: 'T05', value: (m, amount) => sumOf(formTotal(m, 'T05', 'basic'), amount) },
  T08: { label: '政府性基金预算支出', requires: 'T01', value: (m, amount) => (m.forms.T04 ? amount(overviewCell(m, 'T04', 'expense', 'currentTotal', 'gfb').path) : amount(overviewCell(m, 'T01', 'income', 'gfb', 'amount').path)) },
  T09: { label: '国有资本经营预算支出', requires: 'T01', value: (m, amount) => (m.forms.T04 ? amount(overviewCell(m, 'T04', 'expense', 'currentTotal', 'soc').path) : amount(overviewCell(m, 'T01', 'income', 'soc', 'amount').path)) },
  T10: { label: '表三基本支出', requires: 'T03', value: (m, amount) => sumOf(formTotal(m, 'T03', 'basic'), amount) },
  T07: {
    label: '说明中的“三公”经费',
    value: (m, amount) => {
      const figs = ['threePublic.current.total', 'threePublic.previous.total'].map((k) => figure(m, k)).filter((f) => f !== undefined);
      if (figs.length === 0) return undefined;
      return Amount.sum(figs.map((f) => amount(f.ref.path) ?? Amount.ZERO));
    },
  },
  T12: {
    label: '说明中的政府采购预算',
    value: (m, amount) => {
      const f = figure(m, 'procurement.total');
      return f ? amount(f.ref.path) : undefined;
    },
  },
};

export default defineRule({
  id: 'cross/empty-consistency',
  family: 'cross',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '一张表为空，当且仅当其来源数字为零', en: 'A form is empty exactly when its source figures are zero' },
    source: '财预〔2016〕143号：没有数据的表也要公开并说明；财政部公开检查发现的常见问题：空表与其他表数字矛盾',
  },
  messages: {
    emptyButSource: { 'zh-CN': '{form}没有数据，但{source}为 {amount}', en: '{form} has no data, but {source} is {amount}' },
    dataButNoSource: { 'zh-CN': '{form}有数据，但{source}为零', en: '{form} has data, but {source} is zero' },
  },
  check(ctx) {
    const m = ctx.model;
    for (const [form, source] of Object.entries(SOURCES) as [FormId, Source][]) {
      const table = m.forms[form];
      if (!table) continue;
      if (source.requires && !m.forms[source.requires]) continue;
      const raw = source.value(m, ctx.amount);
      if (raw === null) continue;
      // a blank source figure in a published form is zero; an unstated narrative figure is unknown
      const v = raw ?? (source.requires ? Amount.ZERO : undefined);
      if (v === undefined) continue;
      const data = form === 'T07' ? hasData({ rows: [{ values: m.forms.T07?.previous ?? {} }, { values: m.forms.T07?.current ?? {} }] }) : hasData(table as Parameters<typeof hasData>[0]);
      const where = { form, path: ['forms', form] };
      const label = `${FORM_TITLES[form]}`;
      if (!data && !v.isZero()) ctx.report({ messageId: 'emptyButSource', data: { form: label, source: source.label, amount: canonicalAmount(v) }, location: where, actual: canonicalAmount(v) });
      if (data && v.isZero()) ctx.report({ messageId: 'dataButNoSource', data: { form: label, source: source.label }, location: where });
    }
  },
});
