// Audit entries in words a non-technical admin reads: the action and object type by their labels, the object by
// its real name (current row, else the entry's own snapshot), and before/after as a list of changed fields with
// readable values (dates as dates, ids as names, lists summarised). Pure: names come in as a NameIndex.
import type { AuditName } from '../../db/audit-repository.ts'
import { formatDate, type Locale } from '../../shared/dates.ts'
import { isPlatform, PLATFORM_LABELS } from '../../shared/platforms.ts'
import { isRole, ROLE_LABELS } from '../../shared/roles.ts'
import { isMessageKey } from '../../shared/messages/catalogue.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { canonicalJson } from './audit-hash.ts'
import { NameIndex, referenceKindOf } from './audit-names.ts'

export function actionLabel(action: string, locale: Locale): string {
  const key = `audit.action.${action}`
  return isMessageKey(key) ? formatMessage(locale, key) : action
}

export function objectTypeLabel(objectType: string, locale: Locale): string {
  const key = `audit.object.${objectType}`
  return isMessageKey(key) ? formatMessage(locale, key) : objectType
}

export function fieldLabel(field: string, locale: Locale): string {
  const [head, ...rest] = field.split('.')
  const key = `audit.field.${head}`
  const label = isMessageKey(key) ? formatMessage(locale, key) : head!
  return rest.length > 0 ? `${label} › ${rest.join('.')}` : label
}

/** How a current row is named: "Biro Humas (BH)", "Budi Santoso (budi@…)", "@humas_kota (Instagram)". */
export function nameText(name: AuditName, locale: Locale): string {
  switch (name.kind) {
    case 'unit':
      return name.detail ? `${name.name} (${name.detail})` : name.name
    case 'user':
      return name.detail ? `${name.name} (${name.detail})` : name.name
    case 'account':
      return accountText(name.name, name.detail)
    case 'role_grant':
      return formatMessage(locale, 'audit.object_label.role_grant_of', {
        role: name.name,
        unit: name.detail ?? '—',
        user: name.extra ?? '—',
      })
    case 'session':
      return formatMessage(locale, 'audit.object_label.session_of', { name: name.name })
    case 'api_token':
    case 'instansi':
      return name.name
  }
}

function accountText(handle: string, platform: string | null): string {
  const shown = platform === 'whatsapp' ? handle : `@${handle}`
  return platform && isPlatform(platform) ? `${shown} (${PLATFORM_LABELS[platform]})` : shown
}

export interface ObjectLabel {
  label: string | null
  /** 'current': from the object's row as it is now; 'entry': from the entry itself (the object may be gone). */
  source: 'current' | 'entry' | null
}

interface LabelSource {
  action: string
  actorLabel: string
  objectType: string
  objectId: string | null
  before: unknown
  after: unknown
}

function snapshotField(entry: LabelSource, field: string): string | undefined {
  for (const snapshot of [entry.after, entry.before]) {
    if (snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot)) {
      const value = (snapshot as Record<string, unknown>)[field]
      if (typeof value === 'string' && value !== '') return value
    }
  }
  return undefined
}

export function objectLabelOf(entry: LabelSource, names: NameIndex, locale: Locale): ObjectLabel {
  const kind = NameIndex.kindOfObject(entry.objectType)
  if (kind && entry.objectId) {
    const current = names.get(kind, entry.objectId)
    if (current) return { label: nameText(current, locale), source: 'current' }
  }
  const field = (name: string): string | undefined => snapshotField(entry, name)
  const fromEntry = (label: string | undefined): ObjectLabel =>
    label ? { label, source: 'entry' } : { label: null, source: null }
  switch (entry.objectType) {
    case 'unit': {
      const name = field('name')
      const code = field('code')
      return fromEntry(name ? (code ? `${name} (${code})` : name) : code)
    }
    case 'user': {
      const name = field('name')
      const email = field('email')
      return fromEntry(name ? (email ? `${name} (${email})` : name) : email)
    }
    case 'account': {
      const handle = field('handle')
      return fromEntry(handle ? accountText(handle, field('platform') ?? null) : undefined)
    }
    case 'role_grant': {
      const role = field('role')
      const unitId = field('unitId')
      const unit = (unitId && names.get('unit', unitId)?.name) ?? field('unitCode')
      return fromEntry(
        role
          ? formatMessage(locale, 'audit.object_label.role_grant', { role, unit: unit ?? '—' })
          : undefined,
      )
    }
    case 'session':
      // A session's entries are its owner's sign-in and sign-out; other actions name the session by its owner.
      return entry.action.startsWith('auth.')
        ? fromEntry(formatMessage(locale, 'audit.object_label.session_of', { name: entry.actorLabel }))
        : { label: null, source: null }
    case 'hoax_claim': {
      // The claim's own words, shortened: the list shows one line per entry.
      const claim = field('claim')
      return fromEntry(claim && claim.length > 80 ? `${claim.slice(0, 79)}…` : claim)
    }
    case 'saved_reply':
      // Every saved-reply entry keeps its title (features/saved-replies).
      return fromEntry(field('title'))
    case 'routing_rule':
      return fromEntry(field('name'))
    case 'agenda_item':
    case 'agenda_task':
      // Every agenda entry keeps the narrative's title (features/agenda).
      return fromEntry(field('title'))
    case 'api_token':
    case 'instansi':
      return fromEntry(field('name'))
    case 'calendar_day': {
      if (!entry.objectId) return { label: null, source: null }
      const name = field('name')
      return fromEntry(
        name
          ? formatMessage(locale, 'audit.object_label.calendar_day', { date: entry.objectId, name })
          : formatDate(entry.objectId, locale, 'date'),
      )
    }
    default:
      return { label: null, source: null }
  }
}

export interface AuditChange {
  /** The snapshot's field; a nested one as 'attributes.kota'. */
  field: string
  fieldLabel: string
  /** Readable text; null when the field had no value on that side. */
  before: string | null
  after: string | null
  /** The value was cut or left out for size; the full entry (GET /api/audit/{id}) or the export has it. */
  truncated?: true
}

export interface DescribeOptions {
  locale: Locale
  names: NameIndex
  /** Longer value texts are cut. */
  maxValueChars?: number
  /** At most this many changes; the rest are dropped and the entry is marked truncated by the caller. */
  maxChanges?: number
  /** Top-level fields the database left out for size, per side (db/audit-repository.ts searchAuditPage). */
  omittedBefore?: readonly string[]
  omittedAfter?: readonly string[]
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const LIST_ITEMS_SHOWN = 5
const UNIT_PATH = /^(\/[0-9a-f-]{36})+\/$/i

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A nested object that names something ({ id, code, name } of the top unit): shown whole, by its name. */
function isNamedObject(value: unknown): value is Record<string, unknown> & { name: string } {
  return isPlainObject(value) && typeof value.name === 'string' && value.name !== ''
}

/**
 * One level of nesting becomes dotted fields ('attributes.kota'); deeper values stay whole. A nested object with
 * a name stays one field, so it reads "Unit teratas: Bagian Protokol (PROKOPIM)" rather than its id and code.
 */
function flatten(value: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>()
  if (!isPlainObject(value)) return fields
  for (const [key, inner] of Object.entries(value)) {
    // An empty object ({} attributes) says nothing: left out rather than shown as "{}".
    if (isPlainObject(inner) && !isNamedObject(inner))
      for (const [sub, deeper] of Object.entries(inner)) fields.set(`${key}.${sub}`, deeper)
    else fields.set(key, inner)
  }
  return fields
}

export function formatValue(field: string, value: unknown, options: DescribeOptions): string | null {
  const { locale, names } = options
  const leaf = field.split('.').pop()!
  if (value === null || value === undefined) return null
  if (typeof value === 'boolean') return formatMessage(locale, value ? 'audit.value.yes' : 'audit.value.no')
  if (typeof value === 'number') return value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')
  if (typeof value === 'string') {
    const valueKey = `audit.value.${leaf}.${value}`
    if (isMessageKey(valueKey)) return formatMessage(locale, valueKey)
    if (leaf === 'role' && isRole(value)) return ROLE_LABELS[locale][value]
    if (leaf === 'platform' && isPlatform(value)) return PLATFORM_LABELS[value]
    const kind = referenceKindOf(leaf)
    if (kind) {
      const name = names.get(kind, value)
      return name ? nameText(name, locale) : value
    }
    if (leaf === 'path' && UNIT_PATH.test(value))
      // A unit's place in the tree, '/<root id>/…/<unit id>/', as the units' names.
      return value
        .split('/')
        .filter(Boolean)
        .map((id) => names.get('unit', id)?.name ?? id)
        .join(' › ')
    if (PLAIN_DATE.test(value)) return formatDate(value, locale, 'date')
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatDate(value, locale, 'shortDatetime')
    return value
  }
  if (isNamedObject(value)) {
    return typeof value.code === 'string' && value.code !== '' ? `${value.name} (${value.code})` : value.name
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return null
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item)))
      return value.map((item) => formatValue(leaf, item, options) ?? '—').join(', ')
    const shown = value.slice(0, LIST_ITEMS_SHOWN).map((item) => itemText(item, options))
    const items =
      value.length > LIST_ITEMS_SHOWN
        ? formatMessage(locale, 'audit.value.list_more', {
            items: shown.join(', '),
            more: value.length - LIST_ITEMS_SHOWN,
          })
        : shown.join(', ')
    return formatMessage(locale, 'audit.value.list', { count: value.length, items })
  }
  return canonicalJson(value)
}

/** One item of a list of objects (pengelola, grants, import rows) in a few words. */
function itemText(item: unknown, options: DescribeOptions): string {
  if (!isPlainObject(item)) return formatValue('', item, options) ?? '—'
  const parts: string[] = []
  const text = (field: string): string | null =>
    typeof item[field] === 'string' || typeof item[field] === 'number'
      ? formatValue(field, item[field], options)
      : null
  for (const field of ['role', 'unitId', 'userId', 'name', 'handle', 'code']) {
    const value = text(field)
    if (value) parts.push(field === 'handle' && !value.startsWith('@') ? `@${value}` : value)
  }
  if (parts.length === 0) {
    const compact = canonicalJson(item)
    parts.push(compact.length > 80 ? `${compact.slice(0, 79)}…` : compact)
  }
  const letter = text('suratTugasNumber')
  return letter ? `${parts.join(' — ')} (ST ${letter})` : parts.join(' — ')
}

function cut(text: string | null, max: number): { text: string | null; cut: boolean } {
  if (text === null || text.length <= max) return { text, cut: false }
  return { text: `${text.slice(0, max - 1)}…`, cut: true }
}

/**
 * The fields that differ between before and after, in the snapshot's order. A created object lists every field
 * with no before; a deleted one every field with no after. Returns the changes and whether any was cut or dropped.
 */
export function describeChanges(
  before: unknown,
  after: unknown,
  options: DescribeOptions,
): { changes: AuditChange[]; truncated: boolean } {
  const maxValueChars = options.maxValueChars ?? 300
  const maxChanges = options.maxChanges ?? 100
  const { locale } = options
  const changes: AuditChange[] = []
  let truncated = false
  const tooBig = formatMessage(locale, 'audit.value.too_big')
  const omittedBefore = new Set(options.omittedBefore ?? [])
  const omittedAfter = new Set(options.omittedAfter ?? [])
  const push = (field: string, b: unknown, a: unknown): void => {
    const shownBefore = omittedBefore.has(field)
      ? { text: tooBig, cut: true }
      : cut(formatValue(field, b, options), maxValueChars)
    const shownAfter = omittedAfter.has(field)
      ? { text: tooBig, cut: true }
      : cut(formatValue(field, a, options), maxValueChars)
    const change: AuditChange = {
      field,
      fieldLabel: fieldLabel(field, locale),
      before: shownBefore.text,
      after: shownAfter.text,
    }
    if (shownBefore.cut || shownAfter.cut) {
      change.truncated = true
      truncated = true
    }
    changes.push(change)
  }
  const isObjectOrNull = (value: unknown): boolean => value === null || isPlainObject(value)
  if (isObjectOrNull(before) && isObjectOrNull(after)) {
    const b = flatten(before)
    const a = flatten(after)
    for (const field of new Set([...b.keys(), ...omittedBefore, ...a.keys(), ...omittedAfter])) {
      const was = b.get(field) ?? null
      const now = a.get(field) ?? null
      if (omittedBefore.has(field) || omittedAfter.has(field) || canonicalJson(was) !== canonicalJson(now))
        push(field, was, now)
    }
  } else if (canonicalJson(before) !== canonicalJson(after)) {
    push('value', before, after)
  }
  if (changes.length > maxChanges) {
    changes.length = maxChanges
    truncated = true
  }
  return { changes, truncated }
}
