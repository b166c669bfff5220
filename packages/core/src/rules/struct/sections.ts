import { SECTION_TITLES, type SectionKey } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';

/** The explanations 财预〔2016〕143号 requires, and the document's 部门概况 and 名词解释, in document order. */
const REQUIRED: readonly SectionKey[] = ['overview', 'change', 'threePublic', 'operatingCost', 'procurement', 'assets', 'performance', 'glossary'];

export default defineRule({
  id: 'struct/sections',
  family: 'struct',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '说明包括收支增减变化、“三公”经费、机关运行经费、政府采购、国有资产、绩效目标，文件包括部门概况和名词解释', en: 'The narrative has its required sections and the document its 部门概况 and 名词解释' },
    source:
      '财预〔2016〕143号《地方预决算公开操作规程》：部门预算公开时，对本部门职责及机构设置情况、预算收支增减变化、机关运行经费安排、“三公”经费、政府采购、国有资产占有使用、预算绩效等情况作出说明，并对专业性较强的名词进行解释',
  },
  messages: {
    missingSection: { 'zh-CN': '说明中缺少“{title}”部分', en: 'The disclosure lacks the section "{title}" ({section})' },
    emptySection: { 'zh-CN': '说明中“{title}”部分没有内容', en: 'The section "{title}" ({section}) is empty' },
  },
  check(ctx) {
    const narrative = ctx.model.narrative;
    // A model without narrative (read from a forms workbook) is not checked: it has no text by construction.
    if (!narrative) return;
    for (const key of REQUIRED) {
      const index = narrative.sections.findIndex((s) => s.key === key);
      const section = narrative.sections[index];
      if (!section) {
        ctx.report({ messageId: 'missingSection', data: { section: key, title: SECTION_TITLES[key] }, location: { form: 'N', rowKey: key, path: ['narrative', 'sections'] } });
      } else if ((section.text ?? '').trim() === '') {
        ctx.report({ messageId: 'emptySection', data: { section: key, title: section.title }, location: { form: 'N', rowKey: key, path: ['narrative', 'sections', index] } });
      }
    }
  },
});
