/**
 * Entry of the task pane bundle (taskpane.js, a browser IIFE exposing
 * `YusuanPane`): waits for Office.js, checks the host (Excel with ExcelApi
 * 1.13) and builds the pane against the Office.js adapter. Below ExcelApi 1.13
 * the pane shows why it cannot run and disables its buttons.
 */
import { ExcelHost } from './excel/adapter.js';
import { h, replaceChildren } from './pane/dom.js';
import { t } from './pane/i18n.js';
import { createPane, type Pane } from './pane/view.js';
import { officeGlobal, officeStatus, whenOfficeReady } from './pane/office.js';

export * from './pane/index.js';

function showMessage(root: HTMLElement, text: string): void {
  replaceChildren(root, h('div', { class: 'banner banner-error', role: 'alert', 'data-role': 'unsupported' }, text));
}

/** Starts the pane in `root` once Office is ready; resolves to the pane, or undefined outside Excel. */
export async function boot(root: HTMLElement, scope: object = globalThis): Promise<Pane | undefined> {
  const office = officeGlobal(scope);
  if (!office) {
    showMessage(root, t('zh-CN', 'notInExcel'));
    return undefined;
  }
  const status = officeStatus(office, await whenOfficeReady(office));
  if (status === 'missing') {
    showMessage(root, t('zh-CN', 'notInExcel'));
    return undefined;
  }
  return createPane(root, new ExcelHost(), { supported: status === 'ready' });
}

if (typeof document !== 'undefined') {
  const start = () => {
    const root = document.getElementById('app');
    if (root) void boot(root);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
