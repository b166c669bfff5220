import { defineRule } from '../engine/types.js';

/**
 * An amount cell that holds text (`12,3a`, `#REF!`). Such cells never reach the
 * model, which holds valid amounts only: the readers report them under this id
 * and the engine takes the figure out of every sum. This module carries the id,
 * the documentation and the messages of the readers: `notANumber` (forms and
 * text readers, data `{ text }`), `not-a-number` and `spreadsheet-error` (the
 * input-workbook reader, data `{ column, text }`).
 */
export default defineRule({
  id: 'amount/not-a-number',
  family: 'amount',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '金额单元格中是文字而不是数字', en: 'An amount cell holds text that is not a number' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：部门预算表格按统一格式公开金额；无法读作数字的单元格（含 #REF! 等表格错误值）无法核对',
  },
  messages: {
    notANumber: { 'zh-CN': '金额单元格不是数字：“{text}”', en: 'An amount cell is not a number: "{text}"' },
    'not-a-number': { 'zh-CN': '“{column}”单元格的内容“{text}”不是数字，按空白处理', en: 'The “{column}” cell holds “{text}”, which is not a number; read as blank' },
    'spreadsheet-error': { 'zh-CN': '“{column}”单元格是错误值 {text}，按空白处理', en: 'The “{column}” cell holds the error value {text}; read as blank' },
  },
  check() {
    // Reported by the readers while they build the model; a model holds only valid amounts.
  },
});
