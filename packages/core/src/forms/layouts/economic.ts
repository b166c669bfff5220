/** Economic-coded forms: T06, T10 (部门经济分类 类/款 beside 政府经济分类 类/款). */
import type { Body, FormLayout } from '../types.js';
import { amount, codeGroup, fiscalGroup, group, nameColumn, OTHER_SOURCES, UNIT_LINE } from './common.js';

const BODY: Body = {
  kind: 'economic',
  codeWidths: [3, 2],
  rows: ['total', 'class', 'item'],
  total: { label: '合计', at: { kind: 'name', scheme: 'department' } },
};

const DEPARTMENT_NAME_ALIASES = ['部门预算支出经济分类科目名称', '部门预算支出经济分类科目', '部门经济分类科目名称', '部门经济分类'];
const GOVERNMENT_NAME_ALIASES = ['政府预算支出经济分类科目名称', '政府预算支出经济分类科目', '政府经济分类科目名称', '政府经济分类'];

export const T06: FormLayout = {
  id: 'T06',
  title: '一般公共预算基本支出情况表',
  titleVariants: ['一般公共预算基本支出表', '一般公共预算拨款基本支出情况表'],
  sheetName: '表6 一般公共预算基本支出情况表',
  unitLine: UNIT_LINE,
  columns: [
    codeGroup('department', 2),
    nameColumn('department', '部门预算支出经济分类科目名称', DEPARTMENT_NAME_ALIASES),
    codeGroup('government', 2),
    nameColumn('government', '政府预算支出经济分类科目名称', GOVERNMENT_NAME_ALIASES),
    group('基本支出预算', [amount('小计', 'basic', { aliases: ['合计'] }), amount('人员支出', 'personnel', { aliases: ['人员经费'] }), amount('日常公用支出', 'publicUse', { aliases: ['公用经费', '日常公用经费'] })], { aliases: ['基本支出'] }),
  ],
  body: BODY,
  emptyNote: '注：{year}年没有使用一般公共预算拨款安排的基本支出。',
};

export const T10: FormLayout = {
  id: 'T10',
  title: '基本支出预算情况表',
  titleVariants: ['基本支出预算表', '基本支出情况表'],
  sheetName: '表10 基本支出预算情况表',
  unitLine: UNIT_LINE,
  columns: [
    codeGroup('department', 2),
    nameColumn('department', '部门预算支出经济分类科目', DEPARTMENT_NAME_ALIASES),
    codeGroup('government', 2),
    nameColumn('government', '政府预算支出经济分类科目', GOVERNMENT_NAME_ALIASES),
    amount('合计', 'total', { aliases: ['总计'] }),
    fiscalGroup('财政拨款', { gpb: '一般公共预算', gfb: '政府性基金预算', soc: '国有资本经营预算' }),
    ...OTHER_SOURCES,
  ],
  body: BODY,
  emptyNote: '注：{unit}{year}年没有基本支出预算。',
};
