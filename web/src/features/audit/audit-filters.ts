// The audit page's filters and how they become the API's query: a period of whole WIB days, an action, an object
// type and an actor, each chosen from what the log holds (GET /api/audit/filters). An actor is a user (filtered by
// id) or a label without a user account ('setup', 'cli', a failed sign-in), filtered by that label.
import type { Locale } from '../../i18n/i18n.tsx'
import type { AuditActorChoice } from './audit-types.ts'

export interface AuditFilters {
  /** YYYY-MM-DD or ''. */
  from: string
  to: string
  action: string
  objectType: string
  /** An actor choice as actorChoiceValue encodes it, or ''. */
  actor: string
}

export const NO_FILTERS: AuditFilters = { from: '', to: '', action: '', objectType: '', actor: '' }
export const AUDIT_PAGE_SIZE = 50

const USER_PREFIX = 'user:'
const LABEL_PREFIX = 'label:'

/** The value of an actor in the drop-down: which of the two API filters it sets, and with what. */
export function actorChoiceValue(choice: Pick<AuditActorChoice, 'userId' | 'actorLabel'>): string {
  if (choice.userId) return `${USER_PREFIX}${choice.userId}`
  return `${LABEL_PREFIX}${choice.actorLabel ?? ''}`
}

export function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== '')
}

/** A period that ends before it starts finds nothing: the page says so instead of asking. */
export function isPeriodBackwards(filters: Pick<AuditFilters, 'from' | 'to'>): boolean {
  return filters.from !== '' && filters.to !== '' && filters.to < filters.from
}

/** The filters as query parameters of GET /api/audit (with paging) or of the CSV export (without). */
export function auditSearch(
  filters: AuditFilters,
  options: { locale: Locale; beforeId?: number | null; paged?: boolean },
): string {
  const params = new URLSearchParams()
  // Plain dates: the API reads them as whole days in WIB.
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (filters.action) params.set('action', filters.action)
  if (filters.objectType) params.set('objectType', filters.objectType)
  if (filters.actor.startsWith(USER_PREFIX))
    params.set('actorUserId', filters.actor.slice(USER_PREFIX.length))
  else if (filters.actor.startsWith(LABEL_PREFIX))
    params.set('actorLabel', filters.actor.slice(LABEL_PREFIX.length))
  // Labels, names and values come back in the language on screen.
  params.set('locale', options.locale)
  if (options.paged ?? true) {
    params.set('limit', String(AUDIT_PAGE_SIZE))
    if (options.beforeId) params.set('beforeId', String(options.beforeId))
  }
  return params.toString()
}
