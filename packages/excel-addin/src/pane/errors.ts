/**
 * Errors shown to the user, always in the pane's language and words: the
 * Office.js adapter maps Office error codes to messages (excel/errors.ts), and
 * the pane shows those; an error without a code is a bug of the add-in. A raw
 * `error.message` (English, technical, sometimes empty) is never shown.
 */
import { officeErrorCode, officeErrorMessage } from '../excel/errors.js';
import { t, type Lang } from './i18n.js';

/** An error that carries its own words for the user (the adapter's ExcelHostError). */
function ownMessage(error: unknown, lang: Lang): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fn = (error as { userMessage?: unknown }).userMessage;
  if (typeof fn !== 'function') return undefined;
  const text: unknown = (fn as (lang: Lang) => unknown).call(error, lang);
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** What the pane says about a failed action. */
export function errorMessage(error: unknown, lang: Lang): string {
  const own = ownMessage(error, lang);
  if (own !== undefined) return own;
  // An Office.js error that reached the pane without the adapter (any WorkbookHost may throw one).
  if (officeErrorCode(error) !== undefined) return officeErrorMessage(error, lang);
  // Not an Office error: a bug in the add-in (core threw, or a programming error).
  return t(lang, 'errorInternal');
}
