// A small typed i18n hook: Bahasa Indonesia by default, English on request. Before sign-in the choice is
// remembered in localStorage; after sign-in the profile's language applies (see app/profile-locale.ts).
// Keys are checked at compile time against id.json, and en.json must carry every key. Texts the server sends
// (errors) come from the shared message catalogue instead, through formatMessage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { isLocale, type Locale } from '../../../src/shared/dates.ts'
import { setRequestLocale } from '../app/api-client.ts'
import id from './id.json'
import en from './en.json'
import type { MessageKey } from './message-key.ts'

export { isLocale, LOCALES, type Locale } from '../../../src/shared/dates.ts'

export type { MessageKey } from './message-key.ts'

const catalogs: Record<Locale, Record<MessageKey, string>> = { id, en }
export const LOCALE_STORAGE_KEY = 'warta.locale'

export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : 'id'
  } catch {
    return 'id'
  }
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale]
  return (key, vars) => format(catalog[key] ?? catalogs.id[key] ?? key, vars)
}

interface I18nValue {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: Translate
}

const I18nContext = createContext<I18nValue | null>(null)

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale())

  useEffect(() => {
    document.documentElement.lang = locale
    setRequestLocale(locale)
  }, [locale])

  const setLocale = useCallback((next: Locale) => {
    setRequestLocale(next)
    setLocaleState(next)
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next)
    } catch {
      // Private mode without storage: the choice lasts for this visit only.
    }
  }, [])

  const value = useMemo<I18nValue>(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale])
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
