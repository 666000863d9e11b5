// What the `warta` command and the long-running processes say at the terminal (start-up, job logs, configuration
// errors), on top of every message of the catalogue. Kept out of catalogue.ts because the web app bundles that.
import { MESSAGES } from './catalogue.ts'
import { cliMessages } from './cli-messages.ts'
import { configMessages } from './config-messages.ts'
import type { MessagePair } from './define-messages.ts'
import { formatFrom, type MessageParams } from './format-message.ts'

export const TERMINAL_MESSAGES = {
  ...MESSAGES,
  ...cliMessages,
  ...configMessages,
} as const satisfies Record<string, MessagePair>

export type TerminalMessageKey = keyof typeof TERMINAL_MESSAGES

export function formatTerminalMessage(
  locale: string,
  key: TerminalMessageKey,
  params?: MessageParams,
): string {
  return formatFrom(TERMINAL_MESSAGES, locale, key, params)
}

export function isTerminalMessageKey(value: unknown): value is TerminalMessageKey {
  return typeof value === 'string' && Object.hasOwn(TERMINAL_MESSAGES, value)
}
