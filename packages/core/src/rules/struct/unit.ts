import { FORM_IDS, formLabel } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';

const SENTENCE = /[^。；！？!?;\n]+/g;
/** A sum in 万元: a number written before 万元. */
const WAN_YUAN = /[0-9０-９]\s*万元/;
/** A number directly before 元: a sum in 元 (万元, 多元 and 单元 do not match). */
const YUAN = /[0-9０-９][0-9０-９,.．]*\s*元/g;

/** Whether a sentence states sums both in 元 and in 万元; rates in 元 (300元/人, 每人每月300元, 补助标准300元) are not sums. */
function mixesUnits(sentence: string): boolean {
  if (!WAN_YUAN.test(sentence)) return false;
  for (const m of sentence.matchAll(YUAN)) {
    const start = m.index ?? 0;
    if (/^[/／每]/.test(sentence.slice(start + m[0].length))) continue;
    if (/(每|标准)[^，,]{0,8}$/.test(sentence.slice(0, start))) continue;
    return true;
  }
  return false;
}

export default defineRule({
  id: 'struct/unit',
  family: 'struct',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '每张表标明金额单位，全文单位一致，说明中同一句话不混用元和万元', en: 'Every form states its unit, one unit throughout, no sentence mixing 元 and 万元' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：部门预算按统一格式公开；各表标明金额单位（单位：万元）是统一表样的要求，金额在表间、表文间可以相互核对的前提',
  },
  messages: {
    missingUnit: { 'zh-CN': '{formName}未标明金额单位（如“单位：万元”）', en: 'Form {form} does not state its unit (单位：万元)' },
    unitDiffers: { 'zh-CN': '{formName}的金额单位为{unit}，全文金额单位为{documentUnit}', en: 'Form {form} is in {unit} while the document uses {documentUnit}' },
    mixedUnits: { 'zh-CN': '说明“{section}”中同一句话混用元和万元：“{sentence}”', en: 'A sentence of the narrative section "{section}" mixes 元 and 万元: "{sentence}"' },
  },
  check(ctx) {
    const { model } = ctx;
    const documentUnit = model.document.amountUnit;
    for (const form of FORM_IDS) {
      const table = model.forms[form];
      if (!table) continue;
      const base = { form, formName: formLabel(form) };
      const location = { form, path: ['forms', form, 'unit'] };
      if (table.unit === undefined) ctx.report({ messageId: 'missingUnit', data: base, location });
      else if (table.unit !== documentUnit) ctx.report({ messageId: 'unitDiffers', data: { ...base, unit: table.unit, documentUnit }, location, expected: documentUnit, actual: table.unit });
    }
    (model.narrative?.sections ?? []).forEach((section, i) => {
      for (const m of (section.text ?? '').matchAll(SENTENCE)) {
        const sentence = m[0].trim();
        if (!mixesUnits(sentence)) continue;
        ctx.report({
          messageId: 'mixedUnits',
          data: { section: section.title, sentence },
          location: { form: 'N', rowKey: section.key, columnKey: 'text', path: ['narrative', 'sections', i, 'text'] },
        });
      }
    });
  },
});
