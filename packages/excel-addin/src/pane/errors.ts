/**
 * Errors shown to the user, always in the pane's words: an Office.js error code
 * (OfficeExtension.Error#code) maps to a message in Chinese or English; a raw
 * `error.message` (English, technical, sometimes empty) is never shown.
 */
import { t, type Lang, type MessageKey } from './i18n.js';

/** Office.js error codes (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes) → message. */
const OFFICE_CODES: Readonly<Record<string, MessageKey>> = {
  AccessDenied: 'errorAccessDenied',
  Unauthenticated: 'errorAccessDenied',
  ItemNotFound: 'errorNotFound',
  InvalidReference: 'errorNotFound',
  InvalidObjectPath: 'errorNotFound',
  InvalidSelection: 'errorNotFound',
  InvalidArgument: 'errorInvalidArgument',
  ItemAlreadyExists: 'errorInvalidArgument',
  InvalidOperationInCellEditMode: 'errorBusy',
  Conflict: 'errorBusy',
  ActivityLimitReached: 'errorBusy',
  RequestAborted: 'errorConnection',
  ServiceNotAvailable: 'errorConnection',
  ConnectionFailure: 'errorConnection',
  RequestPayloadSizeLimitExceeded: 'errorLimit',
  ResponsePayloadSizeLimitExceeded: 'errorLimit',
  InsufficientResources: 'errorLimit',
  ApiNotFound: 'errorUnsupported',
  ApiNotAvailable: 'errorUnsupported',
  NotImplemented: 'errorUnsupported',
  UnsupportedOperation: 'errorUnsupported',
  GeneralException: 'errorGeneric',
  InvalidRequest: 'errorGeneric',
  InvalidOperation: 'errorGeneric',
  InsertDeleteConflict: 'errorGeneric',
  // The add-in read a property it had not loaded: a bug of the add-in, not of the workbook.
  PropertyNotLoaded: 'errorInternal',
};

/** The error code of an Office error (or of an adapter error that carries one). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * An error the host adapter already put into words for the user: an object with a
 * `userMessage(lang)` method (the Office.js adapter's mapped errors).
 */
function adapterMessage(error: unknown, lang: Lang): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fn = (error as { userMessage?: unknown }).userMessage;
  if (typeof fn !== 'function') return undefined;
  const text: unknown = (fn as (lang: Lang) => unknown).call(error, lang);
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** What the pane says about a failed action. */
export function errorMessage(error: unknown, lang: Lang): string {
  const own = adapterMessage(error, lang);
  if (own !== undefined) return own;
  const code = errorCode(error);
  if (code !== undefined) return t(lang, OFFICE_CODES[code] ?? 'errorGeneric');
  // Not an Office error: a bug in the add-in (core threw, or a programming error).
  return t(lang, 'errorInternal');
}
