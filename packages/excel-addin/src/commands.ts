/// <reference types="office-js" />
/**
 * Entry of the ribbon's function file (commands.html) and of the result dialog
 * (result.html). 校验 (`validate`) and 生成报表 (`generate`) run against the
 * Office.js adapter and report in a small dialog; the dialog page renders the
 * report it is given in its URL fragment.
 */
import { ExcelHost } from './excel/adapter.js';
import { t, type Lang } from './pane/i18n.js';
import { officeGlobal, officeStatus } from './pane/office.js';
import { decodePayload, encodePayload, generateCommand, renderResultPage, validateCommand, type ResultPayload } from './pane/ribbon.js';

type Command = (event: Office.AddinCommands.Event) => Promise<void>;

function language(): Lang {
  const display = officeGlobal()?.context ? Office.context.displayLanguage : undefined;
  return typeof display === 'string' && display.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Opens the result dialog; calls `done` once it is closed (or could not be opened). */
function showResult(payload: ResultPayload, done: () => void): void {
  const url = new URL(`result.html#${encodePayload(payload)}`, window.location.href).href;
  Office.context.ui.displayDialogAsync(url, { height: 45, width: 30, displayInIframe: true }, (opened) => {
    if (opened.status !== Office.AsyncResultStatus.Succeeded) {
      done();
      return;
    }
    const dialog = opened.value;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      dialog.close();
      done();
    };
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
    // The user closed the dialog with its × (event 12006), or it failed to load.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
      finished = true;
      done();
    });
  });
}

/** A ribbon command: runs, shows its result, and tells Office it is done only when the dialog closes. */
function command(run: (host: ExcelHost, lang: Lang) => Promise<ResultPayload>): Command {
  return async (event) => {
    const lang = language();
    const status = officeStatus(officeGlobal());
    const payload: ResultPayload =
      status === 'ready' ? await run(new ExcelHost(), lang) : { lang, title: t(lang, 'title'), tone: 'error', lines: [t(lang, 'unsupported')] };
    showResult(payload, () => event.completed());
  };
}

export const validate = command(validateCommand);
export const generate = command(generateCommand);

function startCommands(): void {
  // Office finds the functions by the names in the manifest (<FunctionName>).
  Object.assign(globalThis, { validate, generate });
  void Office.onReady(() => {
    // Office.actions exists from the 2021 runtimes on; older ones use the globals above.
    if (typeof Office.actions?.associate === 'function') {
      Office.actions.associate('validate', validate);
      Office.actions.associate('generate', generate);
    }
  });
}

function startResultPage(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const office = officeGlobal();
  // In an Office dialog the command closes it when asked; in a browser tab there is nothing to close.
  const ready = office?.onReady ? office.onReady() : undefined;
  const close = () => void ready?.then(() => Office.context.ui.messageParent('close'));
  renderResultPage(root, decodePayload(window.location.hash), close);
}

if (typeof document !== 'undefined') {
  const page = document.body.dataset.page;
  if (page === 'result') startResultPage();
  else if (page === 'commands' && officeGlobal()) startCommands();
}
