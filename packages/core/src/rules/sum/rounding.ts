import { defineRule } from '../engine/types.js';

/**
 * 尾差: amounts rounded from 元 to 万元 may make a total differ from the sum of
 * its n parts by up to 0.005 × (n + 1). The engine reports such differences of
 * the other sum/* rules under this id (a warning) instead of as errors; this
 * module carries the id, its documentation and its message.
 */
export default defineRule({
  id: 'sum/rounding',
  family: 'sum',
  type: 'suggestion',
  defaultSeverity: 'warning',
  meta: {
    title: { 'zh-CN': '合计与各组成部分之差在四舍五入尾差范围内', en: 'A total differs from its parts within the rounding tolerance' },
    source: '元转换为万元保留两位小数产生的尾差；容差为 0.005 ×（组成部分数 + 1）万元',
  },
  messages: {
    rounding: {
      'zh-CN': '{where} 为 {actual}，各组成部分之和为 {expected}，相差 {difference}，在四舍五入尾差范围内（{parts} 项，允许 {tolerance}）',
      en: '{where} is {actual}; its parts sum to {expected}, a difference of {difference} within the rounding tolerance ({parts} parts, {tolerance})',
    },
  },
  companions: ['sum/rollup', 'sum/row', 'sum/overview', 'sum/project-total'],
  check() {
    // Reported by the engine while it evaluates the equations of the other sum/* rules.
  },
});
