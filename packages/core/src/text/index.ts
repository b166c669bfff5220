export * from './grid.js';
export { importText, findDocumentTitle, type DocumentTitle, type TextImport, type TextImportOptions, type TextTable } from './import.js';
