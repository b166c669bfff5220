/** What reading a forms workbook (or a published text, text/import.ts) can report: message templates, rule ids and default severities. */
import type { MessageTemplate, Severity } from '../diagnostics/types.js';

export const FORM_MESSAGES = {
  notANumber: {
    'zh-CN': '单元格内容“{text}”不是数字，该金额未读入',
    en: 'The cell holds “{text}”, which is not a number; the amount was not read',
  },
  noCachedValue: {
    'zh-CN': 'Excel 公式没有保存计算结果（请在 Excel 中打开并保存后再校验）',
    en: 'The Excel formula has no saved result (open and save the workbook in Excel, then check it again)',
  },
  unknownColumn: {
    'zh-CN': '表头“{text}”不是{form}的栏目，该列未读入',
    en: 'The header “{text}” is not a column of {form}; the column was not read',
  },
  unreadableForm: {
    'zh-CN': '找到表名“{title}”，但没有找到可识别的表头，该表未读入',
    en: 'Found the title “{title}” but no recognisable header below it; the form was not read',
  },
  unknownRow: {
    'zh-CN': '无法识别的行“{text}”，未读入',
    en: 'Unrecognised row “{text}”; it was not read',
  },
  badCode: {
    'zh-CN': '科目编码“{text}”无法识别（应为 {lengths} 位数字，或分列填写的类、款、项），该行未读入',
    en: 'The subject code “{text}” cannot be read ({lengths} digits, or 类/款/项 in their columns); the row was not read',
  },
  missingCode: {
    'zh-CN': '“{text}”一行没有科目编码，该行未读入',
    en: 'The row “{text}” has no subject code; it was not read',
  },
  duplicateForm: {
    'zh-CN': '{form}再次出现，以第一次出现的为准，此处未读入',
    en: '{form} appears again; the first one is read, this one is not',
  },
  duplicateRow: {
    'zh-CN': '“{text}”一行重复出现，以第一次出现的为准',
    en: 'The row “{text}” appears twice; the first one is read',
  },
  unknownUnit: {
    'zh-CN': '金额单位“{text}”无法识别（应为万元或元）',
    en: 'The amount unit “{text}” is not recognised (万元 or 元 expected)',
  },
  noTables: {
    'zh-CN': '文本中没有找到可识别的预算表（按表名查找，如“收支总体情况表”）',
    en: 'No table of the disclosure was found in the text (tables are found by their titles, such as 收支总体情况表)',
  },
  noDocumentTitle: {
    'zh-CN': '没有找到文件标题（如“2024年××部门预算”），单位名称和预算年度未能读入',
    en: 'No document title (such as “2024年××部门预算”) was found; the unit’s name and the budget year were not read',
  },
  tableNotRead: {
    'zh-CN': '已识别“{title}”（{profile}），未读入：{reason}',
    en: 'Recognised “{title}” ({profile}) but did not read it: {reason}',
  },
  narrativeNotRead: {
    'zh-CN': '本文件采用“{profile}”模板：说明的章节、“三公”经费文字和单位名称按该模板暂不核对（{rules}），说明中的金额仍与表格核对',
    en: 'This document follows the “{profile}” template: its sections, 三公 wording and unit name are not checked for it yet ({rules}); the amounts its text states are still checked against the tables',
  },
  columnNotRead: {
    'zh-CN': '{form}中“{text}”起的栏目未读入：{reason}',
    en: 'The columns of {form} from “{text}” on were not read: {reason}',
  },
  genericTable: {
    'zh-CN': '“{title}”不属于已知模板，按表头文字和科目编码读入（只核对逐级汇总和表头写明的合计关系）',
    en: '“{title}” belongs to no known template; it was read by its header words and subject codes (only its rollups and the totals its header states are checked)',
  },
} as const satisfies Record<string, MessageTemplate>;

export type FormMessageId = keyof typeof FORM_MESSAGES;

/** Rule id and default severity of each message. */
export const FORM_DIAGNOSTICS: Readonly<Record<FormMessageId, { readonly ruleId: string; readonly severity: Severity }>> = {
  notANumber: { ruleId: 'amount/not-a-number', severity: 'error' },
  noCachedValue: { ruleId: 'amount/not-a-number', severity: 'error' },
  unknownColumn: { ruleId: 'parse/unknown-column', severity: 'warning' },
  unreadableForm: { ruleId: 'parse/unreadable-form', severity: 'error' },
  unknownRow: { ruleId: 'parse/unknown-row', severity: 'warning' },
  badCode: { ruleId: 'parse/bad-code', severity: 'error' },
  missingCode: { ruleId: 'parse/missing-code', severity: 'error' },
  duplicateForm: { ruleId: 'parse/duplicate-form', severity: 'warning' },
  duplicateRow: { ruleId: 'parse/duplicate-row', severity: 'warning' },
  unknownUnit: { ruleId: 'parse/unknown-unit', severity: 'warning' },
  noTables: { ruleId: 'parse/no-tables', severity: 'error' },
  noDocumentTitle: { ruleId: 'parse/no-title', severity: 'warning' },
  tableNotRead: { ruleId: 'parse/not-read', severity: 'info' },
  columnNotRead: { ruleId: 'parse/not-read', severity: 'info' },
  narrativeNotRead: { ruleId: 'parse/not-read', severity: 'info' },
  genericTable: { ruleId: 'parse/generic-table', severity: 'info' },
};
