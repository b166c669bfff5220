/**
 * Standard forms: one declarative layout per table (layouts/), written by
 * generate.ts and read by parse.ts through the same column trees and body kinds.
 */
export type { AnyLayout, BlockCell, BlockField, Body, BodyKind, CodeScheme, ColumnNode, FixedRow, FormLayout, Leaf, PerformanceLayout, RowFormula, RowKind, Side, TableLayout, TotalRowSpec, UnreadLayout } from './types.js';
export { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from './layouts/index.js';
export { fieldOf, fillTemplate, headerCells, leavesOf, treeDepth, type HeaderCell, type LeafColumn } from './tree.js';
export { generateForm, generateForms, generatePerformance, type GenerateOptions } from './generate.js';
export { parseForms, type FoundTable, type ParsedForms, type ParseOptions, type RecognisedTable } from './parse.js';
export { detectProfile } from './titles.js';
export { cleanText, normalizeLabel } from './text.js';
export { FORM_DIAGNOSTICS, FORM_MESSAGES, type FormMessageId } from './messages.js';
