import type { AnyRule } from '../engine/types.js';
import amount from './amount.js';
import change from './change.js';
import operatingCost from './operating-cost.js';
import projectNames from './project-names.js';
import threePublic from './three-public.js';

export const TEXT_RULES: readonly AnyRule[] = [amount, change, operatingCost, projectNames, threePublic];
