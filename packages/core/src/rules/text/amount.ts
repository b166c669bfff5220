import { Amount, convert } from '../../amount/amount.js';
import { canonicalAmount, type Disclosure, type NarrativeFigure } from '../../model/schema.js';
import { describeLocation } from '../engine/describe.js';
import { defineRule, type CellRef, type RuleContext } from '../engine/types.js';
import { formTotal, narrativeRef, overviewCell, projectRef, threePublicRef, totalRef } from '../refs.js';

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Narrative figure key → the table figures whose sum it states (one figure in most cases). */
function tableFigures(m: Disclosure, key: string): CellRef[] | undefined {
  const f = m.forms;
  const t01 = (side: 'income' | 'expense', row: string) => (f.T01 ? [overviewCell(m, 'T01', side, row, 'amount')] : undefined);
  const t03 = (col: 'basic' | 'project') => (f.T03 ? formTotal(m, 'T03', col) : undefined);
  const t07 = (year: 'previous' | 'current', col: 'total' | 'abroad' | 'vehiclePurchase' | 'vehicleOperation' | 'reception') => (f.T07 ? [threePublicRef(year, col)] : undefined);
  const t11 = (col: 'total' | 'fiscal') => (f.T11 ? formTotal(m, 'T11', col) : undefined);
  const keyProjects = (col: 'total' | 'fiscal') => {
    const names = m.narrative?.keyProjects;
    const rows = f.T11?.rows;
    if (!names || !rows) return undefined;
    const refs = names.map((n) => rows.findIndex((r) => norm(r.name) === norm(n))).filter((j) => j >= 0);
    if (refs.length !== names.length) return undefined; // text/project-names reports the unknown name
    return refs.map((j) => projectRef(j, rows[j]?.name ?? '', col));
  };
  switch (key) {
    case 'revenue.total':
    case 'change.budget':
      return t01('income', 'grandTotal');
    case 'revenue.gpb':
      return t01('income', 'gpb');
    case 'revenue.gfb':
      return t01('income', 'gfb');
    case 'revenue.soc':
      return t01('income', 'soc');
    case 'expense.total':
      return t01('expense', 'grandTotal');
    case 'expense.basic':
      return t03('basic');
    case 'expense.project':
      return t03('project');
    case 'threePublic.previous.total':
      return t07('previous', 'total');
    case 'threePublic.current.total':
      return t07('current', 'total');
    case 'threePublic.current.abroad':
      return t07('current', 'abroad');
    case 'threePublic.current.vehiclePurchase':
      return t07('current', 'vehiclePurchase');
    case 'threePublic.current.vehicleOperation':
      return t07('current', 'vehicleOperation');
    case 'threePublic.current.reception':
      return t07('current', 'reception');
    case 'procurement.goods':
    case 'procurement.works':
    case 'procurement.services': {
      const col = key.split('.')[1] as 'goods' | 'works' | 'services';
      const t12 = f.T12;
      // only where the procurement table itself publishes the split
      if (!t12?.total || t12.total.values[col] === undefined) return undefined;
      return [totalRef('T12', col)];
    }
    case 'performance.funds':
      return t11('total');
    case 'performance.fiscal':
      return t11('fiscal');
    case 'performance.keyFunds':
      return keyProjects('total');
    case 'performance.keyFiscal':
      return keyProjects('fiscal');
    default:
      return undefined;
  }
}

/** Counts the narrative states, and the count in the tables. */
function tableCount(m: Disclosure, key: string): number | undefined {
  if (key === 'performance.projects') return m.forms.T11?.rows.length;
  if (key === 'performance.keyProjects') return m.narrative?.keyProjects?.length;
  return undefined;
}

/**
 * A figure the narrative states in 万元 of tables in 元 (5,093.76万元 for
 * 50,937,608.35 元): compared at its own precision, with the tables' figure
 * converted to 万元 and rounded to as many decimals as the narrative gives.
 */
function coarser(ctx: RuleContext<'amount' | 'count'>, fig: NarrativeFigure, i: number, refs: readonly CellRef[]): void {
  const stated = Amount.parse(fig.value);
  if (stated.kind !== 'amount') return;
  let sum = Amount.ZERO;
  for (const r of refs) {
    const v = ctx.amount(r.path);
    if (v === null) return;
    sum = sum.plus(v ?? Amount.ZERO);
  }
  const decimals = (fig.value.split('.')[1] ?? '').length;
  const expected = convert(sum, '元', '万元').round(decimals);
  if (expected.cmp(stated.amount) === 0) return;
  ctx.report({
    messageId: 'amount',
    data: { label: fig.quote ?? fig.key, where: describeLocation(narrativeRef(i, fig.key).location), actual: fig.value, expected: canonicalAmount(expected), difference: canonicalAmount(stated.amount.minus(expected)) },
    location: narrativeRef(i, fig.key).location,
    expected: canonicalAmount(expected),
    actual: fig.value,
    related: refs.map((r) => r.location),
  });
}

export default defineRule({
  id: 'text/amount',
  family: 'text',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '说明中的金额与表中数字一致', en: 'Every amount the narrative states equals the table figure' },
    source: '财政部部门预算公开检查发现的常见问题：说明中的数字与公开表不一致；财预〔2016〕143号：对收支预算、“三公”经费、机关运行经费、政府采购、绩效目标等作出说明',
  },
  messages: {
    amount: { 'zh-CN': '说明中“{label}”为 {actual}，表中为 {expected}（差 {difference}）', en: 'the narrative states {label} as {actual}; the tables say {expected} (difference {difference})' },
    count: { 'zh-CN': '说明中“{label}”为 {actual} 个，表中为 {expected} 个', en: 'the narrative states {label} as {actual}; the tables have {expected}' },
  },
  check(ctx) {
    const m = ctx.model;
    (m.narrative?.figures ?? []).forEach((fig, i) => {
      const count = tableCount(m, fig.key);
      if (count !== undefined) {
        if (String(count) !== fig.value.replace(/\.0+$/, '')) {
          ctx.report({ messageId: 'count', data: { label: fig.quote ?? fig.key, actual: fig.value, expected: count }, location: { form: 'N', rowKey: fig.key, columnKey: 'value', path: ['narrative', 'figures', i, 'value'] }, expected: String(count), actual: fig.value });
        }
        return;
      }
      const refs = tableFigures(m, fig.key);
      if (!refs || refs.length === 0) return;
      if (fig.unit === '万元' && m.document.amountUnit === '元') {
        coarser(ctx, fig, i, refs);
        return;
      }
      ctx.equation({
        messageId: 'amount',
        data: { label: fig.quote ?? fig.key },
        ...(refs.length > 1 ? { rounding: true } : {}),
        terms: [{ ref: narrativeRef(i, fig.key), coef: 1 }, ...refs.map((r) => ({ ref: r, coef: -1 as const }))],
      });
    });
  },
});
