/**
 * shanghai-9: the nine tables of a Shanghai district department's budget
 * (上海市普陀区商务委员会 2025). Tables in 元 (the 三公 table in 万元), codes split
 * over 类 | 款 | 项, only the classes with figures listed in the overview forms
 * and numbered consecutively, 合计 rows at the bottom.
 */
import { FUNCTION_CODE, FUNCTION_NAME, codeGroup } from '../../forms/layouts/common.js';
import type { FormLayout } from '../../forms/types.js';
import { amount, CLASS_KEYS, CLASS_ROWS, economic, group, label, name, paired, row, sided, subjects, sum } from '../kit.js';
import type { Profile, StandardForm } from '../types.js';

const UNIT_LINE = '单位：{amountUnit}';

function form(layout: Omit<FormLayout, 'sheetName' | 'unitLine'>, extra: Omit<StandardForm, 'kind' | 'layout'> = {}): StandardForm {
  return { kind: 'form', layout: { ...layout, sheetName: layout.title.slice(0, 31), unitLine: UNIT_LINE }, ...extra };
}

const BUDGET_SPLIT = [amount('合计', 'total'), amount('基本支出', 'basic'), amount('项目支出', 'project')];

/** 一般公共预算 / 政府性基金预算 / 国有资本经营预算 支出功能分类预算表: 合计 = 基本支出 + 项目支出. */
function fundForm(id: 'T05' | 'T08' | 'T09', title: string): StandardForm {
  return form({ id, title, titleVariants: [], columns: [FUNCTION_CODE, FUNCTION_NAME, ...BUDGET_SPLIT], body: subjects() }, { rowFormulas: [sum('total', 'basic', 'project')] });
}

export const SHANGHAI_9: Profile = {
  id: 'shanghai-9',
  name: '部门预算公开 9 张表（上海区级模板）',
  region: '上海市（区级部门）',
  source: '上海市普陀区商务委员会 2025 年部门预算（corpus 02）',
  unit: '元',
  classRows: 'own',
  absentOverviewRows: 'unknown',
  repeatsTitles: false,
  forms: [
    form(
      {
        id: 'T01',
        title: '部门财务收支预算总表',
        titleVariants: [],
        columns: [
          group('本年收入', [label('income', '项目'), sided('预算数', 'amount', 'income')], { aliases: ['收入'] }),
          group('本年支出', [label('expense', '项目'), sided('预算数', 'amount', 'expense')], { aliases: ['支出'] }),
        ],
        body: paired(
          [
            row('fiscal', '一、财政拨款收入'),
            row('gpb', '一般公共预算资金'),
            row('gfb', '政府性基金'),
            row('soc', '国有资本经营预算'),
            row('businessIncome', '二、事业收入'),
            row('operatingIncome', '三、事业单位经营收入'),
            row('otherIncome', '四、其他收入'),
            row('grandTotal', '收入总计'),
          ],
          [...CLASS_ROWS, row('grandTotal', '支出总计')],
        ),
      },
      {
        overviewFormulas: [
          { side: 'income', key: 'fiscal', parts: ['gpb', 'gfb', 'soc'] },
          { side: 'income', key: 'grandTotal', parts: ['fiscal', 'businessIncome', 'operatingIncome', 'otherIncome'] },
          { side: 'expense', key: 'grandTotal', parts: CLASS_KEYS },
        ],
      },
    ),
    form(
      {
        id: 'T02',
        title: '部门收入预算总表',
        titleVariants: [],
        columns: [FUNCTION_CODE, FUNCTION_NAME, amount('合计', 'total'), amount('财政拨款收入', 'fiscal', { aliases: ['财政拨款'] }), amount('事业收入', 'businessIncome'), amount('事业单位经营收入', 'operatingIncome', { aliases: ['经营收入'] }), amount('其他收入', 'otherIncome')],
        body: subjects(),
      },
      { rowFormulas: [sum('total', 'fiscal', 'businessIncome', 'operatingIncome', 'otherIncome')] },
    ),
    form({ id: 'T03', title: '部门支出预算总表', titleVariants: [], columns: [FUNCTION_CODE, FUNCTION_NAME, ...BUDGET_SPLIT], body: subjects() }, { rowFormulas: [sum('total', 'basic', 'project')] }),
    form(
      {
        id: 'T04',
        title: '部门财政拨款收支预算总表',
        titleVariants: [],
        columns: [
          group('财政拨款收入', [label('income', '项目'), sided('预算数', 'amount', 'income')]),
          group('财政拨款支出', [label('expense', '项目'), sided('合计', 'total', 'expense'), sided('一般公共预算', 'gpb', 'expense'), sided('政府性基金预算', 'gfb', 'expense'), sided('国有资本经营预算', 'soc', 'expense')]),
        ],
        body: paired([row('gpb', '一、一般公共预算资金'), row('gfb', '二、政府性基金'), row('soc', '三、国有资本经营预算'), row('grandTotal', '收入总计')], [...CLASS_ROWS, row('grandTotal', '支出总计')]),
      },
      {
        overviewFormulas: [
          { side: 'income', key: 'grandTotal', parts: ['gpb', 'gfb', 'soc'] },
          { side: 'expense', key: 'grandTotal', parts: CLASS_KEYS },
        ],
      },
    ),
    fundForm('T05', '部门一般公共预算支出功能分类预算表'),
    fundForm('T08', '部门政府性基金预算支出功能分类预算表'),
    fundForm('T09', '部门国有资本经营预算支出功能分类预算表'),
    form({
      id: 'T06',
      title: '部门一般公共预算基本支出部门预算经济分类预算表',
      titleVariants: [],
      columns: [
        { ...codeGroup('department', 2), aliases: ['部门预算经济分类科目编码', '部门经济分类科目编码'] },
        name('department', '经济分类科目名称', ['部门预算经济分类科目名称']),
        group('一般公共预算基本支出', [amount('合计', 'basic'), amount('人员经费', 'personnel'), amount('公用经费', 'publicUse')]),
      ],
      body: economic(),
    }),
    form({
      id: 'T07',
      title: '部门“三公”经费和机关运行经费预算表',
      titleVariants: [],
      columns: [
        group('“三公”经费预算数', [
          sided('合计', 'total', 'current'),
          sided('因公出国(境)费', 'abroad', 'current', ['因公出国（境）费']),
          sided('公务接待费', 'reception', 'current'),
          group('公务用车购置及运行费', [sided('小计', 'vehicle', 'current'), sided('购置费', 'vehiclePurchase', 'current'), sided('运行费', 'vehicleOperation', 'current')]),
        ]),
        sided('机关运行经费预算数', 'operatingCost', 'current', ['机关运行经费']),
      ],
      body: { kind: 'years' },
    }),
  ],
};
