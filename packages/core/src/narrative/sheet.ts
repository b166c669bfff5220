/**
 * 第三部分 说明 as a sheet of the forms workbook: the heading of the part, then
 * each section's numbered heading and its paragraphs, one paragraph per row in
 * one wide column, wrapped, each row tall enough for its text.
 */
import type { CellValue } from '../grid/grid.js';
import type { SheetSpec, StyledRange } from '../grid/sheet.js';
import type { Lang } from '../model/paths.js';
import type { Disclosure } from '../model/schema.js';
import { narrativeSections, narrativeTitle } from './sections.js';

/** The tab name of the narrative sheet. */
export const NARRATIVE_SHEET_NAME = '说明';

/** Width of the text column in characters (Excel's unit: one CJK character takes two). */
const TEXT_WIDTH = 96;
/** Points per wrapped line of body text, and of the larger heading font. */
const LINE_HEIGHT = 15;
const TITLE_LINE_HEIGHT = 24;

/** Display width: CJK and full-width characters count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Lines a text wraps to in the text column (at least one). */
function lineCount(text: string, widthFactor = 1): number {
  return Math.max(1, Math.ceil((displayWidth(text) * widthFactor) / TEXT_WIDTH));
}

export interface NarrativeSheetOptions {
  readonly lang?: Lang;
  /** The tab name; 说明 by default. */
  readonly name?: string;
}

/** The narrative sheet: rows of headings (role `title`) and paragraphs (role `paragraph`). */
export function narrativeSheet(model: Disclosure, options: NarrativeSheetOptions = {}): SheetSpec {
  const lang = options.lang ?? 'zh-CN';
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const heights: Record<number, number> = {};
  // The heading font is larger: its characters take about 1.5 body widths.
  const title = (text: string) => {
    styles.push({ range: `A${rows.length + 1}`, role: 'title' });
    heights[rows.length] = TITLE_LINE_HEIGHT * lineCount(text, 1.5);
    rows.push([text]);
  };
  const paragraph = (text: string) => {
    styles.push({ range: `A${rows.length + 1}`, role: 'paragraph' });
    const lines = lineCount(text);
    if (lines > 1) heights[rows.length] = LINE_HEIGHT * lines + 4;
    rows.push([text]);
  };
  title(narrativeTitle(model, lang));
  for (const section of narrativeSections(model, lang)) {
    title(section.heading);
    for (const p of section.paragraphs) paragraph(p.text);
  }
  return {
    name: options.name ?? NARRATIVE_SHEET_NAME,
    rows,
    merges: [],
    columnWidths: [TEXT_WIDTH],
    rowHeights: heights,
    styles,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
}
