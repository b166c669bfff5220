import { Amount } from '../../amount/amount.js';
import type { Location } from '../../diagnostics/types.js';
import type { ColumnKey, NarrativeFigureKey } from '../../model/columns.js';
import { canonicalAmount } from '../../model/schema.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { threePublicRef } from '../refs.js';
import { figure, section, type FigureHit } from './support/narrative.js';

type Year = 'previous' | 'current';

/** “未使用…‘三公’经费”, “无‘三公’经费”, “‘三公’经费…为0”: the section says there is none. */
const NONE: readonly RegExp[] = [/(未|没有|无|不涉及|不存在)[^。；;，,]{0,40}三公/, /三公[”’"'」]?经费[^。；;，,]{0,20}(为|均为)(0|零)(\.0+)?(万元|元)?(?![.0-9])/, /三公[”’"'」]?经费[^。；;，,]{0,6}(无|没有)/];
/** The text without its sentences about carry-over (结转): saying there is none of that says nothing of the budget. */
function withoutCarryOver(text: string): string {
  return text.replace(/[^。；;]*结转[^。；;]*[。；;]?/gu, '');
}
const DIRECTION = /增加|减少|增长|下降|降低|上升|持平|压减|缩减|节约/;
const REASON = /原因|主要是|主要系|主要用于|由于|因为|用于|鉴于|为了|根据|按照|厉行节约|严格控制|压减/;

const ITEMS: readonly (readonly [ColumnKey, NarrativeFigureKey, RegExp, string])[] = [
  ['abroad', 'threePublic.current.abroad', /因公出国/, '因公出国（境）费'],
  ['vehiclePurchase', 'threePublic.current.vehiclePurchase', /公务用车购置|购置公务用车|车辆购置/, '公务用车购置费'],
  ['vehicleOperation', 'threePublic.current.vehicleOperation', /公务用车运行/, '公务用车运行维护费'],
  ['reception', 'threePublic.current.reception', /公务接待/, '公务接待费'],
];
const PARTS: readonly ColumnKey[] = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'];

interface YearState {
  /** The year's total (T07's 合计, or its parts when the 合计 is blank; the narrative's figure without T07); undefined when unknown. */
  readonly total: Amount | undefined;
  readonly nonZero: boolean;
  readonly location: Location;
}

type Msg = 'empty' | 'noneNotStated' | 'saysNoneButTable' | 'missingTotal' | 'missingItem' | 'changeNotExplained';

function yearState(ctx: RuleContext<Msg>, year: Year): YearState {
  const location = threePublicRef(year, 'total').location;
  if (ctx.model.forms.T07) {
    const cells = (['total', ...PARTS] as const).map((c) => ctx.amount(['forms', 'T07', year, c]));
    if (cells.some((a) => a === null)) return { total: undefined, nonZero: false, location };
    const [total, ...parts] = cells as (Amount | undefined)[];
    const sum = total ?? Amount.sum(parts.filter((a): a is Amount => a !== undefined));
    const nonZero = cells.some((a) => a !== undefined && a !== null && !a.isZero());
    return { total: sum, nonZero, location };
  }
  const f = figure(ctx.model, year === 'previous' ? 'threePublic.previous.total' : 'threePublic.current.total');
  const total = f ? ctx.amount(f.path) : undefined;
  return { total: total ?? undefined, nonZero: total !== undefined && total !== null && !total.isZero(), location: f?.location ?? location };
}

export default defineRule({
  id: 'text/three-public',
  family: 'text',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '“三公”经费说明列出两年的总额和分项（或说明没有），并解释增减', en: 'The 三公 section states both years’ totals and items (or that there are none) and explains any change' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：“三公”经费按因公出国（境）费、公务用车购置及运行费、公务接待费分项公开，并对增减变化原因作出说明；财政部预决算公开检查发现的问题：未说明“三公”经费或其增减原因',
  },
  messages: {
    empty: { 'zh-CN': '“三公”经费支出情况部分没有内容', en: 'The 三公 section is empty' },
    noneNotStated: {
      'zh-CN': '“三公”经费支出情况部分既未列出 {previousYear} 年、{currentYear} 年的“三公”经费，也未说明没有“三公”经费',
      en: 'The 三公 section neither states the 三公 totals of {previousYear} and {currentYear} nor says there are none',
    },
    saysNoneButTable: {
      'zh-CN': '说明称没有“三公”经费，但表七列出 {year} 年“三公”经费 {amount} 万元',
      en: 'The narrative says there are no 三公 expenses, but T07 shows {amount} 万元 for {year}',
    },
    missingTotal: { 'zh-CN': '“三公”经费支出情况部分未列出 {year} 年的“三公”经费总额', en: 'The 三公 section does not state the {year} total' },
    missingItem: { 'zh-CN': '“三公”经费支出情况部分未列出 {year} 年的{item}', en: 'The 三公 section does not state the {year} {item}' },
    changeNotExplained: {
      'zh-CN': '“三公”经费由 {previousYear} 年的 {previous} 万元变为 {currentYear} 年的 {current} 万元，说明未解释增减变化及其原因',
      en: 'The 三公 total changes from {previous} 万元 ({previousYear}) to {current} 万元 ({currentYear}); the narrative does not explain the change',
    },
  },
  check(ctx) {
    const m = ctx.model;
    const sec = section(m, 'threePublic');
    if (!sec) return;
    if (sec.text === '') {
      ctx.report({ messageId: 'empty', location: sec.location });
      return;
    }
    const years: Record<Year, number> = { previous: m.forms.T07?.years?.previous ?? m.unit.year - 1, current: m.forms.T07?.years?.current ?? m.unit.year };
    // “本部门无2020年结转的‘三公’经费支出” is about last year's carry-over, not about this year's budget.
    const saysNone = NONE.some((re) => re.test(withoutCarryOver(sec.text)));
    const state: Record<Year, YearState> = { previous: yearState(ctx, 'previous'), current: yearState(ctx, 'current') };
    const figs: Record<Year, FigureHit | undefined> = { previous: figure(m, 'threePublic.previous.total'), current: figure(m, 'threePublic.current.total') };

    const unstatedZero: Year[] = [];
    let contradicted = false;
    for (const y of ['previous', 'current'] as const) {
      if (figs[y]) continue;
      const s = state[y];
      if (s.nonZero) {
        const data = { year: years[y], amount: canonicalAmount(s.total ?? Amount.ZERO) };
        ctx.report({ messageId: saysNone ? 'saysNoneButTable' : 'missingTotal', data, location: sec.location, related: [s.location] });
        contradicted ||= saysNone;
      } else if (!saysNone) unstatedZero.push(y);
    }
    if (unstatedZero.length === 2) {
      ctx.report({ messageId: 'noneNotStated', data: { previousYear: years.previous, currentYear: years.current }, location: sec.location });
    } else {
      for (const y of unstatedZero) ctx.report({ messageId: 'missingTotal', data: { year: years[y] }, location: sec.location, related: [state[y].location] });
    }

    // A narrative that denies what T07 shows is one finding: items and change follow from it.
    if (contradicted) return;
    // Items of the budget year: stated by a figure, or (when zero) at least named.
    if (state.current.nonZero) {
      for (const [column, key, re, item] of ITEMS) {
        if (figure(m, key)) continue;
        const amount = m.forms.T07 ? ctx.amount(['forms', 'T07', 'current', column]) : undefined;
        if (amount === null) continue;
        const zero = m.forms.T07 !== undefined && (amount === undefined || amount.isZero());
        if (zero && re.test(sec.text)) continue;
        ctx.report({ messageId: 'missingItem', data: { year: years.current, item }, location: sec.location, related: [threePublicRef('current', column).location] });
      }
    }

    const { previous, current } = state;
    if (previous.total && current.total && !previous.total.equals(current.total) && !(DIRECTION.test(sec.text) && REASON.test(sec.text))) {
      ctx.report({
        messageId: 'changeNotExplained',
        data: { previousYear: years.previous, currentYear: years.current, previous: canonicalAmount(previous.total), current: canonicalAmount(current.total) },
        location: sec.location,
        related: [previous.location, current.location],
      });
    }
  },
});
