import type { Location } from '../../diagnostics/types.js';
import { FORM_IDS, formLabel, type SectionKey } from '../../model/columns.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { narrativeRef } from '../refs.js';

type Msg = 'titleYear' | 'formTitleYear' | 'noteYear' | 'threePublicYear' | 'assetDate' | 'performanceTitleYear' | 'figureYear' | 'narrativeYear';

const YEAR = /([0-9]{4})\s*年/g;
/** Words before a year that make it the year compared with (较2023年, 与2023年持平, 上年（2023年）). */
const COMPARED = /(较|比|与|同|相比|对比|较之|高于|低于|上年[（(])\s*$/;
/** A year that starts a date (2023年12月31日) is a date, checked as the asset date. */
const DATE_AFTER = /^\s*(?:度)?\s*[0-9]{1,2}\s*月/;
/** After `YYYY年`: words that make the year the year of a budget figure. */
const BUDGET_AFTER = /^(?:度)?(?:本?部门|本?单位)?(?:收入预算|支出预算|收支预算|部门预算|政府采购预算|[“"‘']?三公[”"’']?经费|机关运行经费|事业运行经费|预算(?:安排|数|总额|资金|金额|为|未安排|[0-9０-９]))/;
/** Narrative sections that state budget figures; 部门概况, 名词解释 and 特殊事项说明 are descriptive. */
const BUDGET_SECTIONS: ReadonlySet<SectionKey> = new Set(['change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance']);
/** Sections that compare with last year and may state last year's figures. */
const COMPARING_SECTIONS: ReadonlySet<SectionKey> = new Set(['change', 'threePublic', 'operatingCost']);

interface YearMention {
  readonly year: number;
  readonly index: number;
  readonly end: number;
}

/** Years stated in a text, without dates and without the years compared with. */
function statedYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (DATE_AFTER.test(text.slice(end)) || COMPARED.test(text.slice(Math.max(0, index - 6), index))) continue;
    out.push({ year: Number(m[1]), index, end });
  }
  return out;
}

/** The year a narrative figure is stated for: last year for 上年“三公”经费, none for asset counts (dated), the budget year otherwise. */
function figureYear(key: string, year: number): number | undefined {
  if (key.startsWith('assets.')) return undefined;
  if (key.startsWith('threePublic.previous.')) return year - 1;
  return year;
}

function snippet(text: string, m: YearMention): string {
  const s = text.slice(m.index).split(/[，。；,;\n]/)[0] ?? '';
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function checkForms(ctx: RuleContext<Msg>, year: number): void {
  const { model } = ctx;
  for (const form of FORM_IDS) {
    const table = model.forms[form];
    if (!table) continue;
    const base = { form, formName: formLabel(form), year };
    const titleYears = new Set(statedYears(table.title ?? '').map((m) => m.year).filter((y) => y !== year));
    for (const found of titleYears) ctx.report({ messageId: 'formTitleYear', data: { ...base, found }, location: { form, path: ['forms', form, 'title'] }, expected: String(year), actual: String(found) });
    // A note speaks of the budget year; T07's may name last year too (it shows both years).
    const allowed = form === 'T07' ? [year, year - 1] : [year];
    const note = table.note ?? '';
    const noteYears = new Set(statedYears(note).map((m) => m.year).filter((y) => !allowed.includes(y)));
    for (const found of noteYears) ctx.report({ messageId: 'noteYear', data: { ...base, found, note }, location: { form, path: ['forms', form, 'note'] }, expected: String(year), actual: String(found) });
  }
  const years = model.forms.T07?.years;
  if (years) {
    for (const [key, expected] of [['previous', year - 1], ['current', year]] as const) {
      const found = years[key];
      if (found === expected) continue;
      const location: Location = { form: 'T07', rowKey: key, path: ['forms', 'T07', 'years', key] };
      ctx.report({ messageId: 'threePublicYear', data: { form: 'T07', formName: formLabel('T07'), found, expected, year }, location, expected: String(expected), actual: String(found) });
    }
  }
}

function checkNarrative(ctx: RuleContext<Msg>, year: number): void {
  const { model } = ctx;
  const narrative = model.narrative;
  if (!narrative) return;
  if (narrative.assetDate !== undefined) {
    // The shandong-12 profile dates the asset figures at the end of last year; other profiles only within last year.
    const expected = model.document.profile === 'shandong-12' ? `${year - 1}-12-31` : undefined;
    const wrong = expected !== undefined ? narrative.assetDate !== expected : !narrative.assetDate.startsWith(`${year - 1}-`);
    if (wrong) {
      ctx.report({
        messageId: 'assetDate',
        data: { found: narrative.assetDate, expected: expected ?? `${year - 1}`, year },
        location: { form: 'N', rowKey: 'assets', columnKey: 'assetDate', path: ['narrative', 'assetDate'] },
        ...(expected !== undefined ? { expected } : {}),
        actual: narrative.assetDate,
      });
    }
  }
  // Figures name the quantity they state: their years are checked against what they are.
  const quoted: { section: number; from: number; to: number }[] = [];
  narrative.figures.forEach((f, i) => {
    const quote = f.quote ?? '';
    const expected = figureYear(f.key, year);
    narrative.sections.forEach((s, si) => {
      const at = quote === '' ? -1 : (s.text ?? '').indexOf(quote);
      if (at >= 0) quoted.push({ section: si, from: at, to: at + quote.length });
    });
    if (expected === undefined) return;
    const wrong = new Set(statedYears(quote).map((m) => m.year).filter((y) => y !== expected));
    const ref = narrativeRef(i, f.key);
    for (const found of wrong) ctx.report({ messageId: 'figureYear', data: { quote, found, expected, year }, location: ref.location, expected: String(expected), actual: String(found) });
  });
  // Elsewhere in the budget sections, only a year stated for a budget figure that cannot be this budget's is reported.
  narrative.sections.forEach((s, si) => {
    if (!BUDGET_SECTIONS.has(s.key)) return;
    const text = s.text ?? '';
    for (const m of statedYears(text)) {
      if (m.year === year) continue;
      if (m.year === year - 1 && COMPARING_SECTIONS.has(s.key)) continue;
      if (!BUDGET_AFTER.test(text.slice(m.end))) continue;
      if (quoted.some((q) => q.section === si && m.index >= q.from && m.index < q.to)) continue;
      ctx.report({
        messageId: 'narrativeYear',
        data: { section: s.title, found: m.year, year, text: snippet(text, m) },
        location: { form: 'N', rowKey: s.key, columnKey: 'text', path: ['narrative', 'sections', si, 'text'] },
        expected: String(year),
        actual: String(m.year),
      });
    }
  });
}

export default defineRule({
  id: 'struct/year',
  family: 'struct',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '标题、各表、“三公”表两个年度、资产日期和说明中的预算年度一致', en: 'The budget year agrees across title, forms, T07, the asset date and the narrative' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：部门预算按年度公开，“三公”经费与上年对比说明；资产情况截至上年末（12月31日，参考文件所用山东模板的做法）',
  },
  messages: {
    titleYear: { 'zh-CN': '文件标题中的年度为 {found} 年，预算年度为 {year} 年', en: 'The document title names {found}; the budget year is {year}' },
    formTitleYear: { 'zh-CN': '{formName}标题中的年度为 {found} 年，预算年度为 {year} 年', en: 'The title of form {form} names {found}; the budget year is {year}' },
    noteYear: { 'zh-CN': '{formName}的附注写的是 {found} 年，预算年度为 {year} 年：“{note}”', en: 'The note of form {form} names {found}; the budget year is {year}: "{note}"' },
    threePublicYear: { 'zh-CN': '{formName}表头的年度为 {found} 年，应为 {expected} 年（预算年度 {year} 年）', en: 'Form {form} shows the year {found} in its header where {expected} is expected (budget year {year})' },
    assetDate: { 'zh-CN': '国有资产占有使用情况的截止日期为 {found}，应为 {expected}（上年末）', en: 'The asset figures are dated {found}; expected {expected} (end of last year)' },
    performanceTitleYear: { 'zh-CN': '绩效目标表（{project}）标题中的年度为 {found} 年，预算年度为 {year} 年', en: 'The title of the performance table of {project} names {found}; the budget year is {year}' },
    figureYear: { 'zh-CN': '说明中“{quote}”的年度为 {found} 年，应为 {expected} 年', en: 'The narrative states "{quote}" for {found}; expected {expected}' },
    narrativeYear: { 'zh-CN': '说明“{section}”中“{text}”的年度为 {found} 年，预算年度为 {year} 年', en: 'The narrative section "{section}" states "{text}" for {found}; the budget year is {year}' },
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.unit.year;
    const titleYears = new Set(statedYears(model.document.title ?? '').map((m) => m.year).filter((y) => y !== year));
    for (const found of titleYears) ctx.report({ messageId: 'titleYear', data: { found, year }, location: { rowKey: 'title', path: ['document', 'title'] }, expected: String(year), actual: String(found) });
    checkForms(ctx, year);
    model.performance.forEach((p, i) => {
      const wrong = new Set(statedYears(p.title ?? '').map((m) => m.year).filter((y) => y !== year));
      for (const found of wrong) {
        ctx.report({ messageId: 'performanceTitleYear', data: { project: p.project, found, year }, location: { form: 'P', project: p.project, rowKey: 'title', path: ['performance', i, 'title'] }, expected: String(year), actual: String(found) });
      }
    });
    checkNarrative(ctx, year);
  },
});
