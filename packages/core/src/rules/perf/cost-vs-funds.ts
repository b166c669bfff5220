import { Amount } from '../../amount/amount.js';
import type { Location } from '../../diagnostics/types.js';
import { canonicalAmount, type PerformanceTable } from '../../model/schema.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { amountInWan, indicatorLocation, level1Of, squash, tableLocation } from './support/indicators.js';

interface Cap {
  readonly name: string;
  readonly amount: Amount;
  readonly location: Location;
}

interface Funds {
  readonly amount: Amount;
  readonly location: Location;
}

/** The project's funds: P's 年度预算资金总额, or its T11 row when P leaves it blank; null when unreadable. */
function fundsOf(ctx: RuleContext<string>, t: number, table: PerformanceTable): Funds | undefined | null {
  const own = ctx.amount(['performance', t, 'funds', 'total']);
  if (own === null) return null;
  if (own) return { amount: own, location: tableLocation(t, table, 'funds.total') };
  const rows = ctx.model.forms.T11?.rows ?? [];
  const i = rows.findIndex((r) => squash(r.name) === squash(table.project));
  const row = rows[i];
  if (!row) return undefined;
  const path = ['forms', 'T11', 'rows', i, 'values', 'total'];
  const amount = ctx.amount(path);
  return amount ? { amount, location: { form: 'T11', rowKey: row.name, columnKey: 'total', path } } : undefined;
}

export default defineRule({
  id: 'perf/cost-vs-funds',
  family: 'perf',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '成本指标的金额上限不超过项目资金', en: 'Cost caps do not exceed the project funds' },
    source: '财预〔2021〕101号：绩效目标包括与产出和效果相应的成本控制要求，成本指标反映项目预算资金的使用成本',
  },
  messages: {
    capExceeds: {
      'zh-CN': '成本指标“{indicator}”上限 {cap} 万元超过项目“{project}”的年度预算资金总额 {funds} 万元',
      en: 'Cost cap "{indicator}" of {cap} 万元 exceeds the funds of "{project}", {funds} 万元',
    },
    capsExceed: {
      'zh-CN': '项目“{project}”的 {count} 项成本指标上限合计 {sum} 万元（{terms}）超过年度预算资金总额 {funds} 万元',
      en: 'The {count} cost caps of "{project}" add up to {sum} 万元 ({terms}), more than its funds of {funds} 万元',
    },
  },
  check(ctx) {
    ctx.model.performance.forEach((table, t) => {
      const funds = fundsOf(ctx, t, table);
      if (!funds) return;
      const fundsLoc = funds.location;
      // A cap is an upper bound in money under 成本指标; a repeated indicator counts once (perf/duplicate reports it).
      const caps: Cap[] = [];
      const seen = new Set<string>();
      table.indicators.forEach((ind, j) => {
        const v = ind.value;
        if (level1Of(ind) !== '成本指标' || v.kind !== 'quantity' || (v.op !== '≤' && v.op !== '<' && v.op !== '=')) return;
        const amount = amountInWan(v);
        const name = squash(ind.level3);
        if (!amount || seen.has(name)) return;
        seen.add(name);
        caps.push({ name, amount, location: indicatorLocation(t, table, j, 'value') });
      });
      const fundsText = canonicalAmount(funds.amount);
      let single = false;
      for (const cap of caps) {
        if (cap.amount.cmp(funds.amount) <= 0) continue;
        single = true;
        ctx.report({
          messageId: 'capExceeds',
          data: { indicator: cap.name, cap: canonicalAmount(cap.amount), funds: fundsText, project: table.project },
          location: cap.location,
          actual: canonicalAmount(cap.amount),
          expected: fundsText,
          related: [fundsLoc],
        });
      }
      // The sum is only news when no single cap exceeds the funds already.
      if (single || caps.length < 2) return;
      const sum = Amount.sum(caps.map((c) => c.amount));
      if (sum.cmp(funds.amount) <= 0) return;
      ctx.report({
        messageId: 'capsExceed',
        data: { project: table.project, count: caps.length, sum: canonicalAmount(sum), terms: caps.map((c) => canonicalAmount(c.amount)).join(' + '), funds: fundsText },
        location: fundsLoc,
        actual: canonicalAmount(sum),
        expected: fundsText,
        related: caps.map((c) => c.location),
      });
    });
  },
});
