/**
 * Template profiles as data. A profile is the set of tables one region's
 * template publishes: for each table its title (and the variants staff use),
 * what it means (a standard form T01–T12 where the table means the same thing
 * as the reference's, a table of the profile's own otherwise), its header as a
 * column tree, its body, and the row formulas that hold inside it.
 */
import type { AmountUnit } from '../amount/amount.js';
import type { FormLayout, PerformanceLayout, RowFormula, TableLayout, UnreadLayout } from '../forms/types.js';
import type { FormId } from '../model/columns.js';

/** A subtotal of an overview form (T01, T04): `key` = Σ `parts` on one side. */
export interface OverviewFormula {
  readonly side: 'income' | 'expense';
  readonly key: string;
  readonly parts: readonly string[];
}

interface Selected {
  /**
   * Words of a qualifier printed after or under the title — （按支出功能分类科目）
   * — that tell this table from another of the same title.
   */
  readonly qualifier?: string;
  /** Header words that must all be present for this variant of the table (variants share a title). */
  readonly requires?: readonly string[];
}

/** A table that means what a standard form means, read as that form. */
export interface StandardForm extends Selected {
  readonly kind: 'form';
  readonly layout: FormLayout;
  /**
   * The row formulas of this form in this profile, replacing the reference's
   * (sum/row). They name only columns the profile's table has.
   */
  readonly rowFormulas?: readonly RowFormula[];
  /** T01/T04: the subtotals of this profile's rows (sum/overview), checked where the total row is printed. */
  readonly overviewFormulas?: readonly OverviewFormula[];
  /**
   * Rows per 预算单位 under the form's 合计 row: the 合计 row is read as the form,
   * the unit rows into a table of their own (model.tables) whose total is the form's.
   */
  readonly unitRows?: { readonly id: string };
}

export interface OwnTable extends Selected {
  readonly kind: 'table';
  readonly layout: TableLayout;
}

export interface PerformanceForm extends Selected {
  readonly kind: 'performance';
  readonly layout: PerformanceLayout;
}

export interface UnreadTable extends Selected {
  readonly kind: 'unread';
  readonly layout: UnreadLayout;
}

export type ProfileForm = StandardForm | OwnTable | PerformanceForm | UnreadTable;

export interface Profile {
  /** Stable id (`shandong-12`), kept in `model.document.profile`. */
  readonly id: string;
  /** Chinese name of the template. */
  readonly name: string;
  readonly region: string;
  /** The published documents the profile rests on. */
  readonly source: string;
  /** The unit the template's tables state (a document may state another). */
  readonly unit: AmountUnit;
  readonly forms: readonly ProfileForm[];
  /**
   * `standard`: T01/T04 list the 21 function classes of the reference in their
   * standard order and numbering (code/class-row checks them); `own`: the
   * template lists classes its own way (only classes with figures, its own
   * numbering), so only the figures are compared.
   */
  readonly classRows: 'standard' | 'own';
  /**
   * `zero`: a row of T01/T04 that a document does not print is blank, i.e. 0
   * (the reference: every row is always printed). `unknown`: the template's
   * rows vary between years and units, and a row not printed is not a zero.
   */
  readonly absentOverviewRows: 'zero' | 'unknown';
  /** Every page of a long table repeats the title (the repeat continues the table instead of duplicating it). */
  readonly repeatsTitles: boolean;
}

/** The id of every table a profile reads: T01–T12, P, or the profile's own table id. */
export function formIdOf(form: ProfileForm): FormId | 'P' | string {
  return form.kind === 'form' ? form.layout.id : form.kind === 'performance' ? 'P' : form.layout.id;
}
