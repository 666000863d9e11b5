// Dates and times as people in Indonesia read them, in Asia/Jakarta (WIB) unless the value is a plain date.
import type { Locale } from '../i18n/i18n.tsx'

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB')

export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(date)
}

export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—'
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'medium',
    timeZone: value.length === 10 ? 'UTC' : 'Asia/Jakarta',
  }).format(date)
}
