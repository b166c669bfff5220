/**
 * Form layouts as data. A layout describes one standard table: its title (and
 * the variants staff use), its header as a column tree, what each leaf column
 * holds, the kinds of rows its body has, and the note of an empty form. One
 * engine writes every layout (generate.ts) and reads every layout (parse.ts).
 */
import type { ColumnKey, FormId } from '../model/columns.js';

/** The three subject classifications whose codes tables carry, and the codes of 预算单位 in tables with a row per unit. */
export type CodeScheme = 'function' | 'department' | 'government' | 'unit';

/** Which half of a two-sided table a column belongs to: T01/T04 income | expense, T07 previous | current year. */
export type Side = 'income' | 'expense' | 'previous' | 'current';

/** What a leaf column holds. */
export type Leaf =
  /** One segment of a subject code: 类 (level 0), 款 (1), 项 (2). */
  | { readonly kind: 'code'; readonly scheme: CodeScheme; readonly level: 0 | 1 | 2 }
  /** The subject name beside a code. */
  | { readonly kind: 'name'; readonly scheme: CodeScheme }
  /** 项目名称 of T11. */
  | { readonly kind: 'project' }
  /** 项目类型 of T11. */
  | { readonly kind: 'projectType' }
  /** 项目 of a T01/T04 side: the fixed row's label. */
  | { readonly kind: 'label'; readonly side: 'income' | 'expense' }
  /** An amount column of the model, optionally on one side. */
  | { readonly kind: 'amount'; readonly column: ColumnKey; readonly side?: Side }
  /** A column of the indicator grid of a performance table. */
  | { readonly kind: 'indicator'; readonly part: 'level1' | 'level2' | 'level3' | 'value' }
  /** A column with a header only (绩效指标), merged down over the body. */
  | { readonly kind: 'stub' }
  /** An amount column of a table beyond the standard forms, by its key (a column key, or the header words). */
  | { readonly kind: 'value'; readonly key: string }
  /**
   * A column a profile knows but does not read: a running number (序号), remarks,
   * or figures the model does not hold. With a reason, reading reports it once
   * (parse/not-read); without one (序号, 备注) it is passed over in silence.
   */
  | { readonly kind: 'skip'; readonly reason?: string };

/**
 * A node of a header's column tree. A group spans its children; a leaf above
 * the deepest level spans down to the last header row. Labels may hold
 * `{previousYear}` / `{currentYear}`, filled when writing and captured when reading.
 */
export interface ColumnNode {
  readonly label: string;
  /** Other header words staff use for this column (matched after normalisation). */
  readonly aliases?: readonly string[];
  readonly leaf?: Leaf;
  readonly children?: readonly ColumnNode[];
  /** Column width in characters (leaves only). */
  readonly width?: number;
  /** Not part of the published layout: shown only when the model has a figure in it. */
  readonly optional?: boolean;
}

/** The row kinds a body may hold, from the 合计 row down to the deepest subject level. */
export type RowKind = 'total' | 'class' | 'item' | 'subitem' | 'project' | 'pair' | 'values' | 'indicator';

/** One fixed row of a side of T01/T04. */
export interface FixedRow {
  /** Row key in the model: a fixed key (`fiscal`, `grandTotal`) or a 类 code (`208`). */
  readonly key: string;
  readonly label: string;
  readonly aliases?: readonly string[];
  /** A 合计/总计 row, styled as a total. */
  readonly total?: boolean;
}

/** Where the label of the 合计 row sits, and what it says. */
export interface TotalRowSpec {
  readonly label: string;
  readonly at: Leaf;
}

export type Body =
  /** Function-coded rows (类/款/项) under a 合计 row. */
  | { readonly kind: 'subjects'; readonly scheme: 'function'; readonly codeWidths: readonly number[]; readonly rows: readonly RowKind[]; readonly total: TotalRowSpec }
  /** Economic-coded rows: a departmental 类/款 code beside an optional governmental one. */
  | { readonly kind: 'economic'; readonly codeWidths: readonly number[]; readonly rows: readonly RowKind[]; readonly total: TotalRowSpec }
  /** One row per project under a 合计 row. */
  | { readonly kind: 'projects'; readonly rows: readonly RowKind[]; readonly total: TotalRowSpec }
  /** Fixed income and expense rows side by side; `null` leaves a side blank. */
  | { readonly kind: 'paired'; readonly pairs: readonly (readonly [FixedRow | null, FixedRow | null])[] }
  /** One row of figures for the previous and the budget year (T07). */
  | { readonly kind: 'years' };

export type BodyKind = Body['kind'];

export interface FormLayout {
  readonly id: FormId;
  /** Standard title, as the reference publishes it. */
  readonly title: string;
  /** Other titles that name the same form (matched at the end of a title cell, after normalisation). */
  readonly titleVariants: readonly string[];
  /** Name of the generated sheet (≤ 31 characters, none of []:*?/\). */
  readonly sheetName: string;
  /** The unit line above the header, right-aligned; `{amountUnit}` is the form's unit (万元). */
  readonly unitLine: string;
  readonly columns: readonly ColumnNode[];
  readonly body: Body;
  /** The note published under the form when it has no data; `{year}` and `{unit}` are filled in. */
  readonly emptyNote?: string;
}

/** The fields of a performance table's header block. */
export type BlockField = 'project' | 'department' | 'implementer' | 'funds.total' | 'funds.fiscal' | 'funds.other' | 'target';

/** A cell of the header block: a label, or the value of a field; spans in columns and rows. */
export interface BlockCell {
  readonly label?: string;
  readonly aliases?: readonly string[];
  readonly field?: BlockField;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export interface PerformanceLayout {
  readonly id: 'P';
  readonly title: string;
  readonly titleVariants: readonly string[];
  readonly sheetName: string;
  /** Header block rows, left to right; a position covered by a row span from above is skipped. */
  readonly block: readonly (readonly BlockCell[])[];
  /** The indicator grid's header. */
  readonly columns: readonly ColumnNode[];
  readonly rows: readonly RowKind[];
}

export type AnyLayout = FormLayout | PerformanceLayout;

/** A row formula: `total` = Σ `parts`; a part written `-key` is subtracted (增减 = 本年 − 上年). */
export interface RowFormula {
  readonly total: string;
  readonly parts: readonly string[];
  /** Only where one of the parts is filled in (optional breakdowns such as T12's goods / works / services). */
  readonly optional?: boolean;
}

/**
 * A table beyond the standard forms, read into `model.tables`: a table of
 * another template profile without a counterpart among T01–T12. Its amount
 * columns are `value` leaves; its code column holds function codes (类/款/项),
 * economic codes (部门 类/款 beside an optional 政府 pair), 预算单位 codes, or
 * nothing. Its row formulas are data of the profile.
 */
export interface TableLayout {
  readonly id: string;
  readonly title: string;
  readonly titleVariants: readonly string[];
  readonly columns: readonly ColumnNode[];
  readonly codes: 'function' | 'economic' | 'unit' | 'none';
  readonly formulas: readonly RowFormula[];
}

/** A table a profile recognises by its title but does not read, and why. */
export interface UnreadLayout {
  readonly id: string;
  readonly title: string;
  readonly titleVariants: readonly string[];
  readonly reason: string;
}
