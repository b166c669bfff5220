/**
 * The ribbon's two function commands (校验, 生成报表) as plain functions of a
 * WorkbookHost, and the small result page (result.html) they open in an Office
 * dialog: a function command has no pane of its own, so it reports there.
 *
 * 校验 checks the workbook, replaces the marks with the cells of its findings and
 * selects the first error; 生成报表 writes the forms into new sheets and never
 * replaces anything (the pane asks before replacing; a command cannot).
 */
import type { Severity } from '@yusuan/core';
import type { WorkbookHost } from '../host.js';
import { h, replaceChildren } from './dom.js';
import { errorMessage } from './errors.js';
import { cellOf, cellRef, countBySeverity, findingView } from './findings.js';
import { t, type Lang } from './i18n.js';
import { generationPlan, renamedSheets, validateSnapshot } from './plans.js';

/** What the result page shows: a title, lines of text, a list, closing lines, and whether it is an error. */
export interface ResultPayload {
  readonly lang: Lang;
  readonly title: string;
  readonly tone: 'info' | 'success' | 'error';
  readonly lines: readonly string[];
  /** A heading for `items`. */
  readonly listTitle?: string;
  readonly items?: readonly string[];
  readonly footer?: readonly string[];
}

/** Findings listed in the dialog; the pane lists them all. */
const DIALOG_FINDINGS = 3;
const DIALOG_TEXT = 90;
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function clip(text: string): string {
  return text.length > DIALOG_TEXT ? `${text.slice(0, DIALOG_TEXT - 1)}…` : text;
}

export async function validateCommand(host: WorkbookHost, lang: Lang): Promise<ResultPayload> {
  const title = t(lang, 'commandValidateTitle');
  try {
    const result = validateSnapshot(await host.snapshot());
    const counts = countBySeverity(result.diagnostics);
    if (result.diagnostics.length === 0) {
      await host.clearMarks();
      return { lang, title, tone: 'success', lines: [t(lang, 'commandClean')] };
    }
    const located = result.diagnostics.filter((d) => cellOf(d) !== undefined);
    await host.clearMarks();
    const marked = await host.mark(located);
    const first = located.find((d) => d.severity === 'error') ?? located[0];
    const at = first ? cellOf(first) : undefined;
    if (at) await host.select(at.sheet, at.cell);
    const lines = [
      t(lang, 'commandCounts', { errors: counts.error, warnings: counts.warning, infos: counts.info }),
      at ? t(lang, 'commandMarked', { count: marked, where: cellRef(at.sheet, at.cell) }) : t(lang, 'commandMarkedNoSelect', { count: marked }),
    ];
    // The most severe first, in the checker's order within a severity.
    const listed = [...result.diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, DIALOG_FINDINGS);
    const items = listed.map((d, i) => {
      const f = findingView(d, i, lang);
      return `${clip(f.message)}${f.cellRef ? `（${f.cellRef}）` : ''}`;
    });
    return { lang, title, tone: counts.error > 0 ? 'error' : 'info', lines, listTitle: t(lang, 'commandFirst'), items, footer: [t(lang, 'commandMore')] };
  } catch (error) {
    return { lang, title, tone: 'error', lines: [errorMessage(error, lang)] };
  }
}

export async function generateCommand(host: WorkbookHost, lang: Lang): Promise<ResultPayload> {
  const title = t(lang, 'commandGenerateTitle');
  try {
    const plan = generationPlan(await host.snapshot());
    if (!plan.ok) return { lang, title, tone: 'info', lines: [t(lang, 'nothingToGenerate')] };
    const written = await host.writeSheets(plan.sheets, 'forms', { replaceOwned: false });
    const renamed = renamedSheets(plan.sheets, written.written);
    const lines = [t(lang, plan.source === 'input' ? 'generatedFromInput' : 'generatedFromForms', { count: written.written.length })];
    if (renamed.length > 0) lines.push(t(lang, 'renamedSheets'));
    return { lang, title, tone: 'success', lines, items: renamed.length > 0 ? renamed : written.written, footer: [t(lang, 'commandGenerateMore')] };
  } catch (error) {
    return { lang, title, tone: 'error', lines: [errorMessage(error, lang)] };
  }
}

/** The payload in a URL fragment: JSON, UTF-8, base64url (Chinese text stays short). */
export function encodePayload(payload: ResultPayload): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodePayload(fragment: string): ResultPayload | undefined {
  try {
    const base64 = fragment.replace(/^#/, '').replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64);
    const json: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (typeof json !== 'object' || json === null) return undefined;
    const p = json as Partial<ResultPayload>;
    if (typeof p.title !== 'string' || !Array.isArray(p.lines) || (p.lang !== 'zh-CN' && p.lang !== 'en')) return undefined;
    const tone = p.tone === 'error' || p.tone === 'success' ? p.tone : 'info';
    const strings = (xs: readonly unknown[] | undefined) => (xs ?? []).filter((x): x is string => typeof x === 'string');
    return {
      lang: p.lang,
      title: p.title,
      tone,
      lines: strings(p.lines),
      ...(typeof p.listTitle === 'string' ? { listTitle: p.listTitle } : {}),
      items: strings(p.items),
      footer: strings(p.footer),
    };
  } catch {
    return undefined;
  }
}

/** Renders the result page (text only: nothing in the payload is read as HTML). */
export function renderResultPage(root: HTMLElement, payload: ResultPayload | undefined, onClose: () => void): void {
  const lang = payload?.lang ?? 'zh-CN';
  root.setAttribute('lang', lang);
  const close = h('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'close' }, t(lang, 'close'));
  close.addEventListener('click', onClose);
  if (!payload) {
    replaceChildren(root, h('h1', {}, t(lang, 'title')), h('p', { class: 'status status-error' }, t(lang, 'errorInternal')), close);
    return;
  }
  replaceChildren(
    root,
    h('h1', {}, payload.title),
    h('div', { class: `status status-${payload.tone}`, role: payload.tone === 'error' ? 'alert' : 'status' }, ...payload.lines.map((l) => h('p', {}, l))),
    payload.listTitle !== undefined && payload.items && payload.items.length > 0 ? h('h2', { class: 'result-list-title' }, payload.listTitle) : null,
    payload.items && payload.items.length > 0 ? h('ul', {}, ...payload.items.map((i) => h('li', {}, i))) : null,
    ...(payload.footer ?? []).map((l) => h('p', { class: 'kind' }, l)),
    close,
  );
  close.focus();
}
