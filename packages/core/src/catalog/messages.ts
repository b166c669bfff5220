import type { CatalogKind, LocalizedMessage, SubjectLevel } from './types.js';

/** Chinese and English names of the catalogues, for messages. */
export const CATALOG_KIND_NAMES: Readonly<Record<CatalogKind, LocalizedMessage>> = {
  function: { 'zh-CN': '支出功能分类科目', en: 'functional classification of expenditure' },
  'economic-department': { 'zh-CN': '部门预算支出经济分类科目', en: 'departmental economic classification of expenditure' },
  'economic-government': { 'zh-CN': '政府预算支出经济分类科目', en: 'governmental economic classification of expenditure' },
};

const LEVEL_EN: Readonly<Record<SubjectLevel, string>> = { 类: 'class (类)', 款: 'section (款)', 项: 'item (项)' };

const q = (s: string): string => `「${s}」`;
const lengthsZh = (lengths: readonly number[]): string => lengths.join('、');
const lengthsEn = (lengths: readonly number[]): string => lengths.join(', ').replace(/, (\d+)$/, ' or $1');

/**
 * Message templates of the catalogue reader, keyed by message id. Each takes the
 * data of the finding and renders it in both languages.
 */
export const CATALOG_MESSAGES = {
  'empty-input': () => ({
    'zh-CN': '科目目录文件为空。',
    en: 'The catalogue file is empty.',
  }),
  'no-header': () => ({
    'zh-CN': '找不到表头行：科目目录需要“科目编码”（或“编码”“代码”“code”，或分列的“类”“款”“项”）和“科目名称”（或“名称”“name”）两列。',
    en: 'No header row found: a catalogue needs a code column (科目编码, 编码, 代码, code, or 类/款/项 columns) and a name column (科目名称, 名称, name).',
  }),
  'unterminated-quote': () => ({
    'zh-CN': '此行开始的带引号字段缺少结束引号，其后的内容都被读入了这个字段。',
    en: 'A quoted field starting on this line is never closed; everything after it was read into that field.',
  }),
  'code-empty': (p: { name: string }) => ({
    'zh-CN': `科目名称${q(p.name)}没有科目编码，已跳过。`,
    en: `Subject name ${q(p.name)} has no code; skipped.`,
  }),
  'code-cell-error': (p: { value: string }) => ({
    'zh-CN': `科目编码单元格是错误值 ${p.value}，已跳过。`,
    en: `The code cell holds the error value ${p.value}; skipped.`,
  }),
  'code-not-digits': (p: { code: string }) => ({
    'zh-CN': `科目编码${q(p.code)}含有数字以外的字符，已跳过。`,
    en: `Code ${q(p.code)} contains characters other than digits; skipped.`,
  }),
  'code-length': (p: { code: string; kind: CatalogKind; lengths: readonly number[] }) => ({
    'zh-CN': `科目编码${q(p.code)}为 ${p.code.length} 位，${CATALOG_KIND_NAMES[p.kind]['zh-CN']}的编码应为 ${lengthsZh(p.lengths)} 位，已跳过。`,
    en: `Code ${q(p.code)} has ${p.code.length} digits; codes of the ${CATALOG_KIND_NAMES[p.kind].en} have ${lengthsEn(p.lengths)} digits; skipped.`,
  }),
  'code-kind': (p: { code: string; kind: CatalogKind; prefix: string }) => ({
    'zh-CN': `科目编码${q(p.code)}不属于${CATALOG_KIND_NAMES[p.kind]['zh-CN']}（其编码以 ${p.prefix} 开头），已跳过。`,
    en: `Code ${q(p.code)} is not a code of the ${CATALOG_KIND_NAMES[p.kind].en} (whose codes start with ${p.prefix}); skipped.`,
  }),
  'code-segment': (p: { column: SubjectLevel; value: string; expected: string }) => ({
    'zh-CN': `“${p.column}”列的值${q(p.value)}不是有效的${p.column}级编码（应为 ${p.expected}），已跳过。`,
    en: `The value ${q(p.value)} in the ${LEVEL_EN[p.column]} column is not a valid ${LEVEL_EN[p.column]} code (expected ${p.expected}); skipped.`,
  }),
  'code-segment-parent': (p: { column: SubjectLevel; value: string; parent: SubjectLevel }) => ({
    'zh-CN': `“${p.column}”列有值${q(p.value)}，但本行和上文都没有“${p.parent}”级编码，无法组成完整编码，已跳过。`,
    en: `The ${LEVEL_EN[p.column]} column holds ${q(p.value)} but neither this row nor the rows above give its ${LEVEL_EN[p.parent]}; the full code cannot be built; skipped.`,
  }),
  'code-segment-mismatch': (p: { code: string; prefix: string }) => ({
    'zh-CN': `编码${q(p.code)}与同一行的上级编码${q(p.prefix)}不一致，已跳过。`,
    en: `Code ${q(p.code)} does not start with ${q(p.prefix)} given in the same row; skipped.`,
  }),
  'name-empty': (p: { code: string }) => ({
    'zh-CN': `科目编码 ${p.code} 没有科目名称，已跳过。`,
    en: `Code ${p.code} has no name; skipped.`,
  }),
  'duplicate-code': (p: { code: string; name: string; firstName: string; firstRow: number }) => ({
    'zh-CN': `科目编码 ${p.code} 重复：第 ${p.firstRow} 行名称为${q(p.firstName)}，此行为${q(p.name)}；保留第 ${p.firstRow} 行。`,
    en: `Code ${p.code} is duplicated: row ${p.firstRow} names it ${q(p.firstName)}, this row ${q(p.name)}; row ${p.firstRow} is kept.`,
  }),
  'level-mismatch': (p: { code: string; level: string; expected: SubjectLevel }) => ({
    'zh-CN': `科目编码 ${p.code} 的级次写为${q(p.level)}，按编码长度应为“${p.expected}”；已按“${p.expected}”读入。`,
    en: `Code ${p.code} is given the level ${q(p.level)} but its length makes it a ${LEVEL_EN[p.expected]}; read as ${LEVEL_EN[p.expected]}.`,
  }),
  'kind-unknown': () => ({
    'zh-CN': '无法从科目编码判断目录类型（支出功能分类 2 开头、部门预算经济分类 3 开头、政府预算经济分类 5 开头）。',
    en: 'Cannot tell the catalogue kind from the codes (functional codes start with 2, departmental economic with 3, governmental economic with 5).',
  }),
  'no-subjects': () => ({
    'zh-CN': '没有读到任何有效科目。',
    en: 'No valid subject was read.',
  }),
} as const satisfies Record<string, (p: never) => LocalizedMessage>;

export type CatalogMessageId = keyof typeof CATALOG_MESSAGES;

/** A problem found while reading a user catalogue. */
export interface CatalogIssue {
  /** 1-based row: the sheet row for a grid, the line on which the record starts for CSV. */
  readonly row: number;
  /** A1 address of the offending cell (grids only). */
  readonly cell?: string;
  readonly messageId: CatalogMessageId;
  readonly message: LocalizedMessage;
}
