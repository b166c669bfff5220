import type { AnyRule } from '../engine/types.js';
import balance from './balance.js';
import overview from './overview.js';
import projectTotal from './project-total.js';
import rollup from './rollup.js';
import rounding from './rounding.js';
import row from './row.js';

export const SUM_RULES: readonly AnyRule[] = [balance, overview, projectTotal, rollup, rounding, row];
