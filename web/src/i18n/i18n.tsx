// A small typed i18n hook: Bahasa Indonesia by default, English on request, the choice remembered in
// localStorage. Keys are checked at compile time against id.json, and en.json must carry every key.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import id from './id.json'
import en from './en.json'

export type MessageKey = keyof typeof id
export type Locale = 'id' | 'en'
export const LOCALES: readonly Locale[] = ['id', 'en']

const catalogs: Record<Locale, Record<MessageKey, string>> = { id, en }
const STORAGE_KEY = 'warta.locale'

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en'
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
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
  }, [locale])

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
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
