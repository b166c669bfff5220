/**
 * Texts of the narrative sections that follow from the figures (第三部分 说明),
 * worded as the reference disclosure words them. A text typed in the 底稿
 * replaces the generated one; sections the figures do not determine (部门概况,
 * 名词解释, 特殊事项说明) are typed only.
 */
import { Amount } from '../amount/amount.js';
import type { NarrativeFigureKey, SectionKey } from '../model/columns.js';
import type { NarrativeFigure } from '../model/schema.js';

/** What the generated texts say, besides the figures. */
export interface NarrativeFacts {
  readonly unitName: string;
  readonly year: number;
  readonly kind: '行政' | '参公' | '事业' | undefined;
  readonly money: string;
  readonly figures: ReadonlyMap<NarrativeFigureKey, NarrativeFigure>;
  /** Revenue by source as listed after 其中 (label without numbering, non-zero amounts). */
  readonly revenueParts: readonly { readonly label: string; readonly amount: Amount }[];
  /** 基本支出, 项目支出, 结转下年 where non-zero. */
  readonly expenseParts: readonly { readonly label: string; readonly amount: Amount }[];
  readonly threePublic: { readonly any: boolean };
  readonly keyProjects: readonly string[];
  /** Listed projects that are not key-evaluation projects, in 表十一 order. */
  readonly otherProjects: readonly string[];
  readonly changeReasons: string | undefined;
  readonly threePublicReasons: string | undefined;
  readonly assetDate: string | undefined;
}

/** Sections whose text is generated from the figures. */
export const GENERATED_SECTIONS = ['change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance'] as const satisfies readonly SectionKey[];

/** A、B和C */
function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join('、')}和${list[list.length - 1] ?? ''}`;
}

/** The generated text of each section the figures determine; a section without the figures it needs has none. */
export function generatedSectionTexts(f: NarrativeFacts): Partial<Record<SectionKey, string>> {
  const u = f.money;
  const Y = `${f.year}年`;
  const fig = (key: NarrativeFigureKey) => f.figures.get(key);
  const money = (a: Amount) => `${a.format()}${u}`;
  const value = (key: NarrativeFigureKey) => {
    const x = fig(key);
    return x ? money(Amount.of(x.value)) : undefined;
  };
  /** 增加2,525.71万元 / 持平 */
  const change = (key: NarrativeFigureKey) => {
    const x = fig(key);
    if (!x) return undefined;
    return x.direction === '持平' ? '持平' : `${x.direction ?? ''}${money(Amount.of(x.value))}`;
  };
  const texts: Partial<Record<SectionKey, string>> = {};

  const revenue = value('revenue.total');
  const expense = value('expense.total');
  if (revenue !== undefined && expense !== undefined) {
    const whereof = (parts: readonly { label: string; amount: Amount }[]) => (parts.length > 0 ? `，其中：${parts.map((p) => `${p.label}${money(p.amount)}`).join('，')}` : '');
    const lines = [
      '按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理，部门本级和所属单位的收入和支出均包含在部门预算中。',
      `（一）收入预算：${Y}收入预算${revenue}${whereof(f.revenueParts)}。`,
      `（二）支出预算：${Y}支出预算${expense}${whereof(f.expenseParts)}。`,
    ];
    const total = fig('change.total');
    const budget = value('change.budget');
    if (total && budget !== undefined) {
      const sub = (label: string, key: NarrativeFigureKey, parts: readonly (readonly [string, NarrativeFigureKey])[]) => {
        const listed = parts.flatMap(([l, k]) => {
          const c = change(k);
          return c === undefined ? [] : [`${l}${c}`];
        });
        return `${label}${change(key) ?? ''}${listed.length > 0 ? `，其中：${listed.join('，')}` : ''}。`;
      };
      const overall = total.direction === '持平' ? '与上年预算持平' : `较上年预算${change('change.total') ?? ''}`;
      lines.push(`（三）增减变化情况：${Y}收支预算${budget}，${overall}，其中：`);
      lines.push(
        sub('1. 收入预算', 'change.revenue', [
          ['一般公共预算收入', 'change.revenue.gpb'],
          ['政府性基金预算收入', 'change.revenue.gfb'],
        ]),
      );
      lines.push(
        sub('2. 支出预算', 'change.expense', [
          ['基本支出', 'change.expense.basic'],
          ['项目支出', 'change.expense.project'],
        ]),
      );
      if (f.changeReasons !== undefined) lines.push(`3. ${f.changeReasons}`);
    } else if (f.changeReasons !== undefined) {
      lines.push(`（三）增减变化情况：${f.changeReasons}`);
    }
    texts.change = lines.join('\n');
  }

  if (!f.threePublic.any) {
    texts.threePublic = `${f.year - 1}年、${Y}均未使用一般公共预算拨款安排‘三公’经费支出。`;
  } else {
    const current = value('threePublic.current.total');
    const previous = value('threePublic.previous.total');
    if (current !== undefined && previous !== undefined) {
      const d = Amount.of(fig('threePublic.current.total')?.value ?? '0').minus(Amount.of(fig('threePublic.previous.total')?.value ?? '0'));
      const versus = d.isZero() ? '与上年持平' : `较上年${d.isNegative() ? '减少' : '增加'}${money(d.abs())}`;
      const item = (key: NarrativeFigureKey) => value(key) ?? money(Amount.ZERO);
      const purchase = Amount.of(fig('threePublic.current.vehiclePurchase')?.value ?? '0');
      const operation = Amount.of(fig('threePublic.current.vehicleOperation')?.value ?? '0');
      texts.threePublic =
        `${Y}一般公共预算“三公”经费支出预算${current}，${f.year - 1}年${previous}，${versus}。` +
        `其中：因公出国（境）费${item('threePublic.current.abroad')}，公务用车购置及运行维护费${money(purchase.plus(operation))}` +
        `（其中：公务用车购置费${item('threePublic.current.vehiclePurchase')}，公务用车运行维护费${item('threePublic.current.vehicleOperation')}），公务接待费${item('threePublic.current.reception')}。` +
        (f.threePublicReasons ?? '');
    }
  }

  const cost = value('operatingCost');
  const definition = '机关运行经费是指用于维持行政及参照公务员法管理单位机关运行的经费';
  if (f.kind === '事业') {
    texts.operatingCost = `${definition}，${f.unitName}部门为事业单位，无机关运行经费。${cost === undefined ? '' : `${Y}事业运行经费财政拨款预算为${cost}。`}`;
  } else if (cost !== undefined) {
    texts.operatingCost = `${definition}。${Y}机关运行经费财政拨款预算为${cost}。`;
  }

  const procurement = value('procurement.total');
  if (procurement !== undefined) {
    texts.procurement = `${Y}政府采购预算${procurement}，其中：政府采购货物预算${value('procurement.goods') ?? ''}，政府采购工程预算${value('procurement.works') ?? ''}，政府采购服务预算${value('procurement.services') ?? ''}。`;
  }

  const assetLines: string[] = [];
  const date = f.assetDate === undefined ? undefined : /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(f.assetDate);
  const vehicles = fig('assets.vehicles')?.value;
  if (date || vehicles !== undefined) {
    const at = date ? `截至${date[1]}年${Number(date[2])}月${Number(date[3])}日，` : '';
    assetLines.push(`${at}${vehicles === undefined ? '' : `本部门共有车辆${vehicles}辆。`}`);
  }
  const equipment = [
    ['单位价值50万元以上通用设备', fig('assets.generalEquipment')?.value],
    ['单位价值100万元以上专用设备', fig('assets.specialEquipment')?.value],
  ].flatMap(([label, n]) => (n === undefined ? [] : [`${label}${n}台（件、套）`]));
  if (equipment.length > 0) assetLines.push(`${equipment.join('，')}。`);
  if (assetLines.length > 0) texts.assets = assetLines.join('\n');

  const count = fig('performance.projects')?.value;
  if (count !== undefined) {
    let text = `${f.unitName}部门${Y}项目支出全面实施绩效目标管理，涉及预算项目支出${count}个，预算资金${value('performance.funds') ?? ''}，其中财政拨款${value('performance.fiscal') ?? ''}。`;
    if (f.keyProjects.length > 0) {
      text += `拟对${names(f.keyProjects)}等${f.keyProjects.length}个项目开展部门重点绩效评价，涉及预算资金${value('performance.keyFunds') ?? ''}，其中财政拨款${value('performance.keyFiscal') ?? ''}。`;
    }
    if (f.otherProjects.length > 0) text += `根据以前年度绩效评价结果，优化${names(f.otherProjects)}等项目支出${Y}预算安排，进一步改进管理、完善政策。`;
    texts.performance = text;
  }
  return texts;
}
