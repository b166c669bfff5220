import { renderTemplate, type Diagnostic, type MessageTemplate } from '../diagnostics/types.js';
import { FORM_MESSAGES } from '../forms/messages.js';
import { INPUT_MESSAGES } from '../input/messages.js';
import type { Disclosure } from '../model/schema.js';
import { messageTemplate, runRules, type CheckReport } from './engine/run.js';
import type { CheckOptions } from './engine/types.js';
import { RULES } from './registry.js';

/** Checks a disclosure model with every registered rule. */
export function checkDisclosure(model: Disclosure, options: CheckOptions = {}): CheckReport {
  return runRules(model, RULES, options);
}

/** The message of a diagnostic in Chinese (default) or English: the rule's own, the engine's, or the reader's that produced it. */
export function renderMessage(d: Diagnostic, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const template =
    messageTemplate(RULES, d) ??
    (d.ruleId.startsWith('input/') || d.ruleId.startsWith('amount/') ? (INPUT_MESSAGES as Record<string, MessageTemplate>)[d.messageId] : undefined) ??
    (FORM_MESSAGES as Record<string, MessageTemplate>)[d.messageId] ??
    (INPUT_MESSAGES as Record<string, MessageTemplate>)[d.messageId];
  return template ? renderTemplate(template, lang, d.data) : `${d.ruleId}: ${d.messageId}`;
}
