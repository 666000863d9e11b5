// Dates and times as people in Indonesia write them ("12 Oktober 2026", "Senin, 12 Okt 2026 14.30 WIB"), never
// ISO, for the web app and for messages. A plain date (YYYY-MM-DD) is a calendar day and is never shifted by a
// time zone; an instant is shown in the office's zone (WIB by default). A leaf module: it imports nothing.

export type Locale = 'id' | 'en'
export const LOCALES: readonly Locale[] = ['id', 'en']

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en'
}

/** The three Indonesian time zones and how people abbreviate them. */
export const TIME_ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const
export type IndonesianTimeZone = keyof typeof TIME_ZONES
export const DEFAULT_TIME_ZONE: IndonesianTimeZone = 'Asia/Jakarta'

export type DateStyle =
  /** 12 Oktober 2026 */
  | 'date'
  /** 12 Okt 2026 */
  | 'shortDate'
  /** Senin, 12 Okt 2026 14.30 WIB */
  | 'datetime'
  /** 12 Okt 2026 14.30 WIB */
  | 'shortDatetime'
  /** 14.30 WIB */
  | 'time'

const tag = (locale: Locale): string => (locale === 'id' ? 'id-ID' : 'en-GB')
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(tag(locale), { ...options, timeZone })))
  return found
}

function timeOf(date: Date, locale: Locale, timeZone: string): string {
  // Indonesian writes 14.30, English 14:30; both on the 24-hour clock.
  const parts = formatter(locale, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00'
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  const zone = TIME_ZONES[timeZone as IndonesianTimeZone] ?? timeZone
  return `${hour}${locale === 'id' ? '.' : ':'}${minute} ${zone}`
}

/**
 * Formats an instant (Date or ISO text) or a plain date (YYYY-MM-DD). Returns the input unchanged when it is not
 * a date, and an em dash for null/undefined/empty.
 */
export function formatDate(
  value: Date | string | null | undefined,
  locale: Locale,
  style: DateStyle = 'date',
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (value === null || value === undefined || value === '') return '—'
  const plain = typeof value === 'string' && PLAIN_DATE.test(value)
  const date = typeof value === 'string' ? new Date(plain ? `${value}T00:00:00Z` : value) : value
  if (Number.isNaN(date.getTime())) return String(value)
  const zone = plain ? 'UTC' : timeZone
  const longDate = formatter(locale, zone, { day: 'numeric', month: 'long', year: 'numeric' })
  const shortDate = formatter(locale, zone, { day: 'numeric', month: 'short', year: 'numeric' })
  switch (style) {
    case 'date':
      return longDate.format(date)
    case 'shortDate':
      return shortDate.format(date)
    case 'time':
      return plain ? shortDate.format(date) : timeOf(date, locale, zone)
    case 'shortDatetime':
      return plain ? shortDate.format(date) : `${shortDate.format(date)} ${timeOf(date, locale, zone)}`
    case 'datetime': {
      const weekday = formatter(locale, zone, { weekday: locale === 'id' ? 'long' : 'short' }).format(date)
      const day = `${weekday}, ${shortDate.format(date)}`
      return plain ? day : `${day} ${timeOf(date, locale, zone)}`
    }
  }
}

/** The ISO 8601 text of an instant in a zone with its offset, e.g. 2026-10-12T14:30:00+07:00 (exports). */
export function isoWithOffset(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = formatter('en', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00'
  const local = Date.UTC(
    +get('year'),
    +get('month') - 1,
    +get('day'),
    +get('hour'),
    +get('minute'),
    +get('second'),
  )
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
  const sign = offsetMinutes >= 0 ? '+' : '-'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`
}
