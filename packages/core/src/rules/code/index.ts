import type { AnyRule } from '../engine/types.js';
import classRow from './class-row.js';
import duplicate from './duplicate.js';
import hierarchy from './hierarchy.js';
import nameMismatch from './name-mismatch.js';
import unknown from './unknown.js';

export const CODE_RULES: readonly AnyRule[] = [classRow, duplicate, hierarchy, nameMismatch, unknown];
