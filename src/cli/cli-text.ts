// The language of everything the `warta` command and its long-running processes say to a person: Bahasa
// Indonesia unless WARTA_LOCALE=en, or, when WARTA_LOCALE is not set, the POSIX locale (LC_ALL, then LC_MESSAGES,
// then LANG, the order the C library uses) names English. `C`, `POSIX` and `C.UTF-8` (a bare server or container)
// keep Indonesian. Read from the environment on its own, not from config.ts: a configuration error must be
// reported in the same language as everything else.
import type { Locale } from '../shared/dates.ts'
import type { MessageParams } from '../shared/messages/format-message.ts'
import { formatTerminalMessage, type TerminalMessageKey } from '../shared/messages/terminal-catalogue.ts'

export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const chosen = env.WARTA_LOCALE?.trim().toLowerCase()
  if (chosen) return chosen.startsWith('en') ? 'en' : 'id'
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '')
  return posix?.toLowerCase().startsWith('en') ? 'en' : 'id'
}

let cached: Locale | undefined

/** The locale of this process (read once; main.ts loads .env before the first message). */
export function cliLocale(): Locale {
  cached ??= localeFromEnvironment(process.env)
  return cached
}

/** A catalogue message in the command line's language. */
export function cliText(
  key: TerminalMessageKey,
  params?: MessageParams,
  locale: Locale = cliLocale(),
): string {
  return formatTerminalMessage(locale, key, params)
}
