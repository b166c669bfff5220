/**
 * Reading the narrative (第三部分 说明) for the text/* rules: sections and
 * stated figures by key, with their locations.
 */
import type { Location } from '../../../diagnostics/types.js';
import type { NarrativeFigureKey, SectionKey } from '../../../model/columns.js';
import type { Disclosure, NarrativeFigure } from '../../../model/schema.js';

/** Every whitespace removed: line-wrap artefacts of the published text. */
export function squash(s: string | undefined): string {
  return (s ?? '').replace(/[\s\u3000]+/g, '');
}

export interface SectionHit {
  readonly text: string;
  readonly location: Location;
}

/** A narrative section by key, its text without whitespace; undefined when the narrative lacks it (struct/sections reports that). */
export function section(model: Disclosure, key: SectionKey): SectionHit | undefined {
  const sections = model.narrative?.sections ?? [];
  const i = sections.findIndex((s) => s.key === key);
  const s = sections[i];
  if (!s) return undefined;
  return { text: squash(s.text), location: { form: 'N', rowKey: key, columnKey: 'text', path: ['narrative', 'sections', i, 'text'] } };
}

export interface FigureHit {
  readonly figure: NarrativeFigure;
  readonly path: readonly (string | number)[];
  readonly location: Location;
}

export function figure(model: Disclosure, key: NarrativeFigureKey): FigureHit | undefined {
  const figures = model.narrative?.figures ?? [];
  const i = figures.findIndex((f) => f.key === key);
  const f = figures[i];
  if (!f) return undefined;
  const path = ['narrative', 'figures', i, 'value'];
  return { figure: f, path, location: { form: 'N', rowKey: key, columnKey: 'value', path } };
}
