/** T07 一般公共预算“三公”经费支出情况表: the same six columns for the previous and the budget year. */
import type { ColumnNode, FormLayout, Side } from '../types.js';
import { amount, group, UNIT_LINE } from './common.js';

function yearGroup(label: string, side: Side, aliases: readonly string[]): ColumnNode {
  const a = (text: string, column: Parameters<typeof amount>[1], aliasList: readonly string[] = []) => amount(text, column, { width: 12, aliases: aliasList }, side);
  return group(
    label,
    [
      a('合计', 'total', ['总计']),
      a('因公出国（境）经费', 'abroad', ['因公出国（境）费', '因公出国（境）费用']),
      group('公务用车购置及运行维护费', [a('小计', 'vehicle'), a('公务用车购置经费', 'vehiclePurchase', ['公务用车购置费']), a('公务用车运行维护费', 'vehicleOperation', ['公务用车运行费'])], {
        aliases: ['公务用车购置及运行费'],
      }),
      a('公务接待费', 'reception'),
    ],
    { aliases },
  );
}

export const T07: FormLayout = {
  id: 'T07',
  title: '一般公共预算“三公”经费支出情况表',
  titleVariants: ['一般公共预算“三公”经费支出表', '“三公”经费支出情况表', '“三公”经费支出表', '“三公”经费预算情况表'],
  sheetName: '表7 一般公共预算“三公”经费支出情况表',
  unitLine: UNIT_LINE,
  columns: [yearGroup('{previousYear}年预算数', 'previous', ['上年预算数', '上年预算']), yearGroup('{currentYear}年预算数', 'current', ['本年预算数', '本年预算'])],
  body: { kind: 'years' },
  emptyNote: '注：{year}年没有一般公共预算“三公”经费支出。',
};
