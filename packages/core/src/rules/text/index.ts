import type { AnyRule } from '../engine/types.js';
import amount from './amount.js';
import change from './change.js';

export const TEXT_RULES: readonly AnyRule[] = [amount, change];
