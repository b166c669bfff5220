import type { FormId } from '../../model/columns.js';
import type { FormLayout } from '../types.js';
import { T02, T03, T05, T08, T09, T12 } from './coded.js';
import { T06, T10 } from './economic.js';
import { T01, T04 } from './overview.js';
import { T11 } from './projects.js';
import { T07 } from './three-public.js';

/** The twelve standard forms, one layout each. */
export const FORM_LAYOUTS: Readonly<Record<FormId, FormLayout>> = { T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, T11, T12 };

export { PERFORMANCE_LAYOUT } from './performance.js';
