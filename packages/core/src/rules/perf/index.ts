import type { AnyRule } from '../engine/types.js';
import copiedTarget from './copied-target.js';
import costVsFunds from './cost-vs-funds.js';
import coverage from './coverage.js';
import duplicate from './duplicate.js';
import framework from './framework.js';
import misfiled from './misfiled.js';
import quantified from './quantified.js';
import satisfactionPlacement from './satisfaction-placement.js';
import value from './value.js';

export const PERF_RULES: readonly AnyRule[] = [copiedTarget, costVsFunds, coverage, duplicate, framework, misfiled, quantified, satisfactionPlacement, value];
