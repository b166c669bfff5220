import type { AnyRule } from '../engine/types.js';
import rollup from './rollup.js';
import rounding from './rounding.js';

export const SUM_RULES: readonly AnyRule[] = [rollup, rounding];
