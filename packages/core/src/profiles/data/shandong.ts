/**
 * shandong-12: the reference profile. The twelve standard forms and the
 * project performance tables exactly as the reference disclosure publishes
 * them (a Shandong district unit, 2024); the layouts are the forms' own.
 */
import { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from '../../forms/layouts/index.js';
import { FORM_IDS } from '../../model/columns.js';
import type { Profile } from '../types.js';

export const SHANDONG_12: Profile = {
  id: 'shandong-12',
  name: '部门预算公开 12 张表（山东区县模板）',
  region: '山东省（区县）',
  source: '参考文件：2024 年淄博高新区人力资源和社会保障中心（先创）部门预算公开',
  unit: '万元',
  forms: [...FORM_IDS.map((id) => ({ kind: 'form' as const, layout: FORM_LAYOUTS[id] })), { kind: 'performance', layout: PERFORMANCE_LAYOUT }],
  classRows: 'standard',
  absentOverviewRows: 'zero',
  repeatsTitles: false,
};
