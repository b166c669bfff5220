/**
 * The task pane's DOM: a fixed skeleton (header, buttons, filter, summary,
 * findings, status, confirmation dialog) built once, its parts re-rendered from
 * the controller's state. Plain DOM and CSS (public/taskpane.css); usable at
 * 320 px wide. Tested in headless Chromium (test/browser-pane.test.ts).
 */
import type { Severity } from '@yusuan/core';
import type { WorkbookHost } from '../host.js';
import { PaneController, type ActionId, type PaneOptions, type PaneState, type Status } from './controller.js';
import { h, replaceChildren } from './dom.js';
import { countBySeverity, groupFindings, SEVERITY_FILTERS, severityLabel, type FindingView, type FormGroup, type SeverityFilter } from './findings.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import type { ReportFile } from './plans.js';

interface Button {
  readonly action: ActionId;
  readonly label: MessageKey;
  readonly primary?: boolean;
  readonly run: (c: PaneController) => Promise<unknown>;
}

const BUTTONS: readonly Button[] = [
  { action: 'validate', label: 'validate', primary: true, run: (c) => c.validate() },
  { action: 'generate', label: 'generate', primary: true, run: (c) => c.generate() },
  { action: 'mark', label: 'mark', run: (c) => c.mark() },
  { action: 'clear', label: 'clearMarks', run: (c) => c.clearMarks() },
  { action: 'template', label: 'template', run: (c) => c.insertTemplate() },
  { action: 'export', label: 'exportReport', run: (c) => c.exportReport() },
];

const FILTER_LABELS: Readonly<Record<SeverityFilter, MessageKey>> = { all: 'filterAll', error: 'filterError', warning: 'filterWarning' };

export interface Pane {
  readonly controller: PaneController;
  /** Removes the pane from its root. */
  destroy(): void;
}

/** Downloads a file through a Blob link (works in browsers and Excel on the web). */
export function downloadFile(file: ReportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const a = h('a', { href: url, download: file.fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Builds the pane inside `root` against a workbook host. The returned controller
 * drives the same actions as the buttons.
 */
export function createPane(root: HTMLElement, host: WorkbookHost, options: PaneOptions = {}): Pane {
  const controller = new PaneController(host, { download: downloadFile, ...options });
  const collapsed = new Set<string>();

  const title = h('h1', { class: 'pane-title' });
  const subtitle = h('p', { class: 'pane-subtitle' });
  const langButton = h('button', { type: 'button', class: 'lang-toggle', 'data-action': 'lang' });
  langButton.addEventListener('click', () => controller.setLang(controller.state.lang === 'zh-CN' ? 'en' : 'zh-CN'));

  const unsupported = h('div', { class: 'banner banner-error', role: 'alert', 'data-role': 'unsupported', hidden: true });

  const buttons = new Map<ActionId, HTMLButtonElement>();
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar' });
  for (const b of BUTTONS) {
    const el = h('button', { type: 'button', class: b.primary ? 'btn btn-primary' : 'btn', 'data-action': b.action });
    el.addEventListener('click', () => void b.run(controller));
    buttons.set(b.action, el);
    toolbar.append(el);
  }

  const filterLegend = h('legend', { class: 'filter-legend' });
  const filterInputs = new Map<SeverityFilter, { input: HTMLInputElement; label: HTMLSpanElement }>();
  const filter = h('fieldset', { class: 'filter', 'data-role': 'filter' }, filterLegend);
  for (const f of SEVERITY_FILTERS) {
    const input = h('input', { type: 'radio', name: 'yusuan-filter', value: f, 'data-filter': f });
    input.addEventListener('change', () => input.checked && controller.setFilter(f));
    const label = h('span');
    filterInputs.set(f, { input, label });
    filter.append(h('label', { class: 'filter-option' }, input, label));
  }

  const summary = h('div', { class: 'summary', 'data-role': 'summary' });
  const findings = h('div', { class: 'findings', 'data-role': 'findings' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-role': 'status' });
  const dialogLayer = h('div', { class: 'dialog-layer', hidden: true, 'data-role': 'dialog' });

  const pane = h(
    'div',
    { class: 'pane' },
    h('header', { class: 'pane-header' }, h('div', { class: 'pane-heading' }, title, subtitle), langButton),
    unsupported,
    toolbar,
    status,
    summary,
    filter,
    findings,
    dialogLayer,
  );
  replaceChildren(root, pane);

  let last: PaneState | undefined;

  function render(s: PaneState): void {
    const lang = s.lang;
    const langChanged = last?.lang !== lang;
    if (langChanged) {
      root.setAttribute('lang', lang);
      title.textContent = t(lang, 'title');
      subtitle.textContent = t(lang, 'subtitle');
      langButton.textContent = t(lang, 'langToggle');
      langButton.setAttribute('aria-label', t(lang, 'langToggleLabel'));
      filterLegend.textContent = t(lang, 'filterLabel');
      for (const [f, { label }] of filterInputs) label.textContent = t(lang, FILTER_LABELS[f]);
      unsupported.textContent = t(lang, 'unsupported');
    }
    unsupported.hidden = s.supported;
    for (const b of BUTTONS) {
      const el = buttons.get(b.action);
      if (!el) continue;
      el.textContent = s.busy === b.action ? t(lang, 'busy') : t(lang, b.label);
      el.disabled = !s.supported || s.busy !== null;
      el.setAttribute('aria-busy', String(s.busy === b.action));
    }
    for (const [f, { input }] of filterInputs) {
      input.checked = s.filter === f;
      input.disabled = !s.supported || s.result === null;
    }
    if (langChanged || last?.status !== s.status || last?.busy !== s.busy) renderStatus(s);
    if (langChanged || last?.result !== s.result || last?.filter !== s.filter || last?.selected !== s.selected) {
      renderSummary(s);
      renderFindings(s);
    }
    if (langChanged || last?.confirm !== s.confirm) renderDialog(s);
    last = s;
  }

  function renderStatus(s: PaneState): void {
    const st: Status | null = s.status;
    status.className = `status${st ? ` status-${st.tone}` : ''}`;
    if (!st) {
      replaceChildren(status, s.busy !== null ? t(s.lang, 'busy') : null);
      return;
    }
    if (st.tone === 'error') {
      status.setAttribute('role', 'alert');
      replaceChildren(status, controller.errorText(st.error));
      return;
    }
    status.setAttribute('role', 'status');
    replaceChildren(
      status,
      h('p', {}, t(s.lang, st.key, st.data)),
      ...(st.notes ?? []).map((n) =>
        h('div', { class: 'status-note' }, h('p', {}, t(s.lang, n.key, n.data)), n.sheets && n.sheets.length > 0 ? h('ul', { class: 'sheet-list' }, ...n.sheets.map((name) => h('li', {}, name))) : null),
      ),
    );
  }

  function renderSummary(s: PaneState): void {
    if (!s.result) {
      replaceChildren(summary, h('p', { class: 'intro' }, t(s.lang, 'intro')));
      return;
    }
    const counts = countBySeverity(s.result.diagnostics);
    const kind = s.result.kind === 'input' ? t(s.lang, 'summaryKindInput') : t(s.lang, 'summaryKindForms', { tables: s.result.tables?.length ?? 0 });
    replaceChildren(
      summary,
      h(
        'p',
        { class: 'counts', 'data-errors': counts.error, 'data-warnings': counts.warning, 'data-infos': counts.info },
        h('span', { class: 'count count-error' }, `${severityLabel('error', s.lang)} ${counts.error}`),
        h('span', { class: 'count count-warning' }, `${severityLabel('warning', s.lang)} ${counts.warning}`),
        h('span', { class: 'count count-info' }, `${severityLabel('info', s.lang)} ${counts.info}`),
      ),
      h('p', { class: 'kind' }, kind),
    );
  }

  function findingItem(f: FindingView, s: PaneState): HTMLLIElement {
    const place = [f.place, f.cellRef].filter((x): x is string => x !== undefined && x !== '').join(' · ');
    const body = [h('span', { class: 'finding-message' }, f.message), h('span', { class: 'finding-place' }, place), h('span', { class: 'finding-rule' }, f.diagnostic.ruleId)];
    const attrs = { class: `finding finding-${f.diagnostic.severity}${s.selected === f.index ? ' finding-selected' : ''}`, 'data-index': f.index, 'data-rule': f.diagnostic.ruleId };
    if (f.sheet === undefined || f.cell === undefined) return h('li', {}, h('div', { ...attrs, title: t(s.lang, 'noCell') }, ...body));
    const button = h('button', { ...attrs, type: 'button', 'data-sheet': f.sheet, 'data-cell': f.cell, title: t(s.lang, 'goToCell', { where: f.cellRef ?? f.cell }) }, ...body);
    button.addEventListener('click', () => void controller.select(f.index));
    button.disabled = !s.supported;
    return h('li', {}, button);
  }

  function badge(severity: Severity, n: number, lang: Lang): HTMLSpanElement | null {
    return n > 0 ? h('span', { class: `badge badge-${severity}`, title: severityLabel(severity, lang) }, String(n)) : null;
  }

  function groupSection(g: FormGroup, s: PaneState): HTMLElement {
    const details = h('details', { open: !collapsed.has(g.key) });
    details.addEventListener('toggle', () => (details.open ? collapsed.delete(g.key) : collapsed.add(g.key)));
    details.append(
      h('summary', { class: 'group-summary' }, h('span', { class: 'group-label' }, g.label), h('span', { class: 'badges' }, badge('error', g.counts.error, s.lang), badge('warning', g.counts.warning, s.lang), badge('info', g.counts.info, s.lang))),
      ...g.bySeverity.map((sg) =>
        h(
          'div',
          { class: `severity-group severity-${sg.severity}`, 'data-severity': sg.severity },
          h('h3', { class: 'severity-title' }, `${severityLabel(sg.severity, s.lang)} `, h('span', { class: 'severity-count' }, t(s.lang, 'groupCount', { count: sg.findings.length }))),
          h('ul', { class: 'finding-list' }, ...sg.findings.map((f) => findingItem(f, s))),
        ),
      ),
    );
    return h('section', { class: 'group', 'data-group': g.key, 'data-count': g.count }, details);
  }

  function renderFindings(s: PaneState): void {
    if (!s.result) {
      replaceChildren(findings);
      return;
    }
    const groups = groupFindings(s.result.diagnostics, s.filter, s.lang);
    if (groups.length === 0) {
      replaceChildren(findings, h('p', { class: 'empty' }, t(s.lang, s.result.diagnostics.length === 0 ? 'noFindings' : 'noFindingsFiltered')));
      return;
    }
    replaceChildren(findings, ...groups.map((g) => groupSection(g, s)));
  }

  function renderDialog(s: PaneState): void {
    const c = s.confirm;
    dialogLayer.hidden = c === null;
    if (!c) {
      replaceChildren(dialogLayer);
      return;
    }
    const lead: MessageKey = c.action === 'generate' ? 'confirmGenerate' : c.action === 'template' ? 'confirmTemplate' : 'confirmReport';
    const choice = (key: MessageKey, answer: 'replace' | 'keep' | 'cancel', cls: string) => {
      const b = h('button', { type: 'button', class: `btn ${cls}`, 'data-answer': answer }, t(s.lang, key));
      b.addEventListener('click', () => controller.answer(answer));
      return b;
    };
    const keep = choice('confirmKeep', 'keep', '');
    const dialog = h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'yusuan-dialog-title' },
      h('h2', { id: 'yusuan-dialog-title', class: 'dialog-title' }, t(s.lang, 'confirmTitle')),
      h('p', {}, t(s.lang, lead)),
      h('ul', { class: 'sheet-list' }, ...c.sheets.map((name) => h('li', {}, name))),
      h('p', { class: 'dialog-note' }, t(s.lang, 'confirmNote')),
      h('div', { class: 'dialog-actions' }, choice('confirmReplace', 'replace', 'btn-danger'), keep, choice('confirmCancel', 'cancel', 'btn-quiet')),
    );
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') controller.answer('cancel');
    });
    replaceChildren(dialogLayer, dialog);
    // The safe choice has the focus: Enter never replaces by accident.
    keep.focus();
  }

  const unsubscribe = controller.subscribe(render);
  render(controller.state);

  return {
    controller,
    destroy() {
      unsubscribe();
      replaceChildren(root);
    },
  };
}
