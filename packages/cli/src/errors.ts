/**
 * Typed errors of the CLI, each with its exit code (0 clean, 1 findings, 2
 * unusable input or usage, 3 internal bug), mapped in one place: exitCodeOf.
 */

/** A message in both languages; the Chinese one is the Error's `message`. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The input cannot be used: a missing or unreadable file, a wrong format, a bad option. Exit code 2. */
export class UserInputError extends Error {
  readonly exitCode = 2;
  /** The message in both languages (the same text twice when only one was given). */
  readonly messages: LocalizedText;

  constructor(message: string | LocalizedText, options?: ErrorOptions) {
    const messages = typeof message === 'string' ? { 'zh-CN': message, en: message } : { 'zh-CN': oneLine(message['zh-CN']), en: oneLine(message.en) };
    super(messages['zh-CN'], options);
    this.name = 'UserInputError';
    this.messages = messages;
  }

  /** The message in a language. */
  messageIn(lang: keyof LocalizedText): string {
    return this.messages[lang];
  }
}

/** A bug in yusuan itself, not in the user's input. Exit code 3. */
export class InternalError extends Error {
  readonly exitCode = 3;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** The process exit code for an error thrown by a command: 2 for unusable input, 3 for anything else. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UserInputError ? error.exitCode : 3;
}
