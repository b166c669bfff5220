/**
 * The parts of a published document (第一部分 部门概况, 第二部分 预算表,
 * 第三部分 说明, 第四部分 名词解释) and the sections of its narrative with
 * their text. 部门概况 and 名词解释 are one section each, their headings
 * (一、主要职责) kept as paragraphs; 第三部分 is cut into sections at its
 * numbered headings (一、预算收支增减变化情况说明 …), whose sub-headings alone
 * on a line (（一）预算绩效管理情况) are structure, not text. Tables inside the
 * narrative (the performance tables) are not text either.
 */
import { cleanText, normalizeLabel } from '../forms/text.js';
import { SECTION_TITLES, type SectionKey } from '../model/columns.js';
import { ITEM_ORDINAL, SUB_ORDINAL, TOP_ORDINAL, withoutOrdinal, type TextLine } from './lines.js';
import { ParagraphBuilder, type Segment } from './paragraphs.js';

export type PartKind = 'overview' | 'tables' | 'notes' | 'glossary';

export interface Part {
  readonly kind: PartKind;
  /** 1-based line of 第X部分. */
  readonly line: number;
  /** The part's title as published (部门概况, 2024年部门预算表), whitespace between CJK removed. */
  readonly title: string;
}

export interface TextSection {
  readonly key: SectionKey;
  readonly title: string;
  /** Line of the heading (or of 第X部分 for 部门概况 and 名词解释). */
  readonly line: number;
  /** Paragraphs joined by newlines; '' when the section has none. */
  readonly text: string;
  readonly segments: readonly Segment[];
}

const NUMBERED_PARTS: readonly PartKind[] = ['overview', 'tables', 'notes', 'glossary'];

function partKind(title: string, number: number): PartKind | undefined {
  const t = normalizeLabel(title);
  if (t.includes('概况')) return 'overview';
  if (t.includes('名词解释')) return 'glossary';
  if (/(?:预算表|公开表|报表)$/u.test(t)) return 'tables';
  if (t.includes('说明')) return 'notes';
  return NUMBERED_PARTS[number - 1];
}

/** The section a heading of 第三部分 opens, by its words. */
const SECTION_WORDS: readonly (readonly [RegExp, SectionKey])[] = [
  [/增减变化|收支(?:预算)?(?:总体)?情况/u, 'change'],
  [/三公/u, 'threePublic'],
  [/机关运行经费/u, 'operatingCost'],
  [/政府采购/u, 'procurement'],
  [/国有资产/u, 'assets'],
  [/绩效/u, 'performance'],
  [/特殊事项|其他(?:重要)?事项|其他需要说明/u, 'special'],
];

const EXACT_TITLES: ReadonlyMap<string, SectionKey> = new Map(Object.entries(SECTION_TITLES).map(([k, t]) => [normalizeLabel(t), k as SectionKey]));

/** The section a heading opens: a top-level heading (一、…) or an unnumbered one, by its title or its words. */
function sectionOf(text: string, byWords: boolean): SectionKey | undefined {
  if (SUB_ORDINAL.test(text) || ITEM_ORDINAL.test(text)) return undefined;
  const rest = normalizeLabel(text.replace(TOP_ORDINAL, ''));
  const exact = EXACT_TITLES.get(rest);
  if (exact) return exact;
  if (!byWords || !TOP_ORDINAL.test(text)) return undefined;
  return SECTION_WORDS.find(([re]) => re.test(rest))?.[1];
}

export interface DocumentSections {
  readonly parts: readonly Part[];
  readonly sections: readonly TextSection[];
}

interface OpenSection {
  readonly key: SectionKey;
  readonly title: string;
  readonly line: number;
  readonly body: ParagraphBuilder;
}

/**
 * Parts and sections of the text. `tableLines` are the (0-based) lines that
 * belong to tables, which are no text of any section.
 */
export function readSections(lines: readonly TextLine[], tableLines: ReadonlySet<number>): DocumentSections {
  const parts: Part[] = [];
  const sections: TextSection[] = [];
  const seen = new Set<SectionKey>();
  let region: PartKind | undefined;
  let open: OpenSection | undefined;

  const close = () => {
    if (!open) return;
    const { text, segments } = open.body.build();
    sections.push({ key: open.key, title: open.title, line: open.line, text, segments });
    open = undefined;
  };
  const start = (key: SectionKey, title: string, line: number) => {
    close();
    seen.add(key);
    open = { key, title, line, body: new ParagraphBuilder() };
  };

  lines.forEach((l, i) => {
    switch (l.kind) {
      case 'blank':
        return;
      case 'toc':
      case 'partTitle':
        open?.body.close();
        return;
      case 'part': {
        close();
        const number = l.part?.number ?? 0;
        let title = l.part?.title ?? '';
        if (title === '') {
          const next = lines.slice(i + 1, i + 4).find((m) => m.kind !== 'blank');
          if (next?.kind === 'partTitle') title = next.text;
        }
        title = cleanText(title);
        region = partKind(title, number);
        if (region) parts.push({ kind: region, line: l.line, title });
        if (region === 'overview' && !seen.has('overview')) start('overview', title || SECTION_TITLES.overview, l.line);
        if (region === 'glossary' && !seen.has('glossary')) start('glossary', title || SECTION_TITLES.glossary, l.line);
        return;
      }
      default:
        break;
    }
    if (tableLines.has(i) || l.kind === 'row' || l.kind === 'title' || l.kind === 'unit' || l.kind === 'note') {
      open?.body.close();
      return;
    }
    if (region === 'tables') return;
    const inNarrative = region === 'notes' || region === undefined;
    if (l.kind === 'heading' || l.kind === 'short') {
      const key = inNarrative || !open ? sectionOf(l.text, inNarrative && l.kind === 'heading') : undefined;
      if (key && !seen.has(key)) {
        start(key, cleanText(withoutOrdinal(l.text)), l.line);
        return;
      }
      if (l.kind === 'heading') {
        // 部门概况 and 名词解释 keep their headings as paragraphs; a sub-heading of 第三部分 is structure only
        if (open && !inNarrative) open.body.add(l.text, l.line, true);
        else open?.body.close();
        return;
      }
    }
    open?.body.add(l.text, l.line);
  });
  close();
  return { parts, sections };
}
