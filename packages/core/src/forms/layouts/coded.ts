/** Function-coded forms: T02, T03, T05, T08, T09, T12 (rows 合计, then 类 → 款 → 项). */
import type { Body, FormLayout, RowKind } from '../types.js';
import { amount, BASIC_SPLIT, fiscalGroup, FUNCTION_CODE, FUNCTION_NAME, group, OTHER_SOURCES, UNIT_LINE } from './common.js';

const ROWS: readonly RowKind[] = ['total', 'class', 'item', 'subitem'];

/** 合计 in the 科目名称 column (T02, T03, T12) or in the first column (T05, T08, T09). */
function subjects(totalAt: 'name' | 'first'): Body {
  return {
    kind: 'subjects',
    scheme: 'function',
    codeWidths: [3, 2, 2],
    rows: ROWS,
    total: { label: '合计', at: totalAt === 'name' ? { kind: 'name', scheme: 'function' } : { kind: 'code', scheme: 'function', level: 0 } },
  };
}

export const T02: FormLayout = {
  id: 'T02',
  title: '收入总体情况表',
  titleVariants: ['收入总表', '部门收入总表'],
  sheetName: '表2 收入总体情况表',
  unitLine: UNIT_LINE,
  columns: [
    FUNCTION_CODE,
    FUNCTION_NAME,
    amount('合计', 'total', { aliases: ['总计', '收入合计'] }),
    fiscalGroup('财政拨款收入', { gpb: '一般公共预算收入', gfb: '政府性基金预算收入', soc: '国有资本经营预算收入' }),
    amount('财政专户收入', 'specialAccount', { aliases: ['财政专户管理资金收入', '财政专户管理资金'] }),
    amount('事业收入（不含教育收费）', 'businessIncome', { aliases: ['事业收入'] }),
    amount('事业单位经营收入', 'operatingIncome', { aliases: ['经营收入'] }),
    amount('其他收入', 'otherIncome'),
    amount('上级补助收入', 'superiorSubsidy'),
    amount('附属单位上缴收入', 'affiliatedRemit'),
    amount('使用非财政拨款结余', 'nonFiscalSurplus', { aliases: ['非财政拨款结余'] }),
    amount('上年结转', 'carryOver', { aliases: ['上年结转结余'] }),
  ],
  body: subjects('name'),
  emptyNote: '注：{year}年没有收入预算。',
};

export const T03: FormLayout = {
  id: 'T03',
  title: '支出总体情况表',
  titleVariants: ['支出总表', '部门支出总表'],
  sheetName: '表3 支出总体情况表',
  unitLine: UNIT_LINE,
  columns: [FUNCTION_CODE, FUNCTION_NAME, amount('合计', 'total', { aliases: ['总计', '支出合计'] }), amount('基本支出', 'basic'), amount('项目支出', 'project'), amount('结转下年', 'carryForward', { aliases: ['结转下年支出'] })],
  body: subjects('name'),
  emptyNote: '注：{year}年没有支出预算。',
};

export const T05: FormLayout = {
  id: 'T05',
  title: '一般公共预算支出情况表',
  titleVariants: ['一般公共预算支出表', '一般公共预算拨款支出情况表', '一般公共预算财政拨款支出情况表'],
  sheetName: '表5 一般公共预算支出情况表',
  unitLine: UNIT_LINE,
  columns: [FUNCTION_CODE, FUNCTION_NAME, ...BASIC_SPLIT],
  body: subjects('first'),
  emptyNote: '注：{year}年没有使用一般公共预算拨款安排的支出。',
};

export const T08: FormLayout = {
  id: 'T08',
  title: '政府性基金预算支出情况表',
  titleVariants: ['政府性基金预算支出表', '政府性基金预算拨款支出情况表'],
  sheetName: '表8 政府性基金预算支出情况表',
  unitLine: UNIT_LINE,
  columns: [FUNCTION_CODE, FUNCTION_NAME, ...BASIC_SPLIT],
  body: subjects('first'),
  emptyNote: '注：{year}年没有使用政府性基金预算拨款安排的支出。',
};

export const T09: FormLayout = {
  id: 'T09',
  title: '国有资本经营预算支出情况表',
  titleVariants: ['国有资本经营预算支出表', '国有资本经营预算拨款支出情况表'],
  sheetName: '表9 国有资本经营预算支出情况表',
  unitLine: UNIT_LINE,
  columns: [FUNCTION_CODE, FUNCTION_NAME, ...BASIC_SPLIT],
  body: subjects('first'),
  emptyNote: '注：{year}年没有使用国有资本经营预算拨款安排的支出。',
};

export const T12: FormLayout = {
  id: 'T12',
  title: '政府采购预算情况表',
  titleVariants: ['政府采购预算表', '政府采购预算明细表'],
  sheetName: '表12 政府采购预算情况表',
  unitLine: UNIT_LINE,
  columns: [
    FUNCTION_CODE,
    FUNCTION_NAME,
    group('资金来源', [
      amount('合计', 'total', { aliases: ['总计'] }),
      fiscalGroup('财政拨款', { gpb: '一般公共预算', gfb: '政府性基金预算', soc: '国有资本经营预算' }),
      ...OTHER_SOURCES,
    ]),
    // Not in the reference layout: shown only when a model carries procurement by kind.
    group('采购类别', [amount('货物', 'goods'), amount('工程', 'works'), amount('服务', 'services')], { optional: true }),
  ],
  body: subjects('name'),
  emptyNote: '注：{year}年没有政府采购预算。',
};
