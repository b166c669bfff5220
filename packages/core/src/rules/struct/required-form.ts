import { FORM_IDS, FORM_TITLES, formLabel, type FormId } from '../../model/columns.js';
import { defineRule } from '../engine/types.js';

/** The forms each template profile publishes; an unknown profile is held to the standard twelve. */
const PROFILE_FORMS: Readonly<Record<string, readonly FormId[]>> = {
  'shandong-12': FORM_IDS,
};

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
  },
  check(ctx) {
    const { model } = ctx;
    for (const form of PROFILE_FORMS[model.document.profile] ?? FORM_IDS) {
      if (model.forms[form] !== undefined) continue;
      ctx.report({ messageId: 'missingForm', data: { form, formName: formLabel(form), title: FORM_TITLES[form] }, location: { form, path: ['forms', form] } });
    }
  },
});
