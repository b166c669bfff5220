/**
 * The registry: every rule, one sorted list. A test holds it in step with the
 * rule files and with docs/rules/<id>.md.
 */
import type { AnyRule } from './engine/types.js';
import { CROSS_RULES } from './cross/index.js';
import { SUM_RULES } from './sum/index.js';
import { TEXT_RULES } from './text/index.js';

export const RULES: readonly AnyRule[] = [...CROSS_RULES, ...SUM_RULES, ...TEXT_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
