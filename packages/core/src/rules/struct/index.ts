import type { AnyRule } from '../engine/types.js';
import emptyFormNote from './empty-form-note.js';
import requiredForm from './required-form.js';
import sections from './sections.js';
import unitName from './unit-name.js';
import unit from './unit.js';
import year from './year.js';

export const STRUCT_RULES: readonly AnyRule[] = [emptyFormNote, requiredForm, sections, unit, unitName, year];
