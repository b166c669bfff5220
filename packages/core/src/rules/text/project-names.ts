import { defineRule } from '../engine/types.js';
import { squash } from './support/narrative.js';

const LISTS = ['projectsCited', 'keyProjects'] as const;

export default defineRule({
  id: 'text/project-names',
  family: 'text',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '说明中提到的项目在项目支出预算表中存在', en: 'Projects cited in the narrative exist in T11' },
    source: '财政部预决算公开检查发现的问题：说明与报表不一致；项目名称以表十一 项目支出预算情况表为准（本规则的名称比对依据参考公开文本的做法）',
    referenceOnly: true,
  },
  messages: {
    unknownProject: {
      'zh-CN': '说明中提到的项目“{name}”不是表十一 项目支出预算情况表中的项目',
      en: 'Project "{name}" cited in the narrative is not a project of T11',
    },
    unknownKeyProject: {
      'zh-CN': '说明中列为重点绩效评价的项目“{name}”不是表十一 项目支出预算情况表中的项目',
      en: 'Project "{name}" named for key performance evaluation is not a project of T11',
    },
  },
  check(ctx) {
    const m = ctx.model;
    const t11 = m.forms.T11;
    if (!t11 || !m.narrative) return;
    // Names match exactly once layout whitespace is removed.
    const known = new Set(t11.rows.map((r) => squash(r.name)));
    for (const list of LISTS) {
      const seen = new Set<string>();
      (m.narrative[list] ?? []).forEach((name, i) => {
        const key = squash(name);
        if (key === '' || known.has(key) || seen.has(key)) return;
        seen.add(key);
        ctx.report({
          messageId: list === 'keyProjects' ? 'unknownKeyProject' : 'unknownProject',
          data: { name: key },
          location: { form: 'N', rowKey: key, columnKey: list, path: ['narrative', list, i] },
        });
      });
    }
  },
});
