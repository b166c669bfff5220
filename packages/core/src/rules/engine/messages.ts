import type { MessageTemplate } from '../../diagnostics/types.js';

/** Messages the engine itself renders for any equation-based rule. */
export const ENGINE_MESSAGES = {
  rootCause: {
    'zh-CN': '{where} 为 {actual}，与 {count} 处相关数字不符，应为 {expected}（差 {difference}）',
    en: '{where} is {actual}; it disagrees with {count} related figures and should be {expected} (difference {difference})',
  },
} as const satisfies Record<string, MessageTemplate>;

export type EngineMessageId = keyof typeof ENGINE_MESSAGES;
