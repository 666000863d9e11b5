// Renders a message key with its parameters in one language. Placeholders are {name} or {name:style}, where style
// is a date style of dates.ts (date, shortDate, datetime, shortDatetime, time), `role` (the role's name),
// `list` (an array joined with commas) or `number` (grouped digits: 38.000 / 38,000).
import { formatDate, isLocale, type DateStyle, type Locale } from '../dates.ts'
import { isRole, ROLE_LABELS } from '../roles.ts'
import { MESSAGES, type MessageKey } from './catalogue.ts'

export type MessageParam = string | number | boolean | null | readonly string[]
export type MessageParams = Readonly<Record<string, MessageParam>>

const DATE_STYLES = new Set<string>(['date', 'shortDate', 'datetime', 'shortDatetime', 'time'])

function renderParam(
  value: MessageParam | undefined,
  style: string | undefined,
  locale: Locale,
): string | undefined {
  if (value === undefined) return undefined
  if (value === null) return '—'
  if (Array.isArray(value)) return value.join(', ')
  if (style && DATE_STYLES.has(style) && typeof value === 'string')
    return formatDate(value, locale, style as DateStyle)
  if (style === 'role' && typeof value === 'string') return isRole(value) ? ROLE_LABELS[locale][value] : value
  if (style === 'number' && typeof value === 'number')
    return value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')
  return String(value)
}

/** Fills `{name}` / `{name:style}`; an unknown placeholder stays visible so a missing value is noticed. */
export function fillTemplate(template: string, params: MessageParams | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, style: string | undefined) => {
    return renderParam(params?.[name], style, locale) ?? whole
  })
}

/** A key of `catalogue` in one language, its placeholders filled; an unknown key comes back as itself. */
export function formatFrom<K extends string>(
  catalogue: Readonly<Record<K, { id: string; en: string }>>,
  locale: string,
  key: K,
  params?: MessageParams,
): string {
  const language: Locale = isLocale(locale) ? locale : 'id'
  const pair = catalogue[key] as { id: string; en: string } | undefined
  if (!pair) return key
  return fillTemplate(pair[language], params, language)
}

export function formatMessage(locale: string, key: MessageKey, params?: MessageParams): string {
  return formatFrom(MESSAGES, locale, key, params)
}
