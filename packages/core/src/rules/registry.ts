/**
 * The registry: every rule, one sorted list. A test holds it in step with the
 * rule files and with docs/rules/<id>.md.
 */
import type { AnyRule } from './engine/types.js';
import { AMOUNT_RULES } from './amount/index.js';
import { CODE_RULES } from './code/index.js';
import { CROSS_RULES } from './cross/index.js';
import { PERF_RULES } from './perf/index.js';
import { STRUCT_RULES } from './struct/index.js';
import { SUM_RULES } from './sum/index.js';
import { TEXT_RULES } from './text/index.js';

export const RULES: readonly AnyRule[] = [...AMOUNT_RULES, ...CODE_RULES, ...CROSS_RULES, ...PERF_RULES, ...STRUCT_RULES, ...SUM_RULES, ...TEXT_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
