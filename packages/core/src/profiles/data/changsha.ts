/**
 * changsha-10: the ten tables of a Changsha municipal department's budget
 * (长沙市公安局 2025). Tables in 万元, the title, the unit's name and the unit
 * on one line (`2025年部门收支总体情况表单位名称：长沙市公安局单位：万元`), a row
 * of column numbers (`** ** 1 2 3`) under the header, 款 rows printed without
 * their 类 code, the overview table split by 基本支出 / 项目支出 instead of by
 * function class, every page of a table repeating its title.
 */
import { FUNCTION_CODE, FUNCTION_NAME } from '../../forms/layouts/common.js';
import type { FormLayout } from '../../forms/types.js';
import { amount, CLASS_KEYS, CLASS_ROWS, economic, group, label, name, paired, row, sided, subjects, sum, wholeCode } from '../kit.js';
import type { Profile, StandardForm } from '../types.js';

const UNIT_LINE = '单位：{amountUnit}';

function form(layout: Omit<FormLayout, 'sheetName' | 'unitLine'>, extra: Omit<StandardForm, 'kind' | 'layout'> = {}): StandardForm {
  return { kind: 'form', layout: { ...layout, sheetName: layout.title.slice(0, 31), unitLine: UNIT_LINE }, ...extra };
}

const CODE = { ...FUNCTION_CODE, aliases: [...(FUNCTION_CODE.aliases ?? []), '科目编码'] };
const NAME = { ...FUNCTION_NAME, aliases: [...(FUNCTION_NAME.aliases ?? []), '功能科目'] };

function fundForm(id: 'T05' | 'T08', title: string, toc: string): StandardForm {
  return form({ id, title, titleVariants: [toc], columns: [CODE, NAME, amount('总计', 'total'), amount('基本支出', 'basic'), amount('项目支出', 'project')], body: subjects() }, { rowFormulas: [sum('total', 'basic', 'project')] });
}

export const CHANGSHA_10: Profile = {
  id: 'changsha-10',
  name: '部门预算公开 10 张表（长沙市级模板）',
  region: '湖南省长沙市（市级部门）',
  source: '长沙市公安局 2025 年部门预算（corpus 08）',
  unit: '万元',
  classRows: 'own',
  absentOverviewRows: 'unknown',
  repeatsTitles: true,
  forms: [
    form(
      {
        id: 'T01',
        title: '部门收支总体情况表',
        titleVariants: ['部门收支总表'],
        columns: [group('收入', [label('income', '项目'), sided('本年预算', 'amount', 'income', ['预算数'])]), group('支出', [label('expense', '项目'), sided('本年预算', 'amount', 'expense', ['预算数'])])],
        body: paired(
          [
            row('fiscal', '一、本级财政拨款收入'),
            row('specialAccount', '二、财政专户管理事业收入'),
            row('operatingIncome', '三、事业单位经营服务收入'),
            row('superiorSubsidy', '四、上级补助收入'),
            row('otherIncome', '五、其它收入', ['其他收入']),
            row('businessIncome', '六、事业收入'),
            row('currentTotal', '本年收入合计'),
            row('carryOver', '七、上年结转'),
            row('grandTotal', '收入总计'),
          ],
          [
            row('basic', '一、基本支出'),
            row('project', '二、项目支出'),
            row('operatingExpense', '三、事业单位经营支出'),
            row('subsidyToAffiliates', '四、对附属单位补助支出'),
            row('remitToSuperior', '五、上缴上级支出'),
            row('currentTotal', '本年支出合计'),
            row('surplusDistribution', '六、结余分配'),
            row('carryForward', '七、结转下年'),
            row('grandTotal', '支出总计'),
          ],
        ),
      },
      {
        overviewFormulas: [
          { side: 'income', key: 'currentTotal', parts: ['fiscal', 'specialAccount', 'operatingIncome', 'superiorSubsidy', 'otherIncome', 'businessIncome'] },
          { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'carryOver'] },
          { side: 'expense', key: 'currentTotal', parts: ['basic', 'project', 'operatingExpense', 'subsidyToAffiliates', 'remitToSuperior'] },
          { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'surplusDistribution', 'carryForward'] },
        ],
      },
    ),
    form(
      {
        id: 'T02',
        title: '部门收入总体情况表',
        titleVariants: ['部门收入总表'],
        columns: [
          CODE,
          NAME,
          amount('合计', 'total'),
          group('本级财政拨款', [amount('金额', 'fiscal'), amount('其中:经费拨款', 'fiscalFunding', { aliases: ['其中：经费拨款'] })]),
          amount('财政专户管理事业收入', 'specialAccount'),
          amount('事业单位经营服务收入', 'operatingIncome'),
          amount('上级补助收入', 'superiorSubsidy'),
          amount('其它收入', 'otherIncome', { aliases: ['其他收入'] }),
          amount('事业收入', 'businessIncome'),
          amount('上年结转', 'carryOver'),
        ],
        body: subjects(),
      },
      { rowFormulas: [sum('total', 'fiscal', 'specialAccount', 'operatingIncome', 'superiorSubsidy', 'otherIncome', 'businessIncome', 'carryOver')] },
    ),
    form(
      {
        id: 'T03',
        title: '部门支出总体情况表',
        titleVariants: ['部门支出总表'],
        columns: [
          CODE,
          NAME,
          amount('总计', 'total'),
          amount('基本支出', 'basic'),
          amount('项目支出', 'project'),
          amount('事业单位经营支出', 'operatingExpense'),
          amount('对附属单位补助支出', 'subsidyToAffiliates'),
          amount('上缴上级支出', 'remitToSuperior'),
        ],
        body: subjects(),
      },
      { rowFormulas: [sum('total', 'basic', 'project', 'operatingExpense', 'subsidyToAffiliates', 'remitToSuperior')] },
    ),
    form(
      {
        id: 'T04',
        title: '财政拨款收支总体情况表',
        titleVariants: ['财政拨款收支总表'],
        columns: [
          group('收入', [label('income', '项目'), sided('金额', 'amount', 'income', ['预算数'])]),
          group('支出', [label('expense', '项目'), sided('合计', 'total', 'expense'), sided('一般公共预算', 'gpb', 'expense'), sided('政府性基金预算', 'gfb', 'expense'), sided('国有资本经营预算', 'soc', 'expense')]),
        ],
        body: paired(
          [
            row('currentTotal', '一、本年收入'),
            row('gpb', '1、一般公共预算拨款收入'),
            row('gfb', '2、政府性基金预算拨款收入'),
            row('soc', '3、国有资本经营预算拨款收入'),
            row('carryOver', '二、上年结转'),
            row('grandTotal', '收入总计'),
          ],
          [row('currentTotal', '一、本年支出'), ...CLASS_ROWS, row('carryForward', '二、结转下年'), row('grandTotal', '支出总计')],
        ),
      },
      {
        overviewFormulas: [
          { side: 'income', key: 'currentTotal', parts: ['gpb', 'gfb', 'soc'] },
          { side: 'income', key: 'grandTotal', parts: ['currentTotal', 'carryOver'] },
          { side: 'expense', key: 'currentTotal', parts: CLASS_KEYS },
          { side: 'expense', key: 'grandTotal', parts: ['currentTotal', 'carryForward'] },
        ],
      },
    ),
    fundForm('T05', '一般公共预算支出情况表', '一般公共预算支出表'),
    form({
      id: 'T06',
      title: '一般公共预算基本支出情况表',
      titleVariants: ['一般公共预算基本支出表'],
      columns: [wholeCode('department', '经济科目编码', ['部门经济分类科目编码']), name('department', '经济科目名称'), amount('总计', 'basic'), amount('人员类', 'personnel', { aliases: ['人员经费'] }), amount('公用经费', 'publicUse')],
      body: economic(),
    }),
    form(
      {
        id: 'T07',
        title: '一般公共预算“三公”经费支出情况表',
        titleVariants: ['一般公共预算“三公”经费支出表'],
        columns: [
          name('unit', '部门名称', ['单位名称']),
          group('三公经费预（决）算数（财政拨款）', [
            sided('小计', 'total', 'current'),
            sided('公务接待费', 'reception', 'current'),
            sided('因公出国（境）费', 'abroad', 'current'),
            sided('公务用车购置及运行费', 'vehicle', 'current'),
            sided('其中：公务用车购置', 'vehiclePurchase', 'current'),
            sided('其中：公务用车运行费', 'vehicleOperation', 'current'),
          ]),
        ],
        body: { kind: 'years' },
      },
      { unitRows: { id: 'changsha-10/三公经费（按单位）' } },
    ),
    fundForm('T08', '政府性基金预算支出情况表', '政府性基金预算支出表'),
    {
      kind: 'unread',
      layout: {
        id: 'changsha-10/项目支出绩效目标表',
        title: '项目支出绩效目标表',
        titleVariants: [],
        reason: '清单式绩效目标表：所有项目在一张表内逐行列示指标，项目行在每页重复，与参考文件每个项目一张的绩效目标表版式不同',
      },
    },
    { kind: 'unread', layout: { id: 'changsha-10/部门整体支出绩效目标表', title: '部门整体支出绩效目标表', titleVariants: [], reason: '部门整体支出绩效目标表：参考文件没有对应的表' } },
  ],
};
