import { readFileSync } from 'node:fs';
import { formatModelIssues, validateDisclosure, type Disclosure } from '@yusuan/core';
import { UserInputError } from './errors.js';
import { t, type Lang } from './i18n.js';

/** Reads and validates a disclosure model JSON file; every failure is a one-line (or listed) user error. */
export function readModelFile(path: string, lang: Lang): Disclosure {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserInputError(t(lang, 'fileNotFound', { path }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserInputError(t(lang, 'notJson', { path, reason: e instanceof Error ? e.message : String(e) }));
  }
  const result = validateDisclosure(json, lang);
  if (!result.ok) {
    const shown = result.issues.slice(0, 20);
    throw new UserInputError(`${t(lang, 'invalidModel', { count: result.issues.length })}\n${formatModelIssues(shown, lang)}`);
  }
  return result.model;
}
