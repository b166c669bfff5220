/**
 * The input workbook (底稿): the model where every figure is typed once
 * (schema), compose() to the disclosure with every rollup computed, extract()
 * back from a disclosure, and the workbook sheets that hold it.
 */
export * from './schema.js';
export { compose, COMPOSE_PROFILE, defaultNote as emptyFormNote, type ComposeOptions, type ComposeResult } from './compose.js';
export { extract, extractInput, type ExtractOptions, type ExtractResult } from './extract.js';
export { inputSheets, readInputSheets, type InputReadResult } from './workbook.js';
export { INPUT_SHEETS, type InputSheetSpec, type KeyValueField, type KeyValueSheetSpec, type TableSheetSpec } from './sheets.js';
export { sourceOf as budgetSourceOf, type FieldKind as InputFieldKind, type FieldSpec as InputFieldSpec } from './cells.js';
export { INPUT_MESSAGES, renderInputMessage, type InputMessageId } from './messages.js';
export { fillSubjectNames } from './names.js';
export { referenceInput } from './reference.js';
