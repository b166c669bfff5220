/**
 * Diagnostics are data: what was found (rule id, message id and its data),
 * where (a semantic location in the disclosure and, where known, the physical
 * cell or text line), and the numbers involved as decimal strings. Text is
 * rendered last, in Chinese or English, by a formatter or the task pane.
 */
import type { FormId } from '../model/columns.js';

export type Severity = 'error' | 'warning' | 'info';

/** A standard form, a performance table (P) or the narrative (N). */
export type FormRef = FormId | 'P' | 'N';

export interface Location {
  /** Which form (semantic). */
  readonly form?: FormRef;
  /** The row: a subject code, an economic code pair (`30101/50101`), a project name, a fixed row key (`grandTotal`), an indicator's 三级 name. */
  readonly rowKey?: string;
  /** The column key (`gpb`, `project`, `amount`, `level1` …). */
  readonly columnKey?: string;
  /** For performance tables: the project the table belongs to. */
  readonly project?: string;
  /** For a table beyond the twelve standard forms (`model.tables`): its title as published. */
  readonly table?: string;
  /** Path into the model (`["forms","T02","rows",3,"values","gpb"]`). */
  readonly path?: readonly (string | number)[];
  /** Physical: sheet name and A1 cell of a workbook. */
  readonly sheet?: string;
  readonly cell?: string;
  /** Physical: 1-based line of a text document. */
  readonly line?: number;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly data: MessageData;
  readonly location: Location;
  /** Amounts as decimal strings where the finding is numeric. */
  readonly expected?: string;
  readonly actual?: string;
  /** The other ends of a mismatch (the T01 row a T03 total disagrees with, the duplicated indicator's first row …). */
  readonly related?: readonly Location[];
}

/** A message template in both languages; `{name}` placeholders are filled from the diagnostic's data. */
export interface MessageTemplate {
  readonly 'zh-CN': string;
  readonly en: string;
}

export function renderTemplate(template: MessageTemplate, lang: 'zh-CN' | 'en', data: MessageData): string {
  return template[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Where each figure of a model came from: model path (dot-joined) → physical location. */
export type SourceMap = Readonly<Record<string, Location>>;

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}
