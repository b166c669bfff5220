/**
 * extract(): the 底稿 behind a disclosure, the inverse of compose() where the
 * published figures determine the typed ones.
 *
 * Recovered exactly from a consistent model: the 项 lines of the fiscal funds
 * (表五/表八/表九 give 人员, 公用, 项目 per code; 表二 minus them gives 结转下年);
 * the lines of the other sources where each column of 表十/表十一 (财政专户,
 * 单位资金, 结余, 上年结转) pins them, e.g. one non-fiscal source per code, or
 * sources of different columns used by one code only; basic expenditure by
 * economic pair (表十, 表六); projects (表十一; projects without money from the
 * performance tables); procurement by code and source (表十二); 三公经费;
 * performance targets; the narrative inputs (previous-year figures from the
 * stated changes, key-evaluation projects, notes and texts that differ from
 * the generated ones).
 *
 * Not published, hence not recoverable, and reported as input/not-recoverable
 * (the allocation chosen reproduces every published figure):
 * - how a code's non-fiscal basic/project/结转 amounts split between sources
 *   that the columns do not tell apart (source-split);
 * - how a column's basic expenditure splits into 人员/公用 by code and source
 *   when it lies under several of them (kind-split);
 * - how 单位资金 splits into 事业收入, 经营收入, 其他收入, 上级补助, 附属单位上缴
 *   in 表十, 表十一 and 表十二 when several are used (unit-funds-split);
 * - the 货物/工程/服务 category of each procurement row when more than one row
 *   and category are involved (procurement-category);
 * - figures that have no place in the 底稿 (表一 对附属单位补助 / 上缴上级,
 *   表四 上年结转), an empty form without a note, a 公务用车 subtotal without
 *   its two items, performance-table funds that differ from the project, and
 *   anything where the forms disagree (total-mismatch).
 * Allocations are made in order (north-west corner rule), never proportionally.
 */
import { Amount } from '../amount/amount.js';
import type { Diagnostic, Location } from '../diagnostics/types.js';
import { COLUMN_LABELS, FORM_IDS, type ColumnKey, type FormId } from '../model/columns.js';
import { canonicalAmount, type CodedForm, type Disclosure, type EconomicForm, type NarrativeFigure } from '../model/schema.js';
import { compose, defaultNote, formName, groupedColumn } from './compose.js';
import type { InputMessageId } from './messages.js';
import {
  basicKindOf,
  BUDGET_SOURCES,
  DEFAULT_SOURCE_GROUPING,
  FISCAL_FUNDS,
  FREE_TEXT_SECTIONS,
  LINE_AMOUNT_KEYS,
  PROCUREMENT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  type BasicLine,
  type BudgetInput,
  type BudgetSource,
  type InputLine,
  type InputProject,
  type ProcurementCategory,
  type ProcurementLine,
  type SourceAmounts,
  type SourceGrouping,
} from './schema.js';
import { northWest, northWestCapped } from './split.js';

export interface ExtractResult {
  readonly input: BudgetInput;
  /** What the model does not determine (ruleId input/not-recoverable). */
  readonly diagnostics: Diagnostic[];
}

export interface ExtractOptions {
  readonly grouping?: SourceGrouping;
}

/** The values of any row: column key → canonical amount. */
type Values = object | undefined;

function cell(values: Values, key: string): string | undefined {
  return values === undefined ? undefined : (values as Readonly<Record<string, string | undefined>>)[key];
}

function amt(values: Values, key: string): Amount {
  const s = cell(values, key);
  return s === undefined ? Amount.ZERO : Amount.of(s);
}

function canonicalOrUndefined(a: Amount): string | undefined {
  return a.isZero() ? undefined : canonicalAmount(a);
}

const ITEM = /^2[0-9]{6}$/;
const ROLLUP = /^2[0-9]{2}([0-9]{2})?$/;
const DEPARTMENT_ITEM = /^3[0-9]{4}$/;
const GOVERNMENT_ITEM = /^5[0-9]{4}$/;
const ECONOMIC_CLASS = /^[35][0-9]{2}$/;
const COUNT = /^(0|[1-9][0-9]*)$/;

const NON_FISCAL: readonly BudgetSource[] = BUDGET_SOURCES.filter((s) => s !== 'gpb' && s !== 'gfb' && s !== 'soc');

interface LineDraft {
  personnel: Amount;
  publicUse: Amount;
  /** Non-fiscal basic expenditure whose 人员/公用 split is still to be made. */
  basic: Amount;
  project: Amount;
  carryForward: Amount;
}

function emptyDraft(): LineDraft {
  return { personnel: Amount.ZERO, publicUse: Amount.ZERO, basic: Amount.ZERO, project: Amount.ZERO, carryForward: Amount.ZERO };
}

class Extractor {
  readonly diagnostics: Diagnostic[] = [];
  readonly #model: Disclosure;
  readonly #g: SourceGrouping;

  constructor(model: Disclosure, options: ExtractOptions) {
    this.#model = model;
    this.#g = options.grouping ?? DEFAULT_SOURCE_GROUPING;
  }

  #diag(messageId: InputMessageId, data: Record<string, string>, location: Location, numbers: { expected?: Amount; actual?: Amount } = {}, severity: Diagnostic['severity'] = 'warning'): void {
    this.diagnostics.push({
      ruleId: 'input/not-recoverable',
      severity,
      messageId,
      // The numbers are in the data too, for renderers that fill templates from data alone.
      data: { ...data, ...(numbers.expected ? { expected: canonicalAmount(numbers.expected) } : {}), ...(numbers.actual ? { actual: canonicalAmount(numbers.actual) } : {}) },
      location,
      ...(numbers.expected ? { expected: canonicalAmount(numbers.expected) } : {}),
      ...(numbers.actual ? { actual: canonicalAmount(numbers.actual) } : {}),
    });
  }

  #mismatch(form: FormId | 'N', key: string, expected: Amount, actual: Amount, columnKey?: string): void {
    this.#diag('total-mismatch', { form: form === 'N' ? '说明' : formName(form), key }, { form, rowKey: key, ...(columnKey ? { columnKey } : {}) }, { expected, actual });
  }

  extract(): BudgetInput {
    const m = this.#model;
    const f = m.forms;
    const g = this.#g;
    const rowsOf = (form: CodedForm | undefined) => {
      const map = new Map<string, CodedForm['rows'][number]>();
      for (const r of form?.rows ?? []) if (!map.has(r.code)) map.set(r.code, r);
      return map;
    };
    const t02 = rowsOf(f.T02);
    const t03 = rowsOf(f.T03);
    const fundRows = { gpb: rowsOf(f.T05), gfb: rowsOf(f.T08), soc: rowsOf(f.T09) };
    const t12 = rowsOf(f.T12);
    const codedForms = [f.T03, f.T02, f.T05, f.T08, f.T09, f.T12];

    // Names: the first name any coded form prints for a code.
    const names = new Map<string, string>();
    for (const form of codedForms) for (const r of form?.rows ?? []) if (r.name !== '' && !names.has(r.code)) names.set(r.code, r.name);

    const itemCodes = [...new Set([t02, t03, fundRows.gpb, fundRows.gfb, fundRows.soc].flatMap((rows) => [...rows.keys()]))].filter((c) => ITEM.test(c)).sort();

    // Lines: fiscal funds from their forms, the rest from 表二 and 表三.
    const drafts = new Map<string, Map<BudgetSource, LineDraft>>();
    const rests = new Map<string, Amount[]>();
    for (const code of itemCodes) {
      const bySource = new Map<BudgetSource, LineDraft>();
      drafts.set(code, bySource);
      const revenue = t02.get(code)?.values;
      let fiscalBasic = Amount.ZERO;
      let fiscalProject = Amount.ZERO;
      let fiscalCarry = Amount.ZERO;
      for (const fund of FISCAL_FUNDS) {
        const v = fundRows[fund].get(code)?.values;
        const d = emptyDraft();
        d.personnel = amt(v, 'personnel');
        d.publicUse = amt(v, 'publicUse');
        d.project = amt(v, 'project');
        const basic = amt(v, 'basic');
        if (cell(v, 'basic') !== undefined && !basic.equals(d.personnel.plus(d.publicUse))) {
          this.#mismatch(fund === 'gpb' ? 'T05' : fund === 'gfb' ? 'T08' : 'T09', code, basic, d.personnel.plus(d.publicUse), 'basic');
        }
        const spent = d.personnel.plus(d.publicUse).plus(d.project);
        d.carryForward = f.T02 === undefined ? Amount.ZERO : amt(revenue, fund).minus(spent);
        if (d.carryForward.isNegative()) this.#mismatch('T02', code, spent, amt(revenue, fund), fund);
        fiscalBasic = fiscalBasic.plus(d.personnel).plus(d.publicUse);
        fiscalProject = fiscalProject.plus(d.project);
        fiscalCarry = fiscalCarry.plus(d.carryForward);
        bySource.set(fund, d);
      }
      const v03 = t03.get(code)?.values;
      rests.set(code, [amt(v03, 'basic').minus(fiscalBasic), amt(v03, 'project').minus(fiscalProject), amt(v03, 'carryForward').minus(fiscalCarry)]);
    }

    // Non-fiscal sources: each code's 基本/项目/结转 split by source, guided by what
    // 表十 (基本) and 表十一 (项目) publish per column group.
    const columnOf = (s: BudgetSource) => groupedColumn(s, g) ?? s;
    const groupRevenue = new Map<string, Amount>();
    const groupCodes = new Map<string, Set<string>>();
    for (const code of itemCodes) {
      for (const s of NON_FISCAL) {
        const r = amt(t02.get(code)?.values, s);
        if (r.isZero()) continue;
        groupRevenue.set(columnOf(s), (groupRevenue.get(columnOf(s)) ?? Amount.ZERO).plus(r));
        const set = groupCodes.get(columnOf(s)) ?? new Set<string>();
        set.add(code);
        groupCodes.set(columnOf(s), set);
      }
    }
    const t10Total = (column: string) => (f.T10 && f.T10.rows.length > 0 ? Amount.sum(f.T10.rows.filter((r) => DEPARTMENT_ITEM.test(r.department.code)).map((r) => amt(r.values, column))) : undefined);
    const t11Total = (column: string) => (f.T11 && f.T11.rows.length > 0 ? Amount.sum(f.T11.rows.map((r) => amt(r.values, column))) : undefined);
    const budgets = new Map<string, (Amount | undefined)[]>();
    for (const [column, revenue] of groupRevenue) {
      const basic = t10Total(column) ?? (f.T10 ? Amount.ZERO : undefined);
      const project = t11Total(column) ?? (f.T11 ? Amount.ZERO : undefined);
      budgets.set(column, [basic, project, basic !== undefined && project !== undefined ? revenue.minus(basic).minus(project) : undefined]);
    }
    for (const code of itemCodes) {
      const revenue = t02.get(code)?.values;
      const rest = rests.get(code) ?? [];
      const bySource = drafts.get(code);
      const sources = NON_FISCAL.filter((s) => !amt(revenue, s).isZero());
      if (sources.length === 0) {
        if (!rest.every((a) => a.isZero())) this.#mismatch('T03', code, Amount.ZERO, Amount.sum(rest));
        continue;
      }
      const split = northWestCapped(
        sources.map((s) => amt(revenue, s)),
        rest,
        sources.map((s) => budgets.get(columnOf(s)) ?? []),
      );
      split.cells.forEach((row, i) => {
        const budget = budgets.get(columnOf(sources[i] as BudgetSource));
        if (budget) row.forEach((a, j) => (budget[j] = budget[j]?.minus(a)));
      });
      const groups = sources.map(columnOf);
      const forced =
        split.withinCaps &&
        new Set(groups).size === groups.length &&
        groups.every((c) => groupCodes.get(c)?.size === 1 && (budgets.get(c) ?? []).every((b) => b !== undefined && b.isZero()));
      if (!split.exact) this.#mismatch('T03', code, Amount.sum(rest), Amount.sum(sources.map((s) => amt(revenue, s))));
      if (!split.unique && !forced) this.#diag('source-split', { code }, { form: 'T02', rowKey: code });
      sources.forEach((s, i) => {
        const cells = split.cells[i] ?? [];
        const d = emptyDraft();
        d.basic = cells[0] ?? Amount.ZERO;
        d.project = cells[1] ?? Amount.ZERO;
        d.carryForward = cells[2] ?? Amount.ZERO;
        bySource?.set(s, d);
      });
    }

    // 人员/公用 of non-fiscal basic expenditure, from the economic classes of 表十.
    const t10Items = (f.T10?.rows ?? []).filter((r) => DEPARTMENT_ITEM.test(r.department.code));
    const nonFiscalColumns = [...new Set(NON_FISCAL.map((s) => groupedColumn(s, g)).filter((c): c is ColumnKey => c !== undefined))];
    for (const column of nonFiscalColumns) {
      const cells: LineDraft[] = [];
      for (const code of itemCodes) {
        for (const [s, d] of drafts.get(code) ?? []) if (groupedColumn(s, g) === column && !d.basic.isZero()) cells.push(d);
      }
      if (cells.length === 0) continue;
      const byKind = (kind: 'personnel' | 'publicUse') => Amount.sum(t10Items.filter((r) => basicKindOf(r.department.code) === kind).map((r) => amt(r.values, column)));
      const split = northWest(
        cells.map((d) => d.basic),
        [byKind('personnel'), byKind('publicUse')],
      );
      if (!split.exact) this.#mismatch('T10', COLUMN_LABELS[column], Amount.sum(cells.map((d) => d.basic)), byKind('personnel').plus(byKind('publicUse')), column);
      if (!split.unique) this.#diag('kind-split', { column: COLUMN_LABELS[column] }, { form: 'T10', columnKey: column });
      cells.forEach((d, i) => {
        d.personnel = split.cells[i]?.[0] ?? Amount.ZERO;
        d.publicUse = split.cells[i]?.[1] ?? Amount.ZERO;
        d.basic = Amount.ZERO;
      });
    }

    const lines: InputLine[] = [];
    for (const code of itemCodes) {
      for (const s of BUDGET_SOURCES) {
        const d = drafts.get(code)?.get(s);
        if (!d || LINE_AMOUNT_KEYS.every((k) => d[k].isZero())) continue;
        const name = names.get(code);
        const line: InputLine = { code, ...(name === undefined ? {} : { name }), source: s };
        for (const k of LINE_AMOUNT_KEYS) {
          const v = canonicalOrUndefined(d[k]);
          if (v !== undefined) line[k] = v;
        }
        lines.push(line);
      }
    }
    const lineTotal = (s: BudgetSource, k: 'personnel' | 'publicUse' | 'project'): Amount =>
      Amount.sum(itemCodes.map((c) => drafts.get(c)?.get(s)?.[k] ?? Amount.ZERO));

    const subjects = [...names.entries()]
      .filter(([code]) => ROLLUP.test(code))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, name]) => ({ code, name }));

    const projects = this.#projects(lineTotal);
    this.#checkFunds(projects);

    const input: BudgetInput = {
      unit: {
        name: m.unit.name,
        year: m.unit.year,
        ...(m.unit.kind === undefined ? {} : { kind: m.unit.kind }),
        ...(m.unit.department === undefined ? {} : { department: m.unit.department }),
      },
      document: { ...(m.document.title === undefined ? {} : { title: m.document.title }), amountUnit: m.document.amountUnit },
      lines,
      subjects,
      basic: this.#basic(t10Items, lineTotal),
      economicSubjects: this.#economicSubjects(),
      projects,
      threePublic: this.#threePublic(),
      procurement: this.#procurement(t12, drafts),
      performance: m.performance.map((p) => ({
        project: p.project,
        ...(p.department === undefined ? {} : { department: p.department }),
        ...(p.implementer === undefined ? {} : { implementer: p.implementer }),
        ...(p.target === undefined ? {} : { target: p.target }),
        indicators: p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, level3: i.level3, value: i.value.text })),
      })),
      narrative: this.#narrative(),
    };
    return this.#withTexts(input);
  }

  /** Section texts the generator would not write as published are kept as typed texts. */
  #withTexts(input: BudgetInput): BudgetInput {
    const generated = compose(input, { grouping: this.#g }).model.narrative?.sections ?? [];
    const texts = { ...input.narrative.texts };
    for (const s of this.#model.narrative?.sections ?? []) {
      if (s.text === undefined || s.text === '' || texts[s.key] !== undefined) continue;
      if (generated.find((x) => x.key === s.key)?.text !== s.text) texts[s.key] = s.text;
    }
    return { ...input, narrative: { ...input.narrative, texts } };
  }

  /** Basic expenditure by economic pair and source, from 表十 (表六 for 一般公共预算 when 表十 is empty). */
  #basic(t10Items: EconomicForm['rows'], lineTotal: (s: BudgetSource, k: 'personnel' | 'publicUse') => Amount): BasicLine[] {
    const g = this.#g;
    const t06Items = (this.#model.forms.T06?.rows ?? []).filter((r) => DEPARTMENT_ITEM.test(r.department.code));
    const parts: { row: number; source: BudgetSource; amount: Amount; of: EconomicForm['rows'][number] }[] = [];
    const useT06 = t10Items.length === 0 && t06Items.length > 0;
    const items = useT06 ? t06Items : t10Items;
    items.forEach((r, row) => {
      for (const s of BUDGET_SOURCES) {
        if (g.unitFunds.includes(s)) continue;
        let a: Amount;
        if (useT06) a = s === 'gpb' ? (cell(r.values, 'basic') !== undefined ? amt(r.values, 'basic') : amt(r.values, 'personnel').plus(amt(r.values, 'publicUse'))) : Amount.ZERO;
        else {
          const col = groupedColumn(s, g);
          a = col === undefined ? Amount.ZERO : amt(r.values, col);
        }
        if (!a.isZero()) parts.push({ row, source: s, amount: a, of: r });
      }
    });
    if (!useT06) {
      for (const kind of ['personnel', 'publicUse'] as const) {
        const rows = t10Items.map((r, row) => ({ r, row })).filter(({ r }) => basicKindOf(r.department.code) === kind && !amt(r.values, 'unitFunds').isZero());
        if (rows.length === 0) continue;
        const columns = g.unitFunds.map((s) => lineTotal(s, kind));
        const split = northWest(
          rows.map(({ r }) => amt(r.values, 'unitFunds')),
          columns,
        );
        if (!split.exact) this.#mismatch('T10', COLUMN_LABELS.unitFunds, Amount.sum(columns), Amount.sum(rows.map(({ r }) => amt(r.values, 'unitFunds'))), 'unitFunds');
        if (!split.unique) this.#diag('unit-funds-split', { form: formName('T10'), key: COLUMN_LABELS[kind] }, { form: 'T10', columnKey: 'unitFunds' });
        rows.forEach(({ r, row }, i) => {
          g.unitFunds.forEach((s, j) => {
            const a = split.cells[i]?.[j] ?? Amount.ZERO;
            if (!a.isZero()) parts.push({ row, source: s, amount: a, of: r });
          });
        });
      }
    }
    const order = (s: BudgetSource) => BUDGET_SOURCES.indexOf(s);
    parts.sort((a, b) => a.row - b.row || order(a.source) - order(b.source));
    return parts.map(({ of, source, amount }) => {
      const gov = of.government;
      const government = gov && GOVERNMENT_ITEM.test(gov.code) ? { code: gov.code, ...(gov.name === '' ? {} : { name: gov.name }) } : undefined;
      return {
        department: { code: of.department.code, ...(of.department.name === '' ? {} : { name: of.department.name }) },
        ...(government ? { government } : {}),
        source,
        amount: canonicalAmount(amount),
      };
    });
  }

  #economicSubjects(): BudgetInput['economicSubjects'] {
    const names = new Map<string, string>();
    for (const form of [this.#model.forms.T10, this.#model.forms.T06]) {
      for (const r of form?.rows ?? []) {
        for (const side of [r.department, r.government]) {
          if (side && ECONOMIC_CLASS.test(side.code) && side.name !== '' && !names.has(side.code)) names.set(side.code, side.name);
        }
      }
    }
    return [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, name]) => ({ code, name }));
  }

  #projects(lineTotal: (s: BudgetSource, k: 'project') => Amount): InputProject[] {
    const g = this.#g;
    const rows = this.#model.forms.T11?.rows ?? [];
    const columns = g.unitFunds.map((s) => lineTotal(s, 'project'));
    const split = northWest(
      rows.map((r) => amt(r.values, 'unitFunds')),
      columns,
    );
    const unitFundsTotal = Amount.sum(rows.map((r) => amt(r.values, 'unitFunds')));
    if (!unitFundsTotal.isZero() || !Amount.sum(columns).isZero()) {
      if (!split.exact) this.#mismatch('T11', COLUMN_LABELS.unitFunds, Amount.sum(columns), unitFundsTotal, 'unitFunds');
      if (!split.unique) this.#diag('unit-funds-split', { form: formName('T11'), key: COLUMN_LABELS.project }, { form: 'T11', columnKey: 'unitFunds' });
    }
    // Projects without money are not listed in 表十一; performance tables and key-evaluation lists still name them.
    const named = [...this.#model.performance.map((p) => p.project), ...(this.#model.narrative?.keyProjects ?? [])];
    const unlisted = named.filter((name) => !rows.some((r) => r.name === name)).map((name): InputProject => ({ name, amounts: {} }));
    const listed = rows.map((r, i) => {
      const amounts: SourceAmounts = {};
      for (const s of BUDGET_SOURCES) {
        let a: Amount;
        const j = g.unitFunds.indexOf(s);
        if (j >= 0) a = split.cells[i]?.[j] ?? Amount.ZERO;
        else {
          const col = groupedColumn(s, g);
          a = col === undefined ? Amount.ZERO : amt(r.values, col);
        }
        const v = canonicalOrUndefined(a);
        if (v !== undefined) amounts[s] = v;
      }
      return { name: r.name, ...(r.type === undefined || r.type === '' ? {} : { type: r.type }), amounts };
    });
    return [...listed, ...unlisted.filter((p, i) => unlisted.findIndex((q) => q.name === p.name) === i)];
  }

  /** Performance-table funds are computed from the project; report tables whose printed funds differ. */
  #checkFunds(projects: readonly InputProject[]): void {
    const g = this.#g;
    for (const p of this.#model.performance) {
      const project = projects.find((x) => x.name === p.project);
      if (!project) continue;
      const total = Amount.sum(BUDGET_SOURCES.map((s) => amt(project.amounts, s)));
      const fiscal = Amount.sum(g.fiscal.map((s) => amt(project.amounts, s)));
      const expected = { total, fiscal, other: total.minus(fiscal) };
      for (const [key, zh, en] of [
        ['total', '年度预算资金总额', 'total funds'],
        ['fiscal', '财政拨款', 'fiscal funds'],
        ['other', '其他资金', 'other funds'],
      ] as const) {
        const printed = p.funds[key];
        if (printed === undefined || Amount.of(printed).equals(expected[key])) continue;
        this.#diag('funds-mismatch', { project: p.project, columnZh: zh, columnEn: en }, { form: 'P', project: p.project, columnKey: key }, { expected: expected[key], actual: Amount.of(printed) });
      }
    }
  }

  #threePublic(): BudgetInput['threePublic'] {
    const t07 = this.#model.forms.T07;
    const year = this.#model.unit.year;
    const side = (values: Values, y: number): BudgetInput['threePublic']['previous'] => {
      const out: BudgetInput['threePublic']['previous'] = {};
      for (const k of THREE_PUBLIC_ITEMS) {
        const v = canonicalOrUndefined(amt(values, k));
        if (v !== undefined) out[k] = v;
      }
      const vehicle = amt(values, 'vehicle');
      const items = amt(values, 'vehiclePurchase').plus(amt(values, 'vehicleOperation'));
      if (cell(values, 'vehicle') !== undefined && !vehicle.equals(items)) {
        this.#diag('vehicle-split', { year: String(y) }, { form: 'T07', columnKey: 'vehicle' }, { expected: vehicle, actual: items });
        const operation = canonicalOrUndefined(vehicle.minus(amt(values, 'vehiclePurchase')));
        if (operation === undefined) delete out.vehicleOperation;
        else out.vehicleOperation = operation;
      }
      return out;
    };
    return { previous: side(t07?.previous, year - 1), current: side(t07?.current, year) };
  }

  #procurement(t12: ReadonlyMap<string, CodedForm['rows'][number]>, drafts: ReadonlyMap<string, ReadonlyMap<BudgetSource, LineDraft>>): ProcurementLine[] {
    const g = this.#g;
    const columns: ColumnKey[] = ['gpb', 'gfb', 'soc', 'specialAccount', 'unitFunds', 'nonFiscalSurplus', 'carryOver'];
    const cells: { code: string; source: BudgetSource; amount: Amount; row: Values }[] = [];
    for (const [code, r] of t12) {
      if (!ITEM.test(code)) continue;
      for (const col of columns) {
        const a = amt(r.values, col);
        if (a.isZero()) continue;
        let source: BudgetSource | undefined;
        if (col === 'unitFunds') {
          const spending = g.unitFunds.filter((s) => {
            const d = drafts.get(code)?.get(s);
            return d !== undefined && !d.personnel.plus(d.publicUse).plus(d.project).isZero();
          });
          source = spending[0] ?? g.unitFunds[0];
          if (spending.length !== 1) this.#diag('unit-funds-split', { form: formName('T12'), key: code }, { form: 'T12', rowKey: code, columnKey: 'unitFunds' });
        } else source = BUDGET_SOURCES.find((s) => s === col);
        if (source !== undefined) cells.push({ code, source, amount: a, row: r.values });
      }
    }
    if (cells.length === 0) return [];
    const byRow = [...t12.values()].some((r) => ['goods', 'works', 'services'].some((k) => cell(r.values, k) !== undefined));
    const out: ProcurementLine[] = [];
    const emit = (cell: (typeof cells)[number], split: readonly Amount[]) => {
      PROCUREMENT_CATEGORIES.forEach((category: ProcurementCategory, j) => {
        const a = split[j] ?? Amount.ZERO;
        if (!a.isZero()) out.push({ code: cell.code, source: cell.source, category, amount: canonicalAmount(a) });
      });
    };
    if (byRow) {
      for (const code of new Set(cells.map((c) => c.code))) {
        const own = cells.filter((c) => c.code === code);
        const row = own[0]?.row;
        const split = northWest(
          own.map((c) => c.amount),
          [amt(row, 'goods'), amt(row, 'works'), amt(row, 'services')],
        );
        if (!split.exact) this.#mismatch('T12', code, Amount.sum(own.map((c) => c.amount)), amt(row, 'goods').plus(amt(row, 'works')).plus(amt(row, 'services')));
        if (!split.unique) this.#diag('procurement-category', {}, { form: 'T12', rowKey: code });
        own.forEach((c, i) => emit(c, split.cells[i] ?? []));
      }
      return out;
    }
    const figures = this.#figures();
    const categoryTotals = (['procurement.goods', 'procurement.works', 'procurement.services'] as const).map((k) => {
      const fig = figures.get(k);
      return fig ? Amount.of(fig.value) : Amount.ZERO;
    });
    const split = northWest(
      cells.map((c) => c.amount),
      categoryTotals,
    );
    if (!split.exact) this.#mismatch('N', '政府采购', Amount.sum(cells.map((c) => c.amount)), Amount.sum(categoryTotals));
    if (!split.unique) this.#diag('procurement-category', {}, { form: 'T12' });
    cells.forEach((c, i) => emit(c, split.cells[i] ?? []));
    return out;
  }

  #figures(): Map<string, NarrativeFigure> {
    const map = new Map<string, NarrativeFigure>();
    for (const fig of this.#model.narrative?.figures ?? []) if (!map.has(fig.key)) map.set(fig.key, fig);
    return map;
  }

  #narrative(): BudgetInput['narrative'] {
    const m = this.#model;
    const f = m.forms;
    const n = m.narrative;
    const figures = this.#figures();
    const signed = (key: string): Amount | undefined => {
      const fig = figures.get(key);
      if (!fig) return undefined;
      const a = Amount.of(fig.value);
      return fig.direction === '减少' ? a.abs().negate() : a;
    };
    const income = (key: string) => amt(f.T01?.income.find((r) => r.key === key)?.values, 'amount');
    const previous: BudgetInput['narrative']['previous'] = {};
    const before = (current: Amount, change: Amount | undefined): string | undefined => (change === undefined ? undefined : canonicalAmount(current.minus(change)));
    const budget = figures.get('change.budget');
    const total = before(budget ? Amount.of(budget.value) : income('grandTotal'), signed('change.total')) ?? m.previousYear?.total;
    if (total !== undefined) previous.total = total;
    const set = (key: 'gpb' | 'gfb' | 'basic' | 'project', v: string | undefined) => {
      if (v !== undefined) previous[key] = v;
    };
    set('gpb', before(income('gpb'), signed('change.revenue.gpb')));
    set('gfb', before(income('gfb'), signed('change.revenue.gfb')));
    set('basic', before(amt(f.T03?.total?.values, 'basic'), signed('change.expense.basic')));
    set('project', before(amt(f.T03?.total?.values, 'project'), signed('change.expense.project')));

    const assets: BudgetInput['narrative']['assets'] = {};
    for (const [key, field] of [
      ['assets.vehicles', 'vehicles'],
      ['assets.generalEquipment', 'generalEquipment'],
      ['assets.specialEquipment', 'specialEquipment'],
    ] as const) {
      const v = figures.get(key)?.value;
      if (v !== undefined && COUNT.test(v)) assets[field] = v;
    }
    const operatingCost = figures.get('operatingCost')?.value;

    const notes: BudgetInput['narrative']['notes'] = {};
    const unit = { name: m.unit.name, year: m.unit.year };
    for (const id of FORM_IDS) {
      const form = f[id];
      if (!form) continue;
      const empty = this.#isEmpty(id);
      const fallback = empty ? defaultNote(id, unit) : undefined;
      if (form.note !== undefined && form.note !== '' && form.note !== fallback) notes[id] = form.note;
      if (form.note === undefined && fallback !== undefined) this.#diag('missing-note', { form: formName(id) }, { form: id }, {}, 'info');
    }

    for (const [key, label] of [
      ['subsidyToAffiliates', '对附属单位的补助支出'],
      ['remitToSuperior', '上缴上级支出'],
    ] as const) {
      const a = amt(f.T01?.expense.find((r) => r.key === key)?.values, 'amount');
      if (!a.isZero()) this.#diag('not-representable', { form: formName('T01'), key: label }, { form: 'T01', rowKey: key }, { actual: a });
    }
    const t04CarryOver = amt(f.T04?.income.find((r) => r.key === 'carryOver')?.values, 'amount');
    if (!t04CarryOver.isZero()) this.#diag('not-representable', { form: formName('T04'), key: '上年结转' }, { form: 'T04', rowKey: 'carryOver' }, { actual: t04CarryOver });

    const texts: BudgetInput['narrative']['texts'] = {};
    for (const k of FREE_TEXT_SECTIONS) {
      const t = n?.sections.find((s) => s.key === k)?.text;
      if (t !== undefined && t !== '') texts[k] = t;
    }

    return {
      previous,
      ...(n?.changeReasons === undefined || n.changeReasons === '' ? {} : { changeReasons: n.changeReasons }),
      ...(operatingCost === undefined ? {} : { operatingCost: canonicalAmount(Amount.of(operatingCost)) }),
      ...(n?.assetDate === undefined ? {} : { assetDate: n.assetDate }),
      assets,
      keyProjects: this.#keyProjects(figures),
      notes,
      texts,
    };
  }

  #isEmpty(id: FormId): boolean {
    const f = this.#model.forms;
    if (id === 'T01' || id === 'T04') {
      const t = f[id];
      return [...(t?.income ?? []), ...(t?.expense ?? [])].every((r) => Object.keys(r.values).length === 0);
    }
    if (id === 'T07') {
      const t = f.T07;
      return Object.keys(t?.previous ?? {}).length === 0 && Object.keys(t?.current ?? {}).length === 0;
    }
    return (f[id]?.rows.length ?? 0) === 0;
  }

  /**
   * The projects chosen for key evaluation (部门重点绩效评价), in the order named:
   * as the model records them, else the project names in the sentence of the
   * performance section that mentions them, or the cited projects, whichever
   * matches the stated count.
   */
  #keyProjects(figures: ReadonlyMap<string, NarrativeFigure>): string[] {
    const expected = figures.get('performance.keyProjects')?.value;
    const n = this.#model.narrative;
    const known = new Set([...(this.#model.forms.T11?.rows ?? []).map((r) => r.name), ...this.#model.performance.map((p) => p.project)]);
    const text = n?.sections.find((s) => s.key === 'performance')?.text ?? '';
    const sentence = text.split(/[。；;]/).find((s) => s.includes('重点绩效评价') || s.includes('重点评价')) ?? '';
    const inText = namesIn(sentence, [...known]);
    const cited = (n?.projectsCited ?? []).filter((p) => known.has(p));
    const count = expected === undefined ? undefined : Number(expected);
    const result = n?.keyProjects ?? [inText, cited].find((c) => c.length === count) ?? (expected === undefined ? [] : inText);
    if (expected !== undefined && Number(expected) !== result.length) {
      this.#diag('key-projects', { expected, actual: String(result.length) }, { form: 'N', rowKey: 'performance.keyProjects' });
    }
    return result;
  }
}

/** Names occurring in a text, longest first where they overlap, in the order they occur. */
function namesIn(text: string, names: readonly string[]): string[] {
  const taken: [number, number][] = [];
  const found: { name: string; at: number }[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    for (let from = 0; ; ) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + name.length;
      if (taken.some(([a, b]) => at < b && at + name.length > a)) continue;
      taken.push([at, at + name.length]);
      found.push({ name, at });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map((x) => x.name);
}

/** The 底稿 behind a disclosure, with diagnostics for what the disclosure does not determine. */
export function extractInput(model: Disclosure, options: ExtractOptions = {}): ExtractResult {
  const x = new Extractor(model, options);
  const input = x.extract();
  return { input, diagnostics: x.diagnostics };
}

/** The 底稿 behind a disclosure (see extractInput for what cannot be recovered). */
export function extract(model: Disclosure): BudgetInput {
  return extractInput(model).input;
}
