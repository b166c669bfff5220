import { renderTemplate, type Diagnostic } from '../diagnostics/types.js';
import type { Disclosure } from '../model/schema.js';
import { messageTemplate, runRules, type CheckReport } from './engine/run.js';
import type { CheckOptions } from './engine/types.js';
import { RULES } from './registry.js';

/** Checks a disclosure model with every registered rule. */
export function checkDisclosure(model: Disclosure, options: CheckOptions = {}): CheckReport {
  return runRules(model, RULES, options);
}

/** The message of a diagnostic in Chinese (default) or English. */
export function renderMessage(d: Diagnostic, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const template = messageTemplate(RULES, d);
  return template ? renderTemplate(template, lang, d.data) : `${d.ruleId}: ${d.messageId}`;
}
