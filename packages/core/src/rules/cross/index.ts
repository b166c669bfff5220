import type { AnyRule } from '../engine/types.js';
import appropriation from './appropriation.js';
import basic from './basic.js';
import emptyConsistency from './empty-consistency.js';
import expense from './expense.js';
import income from './income.js';
import performanceFunds from './performance-funds.js';
import procurement from './procurement.js';
import project from './project.js';
import threePublic from './three-public.js';

export const CROSS_RULES: readonly AnyRule[] = [appropriation, basic, emptyConsistency, expense, income, performanceFunds, procurement, project, threePublic];
