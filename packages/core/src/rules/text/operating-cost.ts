import type { Amount } from '../../amount/amount.js';
import type { Location } from '../../diagnostics/types.js';
import { canonicalAmount } from '../../model/schema.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { totalRef } from '../refs.js';
import { figure, section } from './support/narrative.js';

/** “无机关运行经费”, “不涉及机关运行经费”, “机关运行经费为0”: the unit says it has none. */
const NONE: readonly RegExp[] = [/(无|没有|不涉及|未安排|不存在|不使用)[^。；;，,]{0,10}机关运行经费/, /机关运行经费[^。；;，,]{0,20}(为|均为)(0|零)(\.0+)?(万元|元)?(?![.0-9])/, /机关运行经费[^。；;，,]{0,6}(无|没有)/];

type Msg = 'missingFigure' | 'institutionNotStated' | 'institutionNonZero' | 'nonZeroWithoutBasic';

/** 基本支出 of the general public budget (T05), else of all funds (T03): undefined when neither form has a total row, null when unreadable. */
function basic(ctx: RuleContext<Msg>): { amount: Amount | undefined | null; location: Location } | undefined {
  for (const form of ['T05', 'T03'] as const) {
    const t = ctx.model.forms[form];
    if (!t?.total) continue;
    const ref = totalRef(form, 'basic');
    return { amount: ctx.amount(ref.path), location: ref.location };
  }
  return undefined;
}

export default defineRule({
  id: 'text/operating-cost',
  family: 'text',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '机关运行经费按单位性质说明，基本支出为0时为0', en: '机关运行经费 is stated as the unit’s kind requires, and is 0 without basic expenditure' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：公开机关运行经费安排情况；机关运行经费指行政单位（含参照公务员法管理的事业单位）使用一般公共预算安排的基本支出中的日常公用经费；财政部预决算公开检查发现的问题：未说明机关运行经费',
  },
  messages: {
    missingFigure: {
      'zh-CN': '本单位为{kind}单位，说明未列出机关运行经费预算数',
      en: 'The unit is a {kind} unit, but the narrative does not state its 机关运行经费',
    },
    institutionNotStated: {
      'zh-CN': '本单位为事业单位，说明应写明没有机关运行经费',
      en: 'The unit is a public institution (事业单位); the narrative should say it has no 机关运行经费',
    },
    institutionNonZero: {
      'zh-CN': '本单位为事业单位，不使用机关运行经费，但说明列出机关运行经费 {value} 万元',
      en: 'The unit is a public institution (事业单位) without 机关运行经费, but the narrative states {value} 万元',
    },
    nonZeroWithoutBasic: {
      'zh-CN': '基本支出为 0，机关运行经费应为 0，说明列出 {value} 万元',
      en: 'Basic expenditure is 0, so 机关运行经费 must be 0; the narrative states {value} 万元',
    },
  },
  check(ctx) {
    const m = ctx.model;
    const sec = section(m, 'operatingCost');
    if (!sec) return;
    const fig = figure(m, 'operatingCost');
    const value = fig ? ctx.amount(fig.path) : undefined;
    const nonZero = value !== undefined && value !== null && !value.isZero();
    const data = { value: value ? canonicalAmount(value) : '', kind: m.unit.kind ?? '' };

    const b = basic(ctx);
    let reported = false;
    if (fig && nonZero && b && b.amount !== null && (b.amount === undefined || b.amount.isZero())) {
      ctx.report({ messageId: 'nonZeroWithoutBasic', data, location: fig.location, related: [b.location] });
      reported = true;
    }
    const kind = m.unit.kind;
    if (kind === '行政' || kind === '参公') {
      if (!fig) ctx.report({ messageId: 'missingFigure', data, location: sec.location });
    } else if (kind === '事业') {
      if (fig && nonZero) {
        if (!reported) ctx.report({ messageId: 'institutionNonZero', data, location: fig.location });
      } else if (!fig && !NONE.some((re) => re.test(sec.text))) {
        ctx.report({ messageId: 'institutionNotStated', data, location: sec.location });
      }
    }
  },
});
