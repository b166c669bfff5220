/**
 * Model paths in words: `forms.T02.rows.3.values.gpb` → 表二 收入总体情况表 › 第 4 行 › 一般公共预算.
 * Used by validation errors and, later, by diagnostics that point into a model.
 */
import { COLUMN_LABELS, COLUMN_LABELS_EN, FORM_IDS, formLabel, NARRATIVE_FIGURES, type ColumnKey, type FormId } from './columns.js';

export type PathSegment = string | number;
export type Lang = 'zh-CN' | 'en';

const FIELD_LABELS: Record<string, [string, string]> = {
  schemaVersion: ['模型版本', 'schema version'],
  unit: ['单位信息', 'unit'],
  name: ['名称', 'name'],
  year: ['预算年度', 'budget year'],
  kind: ['单位性质', 'kind'],
  department: ['主管部门', 'department'],
  document: ['文档', 'document'],
  title: ['标题', 'title'],
  profile: ['模板', 'profile'],
  amountUnit: ['金额单位', 'amount unit'],
  forms: ['报表', 'forms'],
  total: ['合计行', 'total row'],
  label: ['行名', 'label'],
  values: ['金额', 'amounts'],
  note: ['注', 'note'],
  code: ['科目编码', 'code'],
  government: ['政府经济分类', 'government economic'],
  years: ['年度', 'years'],
  previous: ['上年', 'previous year'],
  current: ['本年', 'budget year'],
  type: ['项目类型', 'project type'],
  performance: ['绩效目标表', 'performance tables'],
  project: ['项目名称', 'project'],
  implementer: ['实施单位', 'implementer'],
  funds: ['项目资金', 'project funds'],
  fiscal: ['财政拨款', 'fiscal'],
  other: ['其他资金', 'other funds'],
  target: ['年度总体绩效目标', 'annual target'],
  indicators: ['绩效指标', 'indicators'],
  level1: ['一级指标', 'level 1'],
  level2: ['二级指标', 'level 2'],
  level3: ['三级指标', 'level 3'],
  value: ['指标值', 'value'],
  text: ['原文', 'text'],
  op: ['运算符', 'operator'],
  number: ['数值', 'number'],
  narrative: ['说明', 'narrative'],
  sections: ['章节', 'sections'],
  figures: ['数字', 'figures'],
  key: ['键', 'key'],
  direction: ['增减方向', 'direction'],
  quote: ['引文', 'quote'],
  changeReasons: ['增减原因', 'reasons for change'],
  assetDate: ['资产统计日期', 'asset date'],
  projectsCited: ['引用的项目', 'projects cited'],
  previousYear: ['上年', 'previous year'],
  income: ['收入', 'income'],
  expense: ['支出', 'expense'],
};

function isFormId(s: PathSegment): s is FormId {
  return typeof s === 'string' && (FORM_IDS as readonly string[]).includes(s);
}

export function describePath(path: readonly PathSegment[], lang: Lang = 'zh-CN'): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const prev = path[i - 1];
    if (seg === undefined) continue;
    if (seg === 'forms') continue;
    if (isFormId(seg)) {
      parts.push(zh ? formLabel(seg) : `form ${seg}`);
    } else if (typeof seg === 'number') {
      if (prev === 'performance') parts.push(zh ? `第 ${seg + 1} 张` : `#${seg + 1}`);
      else if (prev === 'indicators') parts.push(zh ? `第 ${seg + 1} 个指标` : `indicator ${seg + 1}`);
      else parts.push(zh ? `第 ${seg + 1} 行` : `row ${seg + 1}`);
    } else if (seg === 'rows') {
      continue;
    } else if (prev === 'values' && seg in COLUMN_LABELS) {
      parts.push(zh ? COLUMN_LABELS[seg as ColumnKey] : COLUMN_LABELS_EN[seg as ColumnKey]);
    } else if (seg === 'values' && i < path.length - 1) {
      continue;
    } else if (prev === 'department' && typeof path[i - 2] === 'number') {
      parts.push(FIELD_LABELS[seg]?.[zh ? 0 : 1] ?? seg);
    } else if (seg === 'department' && typeof prev === 'number' && path[i - 2] === 'rows') {
      parts.push(zh ? '部门经济分类' : 'department economic');
    } else if (seg in NARRATIVE_FIGURES && zh) {
      parts.push(NARRATIVE_FIGURES[seg as keyof typeof NARRATIVE_FIGURES]);
    } else {
      parts.push(FIELD_LABELS[seg]?.[zh ? 0 : 1] ?? seg);
    }
  }
  return parts.join(' › ') || (zh ? '（根）' : '(root)');
}
