/**
 * Test helper (not exported from the package): fast-check arbitraries for
 * valid disclosure models whose forms follow the layouts — codes in tree
 * order, any subset of blank cells, two-decimal amounts (negatives and zeros
 * included), random Chinese names, random indicator trees. Figures need not
 * add up: the round trip is about layout, not arithmetic.
 */
import fc from 'fast-check';
import type { ColumnKey, FormId } from '../model/columns.js';
import { parseIndicatorValue } from '../model/indicator-value.js';
import type { Disclosure, Forms, Indicator, PerformanceTable } from '../model/schema.js';
import { FORM_LAYOUTS } from './layouts/index.js';
import { leavesOf } from './tree.js';
import type { FixedRow, FormLayout } from './types.js';

/** Characters that never spell a header word, a title, a total or a note. */
const CHARS = [...'春夏秋冬山水林田湖草木火土日月星云风雨雪花鸟鱼虫龙虎马牛羊东南西北红黄蓝绿白黑青紫江河海岛桥城村镇街巷园林森松柏竹梅兰菊桃李杏'];

export function arbitraryName(minLength = 1, maxLength = 8): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...CHARS), { minLength, maxLength }).map((a) => a.join(''));
}

/** A canonical amount with two decimals: `-1234.50`, `0.00`, `87.09`. */
export function arbitraryAmount(): fc.Arbitrary<string> {
  return fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })).map((cents) => {
    const abs = Math.abs(cents);
    const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    return cents < 0 ? `-${s}` : s;
  });
}

type Values = Partial<Record<ColumnKey, string>>;

/** Figures in a random subset of the columns (the others blank). */
function values(columns: readonly ColumnKey[]): fc.Arbitrary<Values> {
  if (columns.length === 0) return fc.constant({});
  return fc.array(fc.tuple(fc.constantFrom(...columns), arbitraryAmount()), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as Values);
}

/** Unsided amount columns of a layout (optional ones included), or those of one side. */
function columnsOf(layout: FormLayout, side?: string): ColumnKey[] {
  return leavesOf(layout.columns).flatMap((l) => (l.leaf.kind === 'amount' && l.leaf.side === side ? [l.leaf.column] : []));
}

function meta(layout: FormLayout) {
  return fc.record(
    {
      title: fc.constantFrom(layout.title, ...layout.titleVariants),
      unit: fc.constantFrom('万元' as const, '元' as const),
      note: arbitraryName(2, 20).map((s) => `注：${s}。`),
    },
    { requiredKeys: ['title', 'unit'] },
  );
}

/** A total row: labelled (maybe with no figures) or unlabelled with at least one figure (else it would be a blank row). */
function total(columns: readonly ColumnKey[]) {
  return fc.option(
    fc.oneof(
      values(columns).map((v) => ({ label: '合计', values: v })),
      values(columns)
        .filter((v) => Object.keys(v).length > 0)
        .map((v) => ({ values: v })),
    ),
    { nil: undefined },
  );
}

/** Codes in tree order: each parent followed by its children, down to `widths.length` levels. */
function codeTree(widths: readonly number[], first: number, last: number, fanout: number): fc.Arbitrary<string[]> {
  const segment = (w: number, lo: number, hi: number) => fc.uniqueArray(fc.integer({ min: lo, max: hi }), { maxLength: fanout }).map((a) => a.sort((x, y) => x - y).map((n) => String(n).padStart(w, '0')));
  const level = (depth: number, prefix: string): fc.Arbitrary<string[]> => {
    const w = widths[depth];
    if (w === undefined) return fc.constant([]);
    const seg = depth === 0 ? segment(w, first, last) : segment(w, 1, 99);
    return seg.chain((parts) => (parts.length === 0 ? fc.constant([]) : fc.tuple(...parts.map((p) => level(depth + 1, prefix + p).map((kids) => [prefix + p, ...kids]))).map((l) => l.flat())));
  };
  return level(0, '');
}

function subjectForm(layout: FormLayout) {
  const cols = columnsOf(layout);
  return fc.record({
    meta: meta(layout),
    total: total(cols),
    rows: codeTree([3, 2, 2], 201, 299, 2).chain((codes) => fc.tuple(...codes.map((code) => fc.record({ code: fc.constant(code), name: arbitraryName(), values: values(cols) })))),
  }).map(({ meta: m, total: t, rows }) => ({ ...m, ...(t ? { total: t } : {}), rows }));
}

function economicForm(layout: FormLayout) {
  const cols = columnsOf(layout);
  const subject = (first: number, last: number) => fc.record({ code: fc.oneof(fc.integer({ min: first, max: last }).map(String), fc.tuple(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 99 })).map(([c, k]) => `${c}${String(k).padStart(2, '0')}`)), name: arbitraryName() });
  return fc.record({
    meta: meta(layout),
    total: total(cols),
    rows: codeTree([3, 2], 301, 399, 3).chain((codes) =>
      fc.tuple(...codes.map((code) => fc.record({ department: arbitraryName().map((name) => ({ code, name })), government: subject(501, 599), values: values(cols) }, { requiredKeys: ['department', 'values'] }).map((r) => ({ ...r })))),
    ),
  }).map(({ meta: m, total: t, rows }) => ({ ...m, ...(t ? { total: t } : {}), rows }));
}

function projectForm(layout: FormLayout) {
  const cols = columnsOf(layout);
  return fc.record({
    meta: meta(layout),
    total: total(cols),
    rows: fc.array(fc.record({ name: arbitraryName(), type: fc.constantFrom('特定目标类', '其他运转类', '公用经费'), values: values(cols) }, { requiredKeys: ['name', 'values'] }).map((r) => ({ ...r })), { maxLength: 4 }),
  }).map(({ meta: m, total: t, rows }) => ({ ...m, ...(t ? { total: t } : {}), rows }));
}

function pairedForm(layout: FormLayout) {
  if (layout.body.kind !== 'paired') throw new Error(`${layout.id} is not paired`);
  const pairs = layout.body.pairs;
  const side = (s: 'income' | 'expense', defs: readonly (FixedRow | null)[]) =>
    fc.tuple(...defs.filter((d): d is FixedRow => d !== null).map((d) => fc.option(values(columnsOf(layout, s)).map((v) => ({ key: d.key, label: d.label, values: v })), { nil: undefined, freq: 4 }))).map((rows) => rows.filter((r) => r !== undefined));
  return fc.record({ meta: meta(layout), income: side('income', pairs.map((p) => p[0])), expense: side('expense', pairs.map((p) => p[1])) }).map(({ meta: m, income, expense }) => ({ ...m, income, expense }));
}

function threePublicForm(layout: FormLayout, year: number) {
  return fc.record({ meta: meta(layout), previous: values(columnsOf(layout, 'previous')), current: values(columnsOf(layout, 'current')) }).map(({ meta: m, previous, current }) => ({ ...m, years: { previous: year - 1, current: year }, previous, current }));
}

const INDICATOR_VALUES = ['≥90%', '≤131.55 万元', '=100%', '提升', '保障', '≥5 人', '≤92 元/人. 月', '及时', '=12 个月', '>0', '有效'];

function indicators(): fc.Arbitrary<Indicator[]> {
  const level1 = fc.oneof(fc.constantFrom('成本指标', '产出指标', '效益指标', '满意度指标'), arbitraryName(2, 4).map((s) => `${s}指标`));
  const item = fc.record({ level1, level2: arbitraryName(2, 6), level3: arbitraryName(2, 12), text: fc.constantFrom(...INDICATOR_VALUES) });
  return fc.array(item, { maxLength: 6 }).map((items) => items.map(({ text, ...rest }) => ({ ...rest, value: parseIndicatorValue(text) })));
}

function performanceTable(year: number): fc.Arbitrary<PerformanceTable> {
  return fc
    .record(
      {
        project: arbitraryName(2, 10),
        department: arbitraryName(2, 10),
        implementer: arbitraryName(2, 10),
        funds: fc.record({ total: arbitraryAmount(), fiscal: arbitraryAmount(), other: arbitraryAmount() }, { requiredKeys: [] }).map((f) => ({ ...f })),
        target: fc.array(arbitraryName(2, 12), { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('，')}。`),
        indicators: indicators(),
      },
      { requiredKeys: ['project', 'funds', 'indicators'] },
    )
    .map((p) => ({ title: `${year}年预算项目支出绩效目标表`, ...p }));
}

function formArbitrary(id: FormId, year: number): fc.Arbitrary<unknown> {
  const layout = FORM_LAYOUTS[id];
  switch (layout.body.kind) {
    case 'subjects':
      return subjectForm(layout);
    case 'economic':
      return economicForm(layout);
    case 'projects':
      return projectForm(layout);
    case 'paired':
      return pairedForm(layout);
    case 'years':
      return threePublicForm(layout, year);
  }
}

/** A valid disclosure model with any subset of the forms and 0–2 performance tables. */
export function arbitraryDisclosure(): fc.Arbitrary<Disclosure> {
  return fc.integer({ min: 2001, max: 2099 }).chain((year) => {
    const forms = Object.fromEntries((Object.keys(FORM_LAYOUTS) as FormId[]).map((id) => [id, formArbitrary(id, year)]));
    return fc.record({
      name: arbitraryName(2, 16),
      forms: fc.record(forms, { requiredKeys: [] }).map((f) => ({ ...f })),
      performance: fc.array(performanceTable(year), { maxLength: 2 }),
    }).map(({ name, forms: f, performance }): Disclosure => {
      const model: Disclosure = { schemaVersion: 1, unit: { name, year }, document: { profile: 'shandong-12', amountUnit: '万元' }, forms: f as Forms, performance };
      // Plain JSON data, as a model read from a file is (fast-check builds some records without a prototype).
      return JSON.parse(JSON.stringify(model)) as Disclosure;
    });
  });
}
