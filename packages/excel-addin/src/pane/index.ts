/**
 * The task pane: createPane(root, host, options) builds it against any
 * WorkbookHost (the Office.js adapter in Excel, the fake in tests).
 */
export { createPane, downloadFile, type Pane } from './view.js';
export { PaneController, type ActionId, type ConfirmChoice, type Confirmation, type Note, type PaneOptions, type PaneState, type Status } from './controller.js';
export { groupFindings, findingView, cellRef, cellOf, groupLabel, severityLabel, countBySeverity, type FindingView, type FormGroup, type SeverityFilter } from './findings.js';
export { generationPlan, ownedConflicts, renamedSheets, reportJson, reportSheet, sourceGrids, templateSheets, validateSnapshot, type GenerationPlan, type ReportFile } from './plans.js';
export { errorMessage } from './errors.js';
export { t, type Lang, type MessageKey } from './i18n.js';
export { officeStatus, EXCEL_API_VERSION, type OfficeStatus } from './office.js';
