/**
 * Paragraphs of a published text, as the model keeps them: a paragraph split
 * by a page break (its piece does not end a sentence, the next piece starts
 * no new item) is joined again, and whitespace between two CJK characters
 * (line wrapping) is removed. Each paragraph remembers the lines it came from,
 * so a position in a section's text maps back to its line.
 */
import { cleanText } from '../forms/text.js';
import { endsSentence, startsWithOrdinal } from './lines.js';

/** Where a piece of a section's text starts: offset in the text, and its line. */
export interface Segment {
  readonly offset: number;
  readonly line: number;
}

interface Paragraph {
  text: string;
  readonly segments: Segment[];
  /** Whether the next piece continues this paragraph (it was cut by a page break). */
  open: boolean;
}

/** Characters that join a page-break split without a space: CJK, CJK punctuation and quotes, digits. */
const JOINS_DIRECTLY = /[0-9\u2e80-\u9fff\uf900-\uffef\u201c\u201d\u2018\u2019]/u;

/** The paragraphs of one section, built piece by piece. */
export class ParagraphBuilder {
  private readonly paragraphs: Paragraph[] = [];

  /**
   * Adds a line. `heading`: a heading kept as a paragraph of its own (一、主要职责),
   * never continued. A piece that starts with an ordinal starts a paragraph.
   */
  add(text: string, line: number, heading = false): void {
    const piece = cleanText(text);
    if (piece === '') return;
    const last = this.paragraphs[this.paragraphs.length - 1];
    if (last && last.open && !heading && !startsWithOrdinal(piece)) {
      const a = last.text.slice(-1);
      const b = piece.slice(0, 1);
      const glue = JOINS_DIRECTLY.test(a) || JOINS_DIRECTLY.test(b) ? '' : ' ';
      last.segments.push({ offset: last.text.length + glue.length, line });
      last.text += glue + piece;
      last.open = !endsSentence(piece);
      return;
    }
    this.paragraphs.push({ text: piece, segments: [{ offset: 0, line }], open: !heading && !endsSentence(piece) });
  }

  /** Something other than prose came between (a table, a dropped sub-heading): the last paragraph is closed. */
  close(): void {
    const last = this.paragraphs[this.paragraphs.length - 1];
    if (last) last.open = false;
  }

  get isEmpty(): boolean {
    return this.paragraphs.length === 0;
  }

  /** The paragraphs joined by newlines, and where each piece starts. */
  build(): { text: string; segments: Segment[] } {
    let text = '';
    const segments: Segment[] = [];
    this.paragraphs.forEach((p, i) => {
      if (i > 0) text += '\n';
      const base = text.length;
      for (const s of p.segments) segments.push({ offset: base + s.offset, line: s.line });
      text += p.text;
    });
    return { text, segments };
  }
}

/** The line of a position in a text, from its segments (sorted by offset). */
export function lineAt(segments: readonly Segment[], offset: number): number | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (!s) break;
    if (s.offset <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.line ?? segments[0]?.line;
}
