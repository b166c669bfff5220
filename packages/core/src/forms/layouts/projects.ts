/** T11 项目支出预算情况表: one row per project under a (published unlabelled) total row. */
import type { FormLayout } from '../types.js';
import { amount, fiscalGroup, OTHER_SOURCES, UNIT_LINE } from './common.js';

export const T11: FormLayout = {
  id: 'T11',
  title: '项目支出预算情况表',
  titleVariants: ['项目支出预算表', '项目支出情况表'],
  sheetName: '表11 项目支出预算情况表',
  unitLine: UNIT_LINE,
  columns: [
    { label: '项目名称', aliases: ['项目'], leaf: { kind: 'project' }, width: 36 },
    { label: '项目类型', aliases: ['类型', '项目类别'], leaf: { kind: 'projectType' }, width: 12 },
    amount('合计', 'total', { aliases: ['总计'] }),
    fiscalGroup('财政拨款', { gpb: '一般公共预算', gfb: '政府性基金预算', soc: '国有资本经营预算' }),
    ...OTHER_SOURCES,
  ],
  body: { kind: 'projects', rows: ['total', 'project'], total: { label: '合计', at: { kind: 'project' } } },
  emptyNote: '注：{year}年没有项目支出预算。',
};
