/**
 * 第三部分 说明 as text: six numbered sections of paragraphs, worded like the
 * reference disclosure (`data/reference/000_4b2f979ab54e32ae.txt`, lines
 * 294–335), amounts with thousands separators (10,351.24万元).
 *
 * Figures come from the tables and the narrative's fields (figures.ts); what
 * only the unit can say is kept as the unit wrote it: the reasons for the
 * change against last year (`narrative.changeReasons`) and the section on
 * state-owned assets (`国有资产占有使用情况`, whose counts and remarks no table
 * holds). Every other sentence is generated, so a narrative never quotes a
 * figure the tables do not have.
 */
import { Amount } from '../amount/amount.js';
import type { Lang } from '../model/paths.js';
import type { Disclosure } from '../model/schema.js';
import { changeBetween, narrativeFigures, type Change, type Direction, type IncomePart, type NarrativeFigures } from './figures.js';

/** The sections of 第三部分 the generator writes, in published order. */
export const NARRATIVE_SECTION_KEYS = ['change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance'] as const;
export type NarrativeSectionKey = (typeof NARRATIVE_SECTION_KEYS)[number];

export interface NarrativeParagraph {
  readonly text: string;
  /** `generated`: written from the tables and narrative fields; `unit`: the unit's own words, kept. */
  readonly origin: 'generated' | 'unit';
}

export interface NarrativeSection {
  readonly key: NarrativeSectionKey;
  /** The numbered heading as published: `一、预算收支增减变化情况说明`. */
  readonly heading: string;
  /** The heading without its number (SECTION_TITLES in Chinese). */
  readonly title: string;
  readonly paragraphs: readonly NarrativeParagraph[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

const TITLES: Readonly<Record<NarrativeSectionKey, readonly [zh: string, en: string]>> = {
  change: ['预算收支增减变化情况说明', 'Changes in the budget'],
  threePublic: ['“三公”经费支出情况', 'Official travel abroad, vehicles and reception (“三公”经费)'],
  operatingCost: ['机关运行经费情况', 'Operating costs of the organ (机关运行经费)'],
  procurement: ['政府采购情况', 'Government procurement'],
  assets: ['国有资产占有使用情况', 'State-owned assets'],
  performance: ['绩效目标情况说明', 'Performance targets'],
};

/** `2024年部门预算情况和重要事项说明`: the heading of 第三部分. */
export function narrativeTitle(model: Disclosure, lang: Lang = 'zh-CN'): string {
  return lang === 'en' ? `Notes on the ${model.unit.year} departmental budget` : `${model.unit.year}年部门预算情况和重要事项说明`;
}

// ---------------------------------------------------------------------------
// Wording

interface Words {
  money(a: Amount): string;
  intro(): string;
  revenue(f: NarrativeFigures): string;
  expense(f: NarrativeFigures): string;
  changeHead(f: NarrativeFigures): string;
  changeRevenue(f: NonNullable<NarrativeFigures['change']>): string;
  changeExpense(f: NonNullable<NarrativeFigures['change']>): string;
  reasons(n: number | undefined, text: string): string;
  threePublic(f: NarrativeFigures): string;
  operatingCost(f: NarrativeFigures): string;
  procurement(f: NarrativeFigures): string;
  assets(f: NarrativeFigures): string[];
  performance(f: NarrativeFigures): string;
}

/** 2023-12-31 → 2023, 12, 31. */
function isoDate(iso: string): { y: string; m: string; d: string } {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { y, m: String(Number(m)), d: String(Number(d)) };
}

function zh(unit: string): Words {
  const w: Words = {
    money: (a) => `${a.format()}${unit}`,
    intro: () => '按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理，部门本级和所属单位的收入和支出均包含在部门预算中。',
    revenue(f) {
      const parts = f.revenue.parts.map((p) => `${INCOME_NAMES[p.key][0]}${w.money(p.amount)}`);
      return `（一）收入预算：${f.year}年收入预算${w.money(f.revenue.total)}${parts.length > 0 ? `，其中：${parts.join('，')}` : ''}。`;
    },
    expense(f) {
      const parts = f.expense.parts.map((p) => `${EXPENSE_NAMES[p.key][0]}${w.money(p.amount)}`);
      return `（二）支出预算：${f.year}年支出预算${w.money(f.expense.total)}${parts.length > 0 ? `，其中：${parts.join('，')}` : ''}。`;
    },
    changeHead(f) {
      const head = `（三）增减变化情况：${f.year}年收支预算${w.money(f.revenue.total)}`;
      const c = f.change;
      if (!c) return `${head}。`;
      if (c.total.direction === '持平') return `${head}，与上年预算持平。`;
      return `${head}，较上年预算${c.total.direction}${w.money(c.total.amount)}，其中：`;
    },
    changeRevenue(c) {
      const parts = c.revenueParts.map((p) => `${INCOME_NAMES[p.key][0]}${zhChange({ amount: p.amount, direction: p.direction }, w.money)}`);
      return `收入预算${zhChange(c.revenue, w.money)}${parts.length > 0 ? `，其中：${parts.join('，')}` : ''}。`;
    },
    changeExpense(c) {
      const parts = c.expenseParts.map((p) => `${EXPENSE_NAMES[p.key][0]}${zhChange({ amount: p.amount, direction: p.direction }, w.money)}`);
      return `支出预算${zhChange(c.expense, w.money)}${parts.length > 0 ? `，其中：${parts.join('，')}` : ''}。`;
    },
    reasons: (n, text) => (n === undefined ? text : `${n}. ${text}`),
    threePublic(f) {
      const t = f.threePublic;
      const py = f.previousYear;
      if (t.previous.isZero() && t.current.isZero()) return `${py}年、${f.year}年均未使用一般公共预算拨款安排“三公”经费支出。`;
      if (t.current.isZero()) return `${f.year}年未使用一般公共预算拨款安排“三公”经费支出，较${py}年预算减少${w.money(t.previous)}。`;
      const ch = zhChangeAgainst(changeBetween(t.current, t.previous), `${py}年预算`, w.money);
      const p = t.currentParts;
      return (
        `${f.year}年一般公共预算“三公”经费支出预算${w.money(t.current)}，${ch}。其中：因公出国（境）费${w.money(p.abroad)}，` +
        `公务用车购置及运行维护费${w.money(p.vehicle)}（其中：公务用车购置费${w.money(p.vehiclePurchase)}，公务用车运行维护费${w.money(p.vehicleOperation)}），` +
        `公务接待费${w.money(p.reception)}。`
      );
    },
    operatingCost(f) {
      const op = f.operatingCost;
      const trend = op?.direction === undefined ? '' : op.direction === '持平' ? '，与上年持平' : `，较上年${op.direction}`;
      if (f.kind === '事业') {
        const head = `机关运行经费是指用于维持行政及参照公务员法管理单位机关运行的经费，${f.unitName}部门为事业单位，无机关运行经费。`;
        return op ? `${head}${f.year}年事业运行经费财政拨款预算为${w.money(op.amount)}${trend}。` : head;
      }
      const head = '机关运行经费是指行政单位和参照公务员法管理的事业单位使用一般公共预算安排的基本支出中的日常公用经费。';
      return `${head}${f.year}年${f.unitName}机关运行经费财政拨款预算${w.money(op?.amount ?? Amount.ZERO)}${trend}。`;
    },
    procurement(f) {
      const p = f.procurement;
      if (p.total.isZero() && (!p.parts || Object.values(p.parts).every((a) => a.isZero()))) return `${f.year}年未安排政府采购预算。`;
      const parts = p.parts ? `，其中：政府采购货物预算${w.money(p.parts.goods)}，政府采购工程预算${w.money(p.parts.works)}，政府采购服务预算${w.money(p.parts.services)}` : '';
      return `${f.year}年政府采购预算${w.money(p.total)}${parts}。`;
    },
    assets(f) {
      const a = f.assets;
      const { y, m, d } = isoDate(a.date);
      const at = `截至${y}年${m}月${d}日`;
      const out: string[] = [];
      if (a.vehicles !== undefined) out.push(`${at}，本部门共有车辆${a.vehicles}辆。`);
      const equipment = [
        a.generalEquipment === undefined ? undefined : `单位价值50万元以上通用设备${a.generalEquipment}台（件、套）`,
        a.specialEquipment === undefined ? undefined : `单位价值100万元以上专用设备${a.specialEquipment}台（件、套）`,
      ].filter((s): s is string => s !== undefined);
      if (equipment.length > 0) out.push(`${a.vehicles === undefined ? `${at}，本部门共有` : ''}${equipment.join('，')}。`);
      if (out.length === 0) out.push(`${at}，本部门国有资产占有使用情况未填报。`);
      return out;
    },
    performance(f) {
      const p = f.performance;
      const who = `${f.unitName}部门${f.year}年`;
      if (p.projects === 0) return `${who}没有项目支出，未设定项目绩效目标。`;
      const first = `${who}项目支出全面实施绩效目标管理，涉及预算项目支出${p.projects}个，预算资金${w.money(p.funds)}，其中财政拨款${w.money(p.fiscal)}。`;
      const k = p.keyProjects;
      if (k.length === 0) return first;
      const names = k.length === 1 ? `${k[0] ?? ''}项目` : `${k.slice(0, -1).join('、')}和${k[k.length - 1] ?? ''}等${k.length}个项目`;
      return `${first}拟对${names}开展部门重点绩效评价，涉及预算资金${w.money(p.keyFunds)}，其中财政拨款${w.money(p.keyFiscal)}。`;
    },
  };
  return w;
}

function en(unit: string): Words {
  const w: Words = {
    money: (a) => `${a.format()} ${unit === '元' ? 'yuan' : 'ten thousand yuan'}`,
    intro: () =>
      'Under the principle of comprehensive budgeting, all revenue and expenditure of the department, of its own office and of its subordinate units, are included in the departmental budget.',
    revenue(f) {
      const parts = f.revenue.parts.map((p) => `${INCOME_NAMES[p.key][1]} ${w.money(p.amount)}`);
      return `(1) Revenue: the ${f.year} revenue budget is ${w.money(f.revenue.total)}${parts.length > 0 ? `, of which ${parts.join(', ')}` : ''}.`;
    },
    expense(f) {
      const parts = f.expense.parts.map((p) => `${EXPENSE_NAMES[p.key][1]} ${w.money(p.amount)}`);
      return `(2) Expenditure: the ${f.year} expenditure budget is ${w.money(f.expense.total)}${parts.length > 0 ? `, of which ${parts.join(', ')}` : ''}.`;
    },
    changeHead(f) {
      const head = `(3) Changes: the ${f.year} budget is ${w.money(f.revenue.total)}`;
      const c = f.change;
      if (!c) return `${head}.`;
      if (c.total.direction === '持平') return `${head}, the same as last year.`;
      return `${head}, ${enChange(c.total, w.money)} against last year's budget:`;
    },
    changeRevenue(c) {
      const parts = c.revenueParts.map((p) => `${INCOME_NAMES[p.key][1]} ${enChange({ amount: p.amount, direction: p.direction }, w.money)}`);
      return `revenue ${enChange(c.revenue, w.money)}${parts.length > 0 ? `, of which ${parts.join(', ')}` : ''}.`;
    },
    changeExpense(c) {
      const parts = c.expenseParts.map((p) => `${EXPENSE_NAMES[p.key][1]} ${enChange({ amount: p.amount, direction: p.direction }, w.money)}`);
      return `expenditure ${enChange(c.expense, w.money)}${parts.length > 0 ? `, of which ${parts.join(', ')}` : ''}.`;
    },
    reasons: (n, text) => (n === undefined ? text : `${n}. ${text}`),
    threePublic(f) {
      const t = f.threePublic;
      const py = f.previousYear;
      if (t.previous.isZero() && t.current.isZero()) return `Neither in ${py} nor in ${f.year} is any general public budget money budgeted for official travel abroad, vehicles or reception.`;
      if (t.current.isZero()) return `No general public budget money is budgeted for official travel abroad, vehicles or reception in ${f.year}, ${w.money(t.previous)} less than in ${py}.`;
      const p = t.currentParts;
      return (
        `The ${f.year} general public budget for official travel abroad, vehicles and reception is ${w.money(t.current)}, ${enChange(changeBetween(t.current, t.previous), w.money)} against ${py}: ` +
        `travel abroad ${w.money(p.abroad)}, official vehicles ${w.money(p.vehicle)} (purchase ${w.money(p.vehiclePurchase)}, operation ${w.money(p.vehicleOperation)}), reception ${w.money(p.reception)}.`
      );
    },
    operatingCost(f) {
      const op = f.operatingCost;
      const trend = op?.direction === undefined ? '' : op.direction === '持平' ? ', the same as last year' : op.direction === '增加' ? ', more than last year' : ', less than last year';
      if (f.kind === '事业') {
        const head = `机关运行经费 are the running costs of administrative units and units managed like the civil service; ${f.unitName} is a public institution and has none.`;
        return op ? `${head} Its ${f.year} fiscal budget for running costs is ${w.money(op.amount)}${trend}.` : head;
      }
      const head = '机关运行经费 are the routine public-use costs in the basic expenditure that administrative units and units managed like the civil service pay from the general public budget.';
      return `${head} The ${f.year} budget of ${f.unitName} is ${w.money(op?.amount ?? Amount.ZERO)}${trend}.`;
    },
    procurement(f) {
      const p = f.procurement;
      if (p.total.isZero() && (!p.parts || Object.values(p.parts).every((a) => a.isZero()))) return `No government procurement is budgeted for ${f.year}.`;
      const parts = p.parts ? `: goods ${w.money(p.parts.goods)}, works ${w.money(p.parts.works)}, services ${w.money(p.parts.services)}` : '';
      return `The ${f.year} government procurement budget is ${w.money(p.total)}${parts}.`;
    },
    assets(f) {
      const a = f.assets;
      const out: string[] = [];
      if (a.vehicles !== undefined) out.push(`On ${a.date} the department had ${a.vehicles} vehicles.`);
      const equipment = [
        a.generalEquipment === undefined ? undefined : `${a.generalEquipment} items of general equipment worth 500,000 yuan or more each`,
        a.specialEquipment === undefined ? undefined : `${a.specialEquipment} items of special equipment worth 1,000,000 yuan or more each`,
      ].filter((s): s is string => s !== undefined);
      if (equipment.length > 0) out.push(`${a.vehicles === undefined ? `On ${a.date} the department had ` : 'It had '}${equipment.join(' and ')}.`);
      if (out.length === 0) out.push(`The department has not reported its state-owned assets as of ${a.date}.`);
      return out;
    },
    performance(f) {
      const p = f.performance;
      if (p.projects === 0) return `${f.unitName} has no project expenditure in ${f.year} and sets no project performance targets.`;
      const first = `All ${p.projects} projects of ${f.unitName} in ${f.year} have performance targets, with a budget of ${w.money(p.funds)}, of which fiscal appropriations ${w.money(p.fiscal)}.`;
      const k = p.keyProjects;
      if (k.length === 0) return first;
      return `${first} ${k.length} project${k.length === 1 ? '' : 's'} (${k.join(', ')}) will receive a key performance evaluation, with a budget of ${w.money(p.keyFunds)}, of which fiscal appropriations ${w.money(p.keyFiscal)}.`;
    },
  };
  return w;
}

const INCOME_NAMES: Readonly<Record<IncomePart | 'gpb' | 'gfb', readonly [string, string]>> = {
  gpb: ['一般公共预算收入', 'general public budget revenue'],
  gfb: ['政府性基金预算收入', 'government fund budget revenue'],
  soc: ['国有资本经营预算收入', 'state capital operation budget revenue'],
  specialAccount: ['财政专户管理资金收入', 'fiscal special account revenue'],
  businessIncome: ['事业收入', 'business income'],
  operatingIncome: ['事业单位经营收入', 'operating income'],
  otherIncome: ['其他收入', 'other income'],
  superiorSubsidy: ['上级补助收入', 'subsidy from the superior'],
  affiliatedRemit: ['附属单位上缴收入', 'remittance from affiliates'],
  nonFiscalSurplus: ['使用非财政拨款结余', 'use of non-fiscal surplus'],
  carryOver: ['上年结转', 'carried over from last year'],
};

const EXPENSE_NAMES: Readonly<Record<'basic' | 'project' | 'carryForward', readonly [string, string]>> = {
  basic: ['基本支出', 'basic expenditure'],
  project: ['项目支出', 'project expenditure'],
  carryForward: ['结转下年', 'carried forward'],
};

function zhChange(c: Change, money: (a: Amount) => string): string {
  return c.direction === '持平' ? '与上年持平' : `${c.direction}${money(c.amount)}`;
}

function zhChangeAgainst(c: Change, against: string, money: (a: Amount) => string): string {
  return c.direction === '持平' ? `与${against}持平` : `较${against}${c.direction}${money(c.amount)}`;
}

const EN_DIRECTION: Readonly<Record<Direction, string>> = { 增加: 'up', 减少: 'down', 持平: 'unchanged' };

function enChange(c: Change, money: (a: Amount) => string): string {
  return c.direction === '持平' ? 'unchanged' : `${EN_DIRECTION[c.direction]} ${money(c.amount)}`;
}

// ---------------------------------------------------------------------------
// Sections

/** The unit's text of a section, as paragraphs (one per line), or undefined when it wrote none. */
function unitParagraphs(model: Disclosure, key: NarrativeSectionKey): NarrativeParagraph[] | undefined {
  const text = model.narrative?.sections.find((s) => s.key === key)?.text;
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length === 0 ? undefined : lines.map((l) => ({ text: l, origin: 'unit' as const }));
}

/**
 * 第三部分 说明 of a model as six sections of paragraphs: 一、预算收支增减变化情况说明
 * (（一）收入预算, （二）支出预算, （三）增减变化情况), 二、“三公”经费支出情况,
 * 三、机关运行经费情况, 四、政府采购情况, 五、国有资产占有使用情况, 六、绩效目标情况说明.
 * English wording with `lang: 'en'` (the unit's own words stay as written).
 */
export function narrativeSections(model: Disclosure, lang: Lang = 'zh-CN'): NarrativeSection[] {
  const f = narrativeFigures(model);
  const w = lang === 'en' ? en(f.amountUnit) : zh(f.amountUnit);
  const gen = (text: string): NarrativeParagraph => ({ text, origin: 'generated' });

  const change: NarrativeParagraph[] = [gen(w.intro()), gen(w.revenue(f)), gen(w.expense(f)), gen(w.changeHead(f))];
  const c = f.change;
  if (c && c.total.direction !== '持平') {
    change.push(gen(w.reasons(1, w.changeRevenue(c))), gen(w.reasons(2, w.changeExpense(c))));
    if (f.changeReasons !== undefined) change.push({ text: w.reasons(3, f.changeReasons), origin: 'unit' });
  } else if (f.changeReasons !== undefined) {
    change.push({ text: f.changeReasons, origin: 'unit' });
  }

  const bodies: Record<NarrativeSectionKey, NarrativeParagraph[]> = {
    change,
    threePublic: [gen(w.threePublic(f))],
    operatingCost: [gen(w.operatingCost(f))],
    procurement: [gen(w.procurement(f))],
    assets: unitParagraphs(model, 'assets') ?? w.assets(f).map(gen),
    performance: [gen(w.performance(f))],
  };
  return NARRATIVE_SECTION_KEYS.map((key, i) => {
    const title = TITLES[key][lang === 'en' ? 1 : 0];
    const heading = lang === 'en' ? `${i + 1}. ${title}` : `${NUMERALS[i] ?? ''}、${title}`;
    return { key, heading, title, paragraphs: bodies[key] };
  });
}
