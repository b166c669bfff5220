import type { AnyRule } from '../engine/types.js';
import negative from './negative.js';
import notANumber from './not-a-number.js';
import precision from './precision.js';
import zeroStyle from './zero-style.js';

export const AMOUNT_RULES: readonly AnyRule[] = [negative, notANumber, precision, zeroStyle];
