/**
 * Message templates of the input workbook (底稿): reading its sheets, composing
 * a disclosure from it, and extracting it from a disclosure. Chinese first;
 * `{name}` placeholders are filled from a diagnostic's data.
 */
import { renderTemplate, type Diagnostic, type MessageTemplate } from '../diagnostics/types.js';

export const INPUT_MESSAGES = {
  // Reading the sheets
  'missing-sheet': {
    'zh-CN': '找不到底稿工作表“{sheet}”（按工作表名、标题或表头查找）。',
    en: 'Input sheet “{sheet}” not found (looked for its name, title and header).',
  },
  'missing-column': {
    'zh-CN': '工作表“{sheet}”的表头中找不到“{column}”列，该列的数据未读取。',
    en: 'The header of sheet “{sheet}” has no “{column}” column; its data was not read.',
  },
  'not-a-number': {
    'zh-CN': '“{column}”单元格的内容“{text}”不是数字，按空白处理。',
    en: 'The “{column}” cell holds “{text}”, which is not a number; read as blank.',
  },
  'spreadsheet-error': {
    'zh-CN': '“{column}”单元格是错误值 {text}，按空白处理。',
    en: 'The “{column}” cell holds the error value {text}; read as blank.',
  },
  precision: {
    'zh-CN': '“{column}”的金额 {text} 超过两位小数。',
    en: 'The “{column}” amount {text} has more than two decimals.',
  },
  'unknown-source': {
    'zh-CN': '资金来源“{text}”无法识别，此行已跳过。可填：{allowed}。',
    en: 'Fund source “{text}” is not recognised; row skipped. Allowed: {allowed}.',
  },
  'bad-code': {
    'zh-CN': '“{column}”的编码“{text}”无效，应为{expectedZh}，此行已跳过。',
    en: 'Code “{text}” in “{column}” is invalid: expected {expectedEn}; row skipped.',
  },
  'bad-value': {
    'zh-CN': '“{column}”的值“{text}”无效，可填：{allowed}。',
    en: 'The value “{text}” of “{column}” is invalid. Allowed: {allowed}.',
  },
  'missing-value': {
    'zh-CN': '“{column}”未填写，此行已跳过。',
    en: '“{column}” is blank; row skipped.',
  },
  'missing-field': {
    'zh-CN': '“{column}”未填写。',
    en: '“{column}” is blank.',
  },
  'unknown-key': {
    'zh-CN': '“{text}”不是工作表“{sheet}”可识别的项目，已忽略。',
    en: '“{text}” is not an item of sheet “{sheet}”; ignored.',
  },
  invalid: {
    'zh-CN': '底稿数据不符合要求：{message}',
    en: 'The input does not meet the requirements: {message}',
  },
  // Composing the disclosure
  'basic-mismatch': {
    'zh-CN': '{source}的{kind}：收入支出明细合计 {expected}，基本支出表（按经济分类）合计 {actual}，两者不一致。',
    en: '{sourceEn}, {kindEn}: the expenditure lines add up to {expected}, the basic expenditure by economic code to {actual}.',
  },
  'project-mismatch': {
    'zh-CN': '{source}的项目支出：收入支出明细合计 {expected}，项目表合计 {actual}，两者不一致。',
    en: '{sourceEn}: project expenditure of the expenditure lines adds up to {expected}, the projects to {actual}.',
  },
  'procurement-exceeds': {
    'zh-CN': '科目 {code} 的政府采购预算 {actual} 超过该科目的支出预算 {expected}。',
    en: 'Procurement under {code} ({actual}) exceeds the expenditure of that code ({expected}).',
  },
  'unknown-project': {
    'zh-CN': '{placeZh}中的项目“{project}”不在项目表中。',
    en: 'Project “{project}” named in {placeEn} is not in the project sheet.',
  },
  'missing-name': {
    'zh-CN': '科目 {code} 没有名称：内置科目目录中没有该编码，请在“{sheet}”表中填写。',
    en: 'Code {code} has no name: the bundled catalogue lacks it; type it in sheet “{sheet}”.',
  },
  'class-not-in-overview': {
    'zh-CN': '科目 {code} 所属的类 {class} 不是表一、表四列示的 21 个支出功能分类之一，未列入其分类行。',
    en: 'Code {code} belongs to class {class}, which is not one of the 21 classes of forms T01 and T04; it is left out of their class rows.',
  },
  // Extracting the input from a disclosure
  'source-split': {
    'zh-CN': '科目 {code} 的非财政拨款收入来自多个资金来源，其基本支出、项目支出和结转下年按来源的划分未公开，已按顺序分配。',
    en: 'Non-fiscal revenue of {code} comes from several sources; how its basic, project and carried-forward amounts split by source is not published; allocated in order.',
  },
  'kind-split': {
    'zh-CN': '“{column}”的基本支出分布在多个科目，人员支出与日常公用支出按科目的划分未公开，已按顺序分配。',
    en: 'Basic expenditure from “{column}” lies under several codes; its split into personnel and public use by code is not published; allocated in order.',
  },
  'unit-funds-split': {
    'zh-CN': '{form}的“单位资金”在多个资金来源之间的划分未公开，已按顺序分配（{key}）。',
    en: 'How the unit funds of {form} split between several sources is not published; allocated in order ({key}).',
  },
  'procurement-category': {
    'zh-CN': '政府采购的货物、工程、服务划分仅公开合计，各科目的品目类别已按顺序分配。',
    en: 'Only the totals of procurement goods, works and services are published; categories by code were allocated in order.',
  },
  'total-mismatch': {
    'zh-CN': '{form}“{key}”的金额与相关表不一致（应为 {expected}，实为 {actual}），无法精确还原。',
    en: '{form} “{key}” disagrees with the related forms (expected {expected}, found {actual}); it cannot be recovered exactly.',
  },
  'not-representable': {
    'zh-CN': '{form}“{key}”的金额 {actual} 无法在底稿中表示，已忽略。',
    en: '{form} “{key}” ({actual}) cannot be represented in the input; ignored.',
  },
  'missing-note': {
    'zh-CN': '{form}没有数据也没有注，生成时将加上默认的注。',
    en: '{form} has no data and no note; generating it adds the default note.',
  },
  'funds-mismatch': {
    'zh-CN': '项目“{project}”绩效目标表的{columnZh} {actual} 与项目支出预算表不一致（{expected}），生成时以项目支出预算表为准。',
    en: 'The performance table of “{project}” states {columnEn} {actual}, the project table {expected}; generating uses the project table.',
  },
  'vehicle-split': {
    'zh-CN': '{year}年公务用车购置及运行维护费只公开了小计，无法区分购置与运行维护。',
    en: 'Only the subtotal of official vehicles is published for {year}; purchase and operation cannot be told apart.',
  },
  'key-projects': {
    'zh-CN': '说明中重点绩效评价项目应为 {expected} 个，在文字中只找到 {actual} 个项目表中的项目。',
    en: 'The narrative names {expected} key-evaluation projects; {actual} projects of the project table were found in its text.',
  },
} as const satisfies Record<string, MessageTemplate>;

export type InputMessageId = keyof typeof INPUT_MESSAGES;

/** The text of a diagnostic produced by the input module ({expected} and {actual} come from the diagnostic's numbers). */
export function renderInputMessage(d: Diagnostic, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const template = (INPUT_MESSAGES as Record<string, MessageTemplate>)[d.messageId];
  const data = { ...(d.expected === undefined ? {} : { expected: d.expected }), ...(d.actual === undefined ? {} : { actual: d.actual }), ...d.data };
  return template ? renderTemplate(template, lang, data) : d.messageId;
}
