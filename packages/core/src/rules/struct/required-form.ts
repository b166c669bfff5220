import { FORM_IDS, FORM_TITLES, formLabel, type FormId } from '../../model/columns.js';
import { profileById, requiredForms } from '../../profiles/registry.js';
import { defineRule } from '../engine/types.js';


export default defineRule({
  id: 'struct/required-form',
  family: 'struct',
  type: 'problem',
  defaultSeverity: 'error',
  meta: {
    title: { 'zh-CN': '模板规定的表格全部公开', en: 'Every form of the profile is present' },
    source: '财预〔2016〕143号《地方预决算公开操作规程》：部门预算按统一格式公开全部表格，没有数据的表格也应公开并说明；表格清单（表一至表十二）取自参考文件所用的山东模板',
  },
  messages: {
    missingForm: { 'zh-CN': '缺少{formName}', en: 'Form {form} ({title}) is missing' },
    missingTable: { 'zh-CN': '缺少“{title}”（模板要求的表）', en: 'The table {title} ({table}) of the template is missing' },
  },
  check(ctx) {
    const { model } = ctx;
    // The forms of the document's template profile (an unknown profile is held to the standard twelve), and the profile's own tables.
    const required = requiredForms(model.document.profile);
    const forms: readonly FormId[] = required?.forms ?? FORM_IDS;
    for (const form of forms) {
      if (model.forms[form] !== undefined) continue;
      ctx.report({ messageId: 'missingForm', data: { form, formName: formLabel(form), title: FORM_TITLES[form] }, location: { form, path: ['forms', form] } });
    }
    const profile = profileById(model.document.profile);
    for (const id of required?.tables ?? []) {
      if ((model.tables ?? []).some((t) => t.id === id)) continue;
      const title = profile?.forms.find((f) => f.layout.id === id)?.layout.title ?? id;
      ctx.report({ messageId: 'missingTable', data: { table: id, title }, location: { table: title, path: ['tables'] } });
    }
  },
});
