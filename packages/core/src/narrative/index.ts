/**
 * The narrative (第三部分 说明) generated from a model: its figures from the
 * tables and narrative fields (figures.ts), its text in sections of paragraphs
 * (sections.ts), and the sheet that holds it in a forms workbook (sheet.ts).
 */
export { changeBetween, narrativeFigures, type Change as NarrativeChange, type Direction as NarrativeDirection, type NarrativeFigures } from './figures.js';
export { NARRATIVE_SECTION_KEYS, narrativeSections, narrativeTitle, type NarrativeParagraph, type NarrativeSection, type NarrativeSectionKey } from './sections.js';
export { NARRATIVE_SHEET_NAME, narrativeSheet, type NarrativeSheetOptions } from './sheet.js';
