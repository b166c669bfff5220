/** Column nodes shared by several layouts (the same header words in the same place). */
import type { ColumnKey } from '../../model/columns.js';
import type { CodeScheme, ColumnNode, Side } from '../types.js';

export const AMOUNT_WIDTH = 14;

/** 单位：万元 above every standard form. */
export const UNIT_LINE = '单位：{amountUnit}';
export const CODE_WIDTH = 6;
export const NAME_WIDTH = 34;

export function amount(label: string, column: ColumnKey, extra: Partial<Omit<ColumnNode, 'label' | 'leaf'>> = {}, side?: Side): ColumnNode {
  return { label, leaf: side === undefined ? { kind: 'amount', column } : { kind: 'amount', column, side }, width: AMOUNT_WIDTH, ...extra };
}

export function group(label: string, children: readonly ColumnNode[], extra: Partial<Omit<ColumnNode, 'label' | 'children'>> = {}): ColumnNode {
  return { label, children, ...extra };
}

const LEVEL_LABELS = ['类', '款', '项'] as const;

/** 科目编码[类, 款(, 项)]. */
export function codeGroup(scheme: CodeScheme, levels: 2 | 3): ColumnNode {
  const children = LEVEL_LABELS.slice(0, levels).map((label, level): ColumnNode => ({
    label,
    leaf: { kind: 'code', scheme, level: level as 0 | 1 | 2 },
    width: CODE_WIDTH,
  }));
  const aliases = scheme === 'function' ? ['功能分类科目编码', '支出功能分类科目编码', '科目代码'] : scheme === 'department' ? ['部门经济分类科目编码', '部门预算支出经济分类科目编码'] : ['政府经济分类科目编码', '政府预算支出经济分类科目编码'];
  return { label: '科目编码', aliases, children };
}

export function nameColumn(scheme: CodeScheme, label: string, aliases: readonly string[] = []): ColumnNode {
  return { label, aliases, leaf: { kind: 'name', scheme }, width: NAME_WIDTH };
}

export const FUNCTION_CODE = codeGroup('function', 3);
export const FUNCTION_NAME = nameColumn('function', '科目名称', ['功能分类科目名称', '支出功能分类科目名称', '科目']);

/** 财政拨款[小计, 一般公共预算, 政府性基金预算(, 国有资本经营预算)] of T10, T11, T12. */
export function fiscalGroup(label: string, words: { gpb: string; gfb: string; soc: string }): ColumnNode {
  return group(
    label,
    [
      amount('小计', 'fiscal', { aliases: ['财政拨款小计'] }),
      amount(words.gpb, 'gpb', { aliases: ['一般公共预算', '一般公共预算拨款', '一般公共预算收入'] }),
      amount(words.gfb, 'gfb', { aliases: ['政府性基金预算', '政府性基金预算拨款', '政府性基金预算收入'] }),
      amount(words.soc, 'soc', { optional: true, aliases: ['国有资本经营预算', '国有资本经营预算拨款', '国有资本经营预算收入'] }),
    ],
    { aliases: ['财政拨款', '财政拨款收入', '财政拨款（补助）'] },
  );
}

/** 财政专户管理资金, 单位资金, 使用非财政拨款结余, 上年结转 of T10, T11, T12. */
export const OTHER_SOURCES: readonly ColumnNode[] = [
  amount('财政专户管理资金', 'specialAccount', { aliases: ['财政专户管理资金收入', '财政专户收入'] }),
  amount('单位资金', 'unitFunds'),
  amount('使用非财政拨款结余', 'nonFiscalSurplus', { aliases: ['非财政拨款结余'] }),
  amount('上年结转', 'carryOver', { aliases: ['上年结转结余'] }),
];

/** 合计, 基本支出[小计, 人员支出, 日常公用支出], 项目支出 of T05, T08, T09. */
export const BASIC_SPLIT: readonly ColumnNode[] = [
  amount('合计', 'total', { aliases: ['总计'] }),
  group('基本支出', [amount('小计', 'basic', { aliases: ['基本支出小计'] }), amount('人员支出', 'personnel', { aliases: ['人员经费'] }), amount('日常公用支出', 'publicUse', { aliases: ['公用经费', '日常公用经费'] })]),
  amount('项目支出', 'project'),
];
