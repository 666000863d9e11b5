// The audit log viewer for auditors and admins: filters, paging by id, entries in readable words (labels, the
// object's real name, changed fields as before → after), the choices for the filter drop-downs, one whole entry,
// and the CSV export (times in WIB with their offset). Reading is scoped to the actor's instansi; the export
// itself is recorded in the log.
import type { Db } from '../../db/client.ts'
import {
  getAuditEntry,
  listAuditFacets,
  resolveAuditNames,
  searchAudit,
  searchAuditPage,
  type AuditRow,
} from '../../db/audit-repository.ts'
import { isoWithOffset, type Locale } from '../../shared/dates.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { formatCsv } from '../accounts/account-csv.ts'
import { canonicalJson } from './audit-hash.ts'
import { collectNameRefs, NameIndex, type NameSource } from './audit-names.ts'
import {
  actionLabel,
  describeChanges,
  nameText,
  objectLabelOf,
  objectTypeLabel,
  type AuditChange,
} from './describe-entry.ts'
import { recordChange, type ChangeMeta } from './record-change.ts'

export interface AuditDeps {
  db: Db
  clock: { now(): Date }
}

export interface AuditQuery {
  from?: Date | undefined
  to?: Date | undefined
  action?: string | undefined
  objectType?: string | undefined
  actorUserId?: string | undefined
  /** An actor without a user account (cli, system, a failed sign-in's e-mail), by its recorded label. */
  actorLabel?: string | undefined
}

/** An entry as the viewer shows it. */
export interface AuditEntryView {
  id: number
  seq: number
  /** ISO 8601 UTC; the page shows it in WIB. */
  occurredAt: string
  actorUserId: string | null
  /** The actor as recorded (e-mail, 'cli', 'system'). */
  actorLabel: string
  /** The acting user's name and e-mail as they are now; null for an actor without a user or a deleted user. */
  actorName: string | null
  action: string
  actionLabel: string
  objectType: string
  objectTypeLabel: string
  objectId: string | null
  objectLabel: string | null
  objectLabelSource: 'current' | 'entry' | null
  changes: AuditChange[]
  /** The raw snapshots; null on both sides when the entry is truncated. */
  before: unknown
  after: unknown
  /** Snapshots (and maybe some change values) left out for size: GET /api/audit/{id} or the export has them. */
  truncated: boolean
  ip: string | null
  userAgent: string | null
  hash: string
}

/** One whole entry: nothing cut, plus the chain fields an auditor checks by hand. */
export interface AuditEntryDetail extends AuditEntryView {
  prevHash: string
  hashVersion: number
}

/** Per-entry and per-page bounds of the list (finding 4.6: one import once wrote a 23 MB entry). */
export const VIEW_LIMITS = {
  /** Stored size above which the database hands back only the small top-level fields. */
  maxStoredJsonBytes: 256 * 1024,
  /** …of which each may be this big. */
  maxStoredFieldBytes: 1024,
  /** before + after as JSON text above this are left out of a list entry (changes still describe them). */
  maxEntryJsonChars: 16 * 1024,
  /** …and once a page holds this much raw JSON, later entries leave theirs out. */
  maxPageJsonChars: 2 * 1024 * 1024,
  maxValueChars: 200,
  maxChanges: 50,
}

/**
 * A period given as a date means the whole Jakarta day; a full timestamp is taken as is. Returns the instant the
 * period starts (or ends, for `end`).
 */
export function periodBound(value: string, end: boolean): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const instant = new Date(dateOnly ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00` : value)
  if (Number.isNaN(instant.getTime())) throw new AppError('invalid_input', 'audit.bad_period', { value })
  return instant
}

interface Describable extends NameSource {
  id: number
  seq: number
  occurredAt: Date
  actorLabel: string
  action: string
  ip: string | null
  userAgent: string | null
  hash: string
}

async function nameIndexFor(db: Db, instansiId: string, entries: readonly NameSource[]): Promise<NameIndex> {
  return new NameIndex(await resolveAuditNames(db, instansiId, collectNameRefs(entries)))
}

function describe(
  entry: Describable,
  names: NameIndex,
  locale: Locale,
  limits: { maxValueChars: number; maxChanges: number; omittedBefore?: string[]; omittedAfter?: string[] },
): Omit<AuditEntryView, 'truncated'> & { changesTruncated: boolean } {
  const actor = entry.actorUserId ? names.get('user', entry.actorUserId) : undefined
  const object = objectLabelOf(entry, names, locale)
  const { changes, truncated } = describeChanges(entry.before, entry.after, { locale, names, ...limits })
  return {
    id: entry.id,
    seq: entry.seq,
    occurredAt: entry.occurredAt.toISOString(),
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    actorName: actor ? nameText(actor, locale) : null,
    action: entry.action,
    actionLabel: actionLabel(entry.action, locale),
    objectType: entry.objectType,
    objectTypeLabel: objectTypeLabel(entry.objectType, locale),
    objectId: entry.objectId,
    objectLabel: object.label,
    objectLabelSource: object.source,
    changes,
    changesTruncated: truncated,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
    userAgent: entry.userAgent,
    hash: entry.hash,
  }
}

export async function browseAuditLog(
  deps: AuditDeps,
  actor: Actor,
  query: AuditQuery & { limit: number; beforeId?: number | undefined; locale?: Locale | undefined },
): Promise<{ items: AuditEntryView[]; nextBeforeId: number | null }> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const locale = query.locale ?? 'id'
  const rows = await searchAuditPage(
    deps.db,
    { ...query, instansiId: actor.instansiId, limit: query.limit + 1, beforeId: query.beforeId },
    { maxJsonBytes: VIEW_LIMITS.maxStoredJsonBytes, maxFieldBytes: VIEW_LIMITS.maxStoredFieldBytes },
  )
  const page = rows.slice(0, query.limit)
  const names = await nameIndexFor(deps.db, actor.instansiId, page)
  let pageJson = 0
  const items = page.map((row): AuditEntryView => {
    const { changesTruncated, ...view } = describe(row, names, locale, {
      maxValueChars: VIEW_LIMITS.maxValueChars,
      maxChanges: VIEW_LIMITS.maxChanges,
      omittedBefore: row.omittedBefore,
      omittedAfter: row.omittedAfter,
    })
    const json = canonicalJson(row.before).length + canonicalJson(row.after).length
    const cut =
      row.beforeCut ||
      row.afterCut ||
      json > VIEW_LIMITS.maxEntryJsonChars ||
      pageJson + json > VIEW_LIMITS.maxPageJsonChars
    if (!cut) pageJson += json
    return {
      ...view,
      before: cut ? null : view.before,
      after: cut ? null : view.after,
      truncated: cut || changesTruncated,
    }
  })
  return { items, nextBeforeId: rows.length > query.limit ? page[page.length - 1]!.id : null }
}

/** One entry whole, however big: the viewer links here from a truncated entry. */
export async function getAuditEntryDetail(
  deps: AuditDeps,
  actor: Actor,
  id: number,
  locale: Locale = 'id',
): Promise<AuditEntryDetail> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const row = await getAuditEntry(deps.db, actor.instansiId, id)
  if (!row) throw new AppError('not_found', 'audit.entry_not_found')
  const names = await nameIndexFor(deps.db, actor.instansiId, [row])
  const { changesTruncated: _whole, ...view } = describe(row, names, locale, {
    maxValueChars: Number.MAX_SAFE_INTEGER,
    maxChanges: Number.MAX_SAFE_INTEGER,
  })
  return { ...view, truncated: false, prevHash: row.prevHash, hashVersion: row.hashVersion }
}

export interface Choice {
  value: string
  label: string
}

export interface ActorChoice {
  /** Filter with actorUserId when set, otherwise with actorLabel. */
  userId: string | null
  actorLabel: string | null
  label: string
}

export interface AuditFilterChoices {
  actions: Choice[]
  objectTypes: Choice[]
  actors: ActorChoice[]
}

const byLabel = <T extends { label: string }>(a: T, b: T): number => a.label.localeCompare(b.label, 'id')

/** What the instansi's log holds, labelled, for the filter drop-downs. */
export async function auditFilterChoices(
  deps: AuditDeps,
  actor: Actor,
  locale: Locale = 'id',
): Promise<AuditFilterChoices> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const facets = await listAuditFacets(deps.db, actor.instansiId)
  const names = new NameIndex(
    await resolveAuditNames(deps.db, actor.instansiId, {
      units: [],
      users: facets.actorUsers.map((user) => user.userId),
      accounts: [],
      roleGrants: [],
      sessions: [],
      apiTokens: [],
      instansi: [],
    }),
  )
  return {
    actions: facets.actions.map((value) => ({ value, label: actionLabel(value, locale) })).sort(byLabel),
    objectTypes: facets.objectTypes
      .map((value) => ({ value, label: objectTypeLabel(value, locale) }))
      .sort(byLabel),
    actors: [
      ...facets.actorUsers.map((user) => {
        const current = names.get('user', user.userId)
        return {
          userId: user.userId,
          actorLabel: null,
          label: current ? nameText(current, locale) : user.label,
        }
      }),
      ...facets.actorLabels.map((label) => ({ userId: null, actorLabel: label, label })),
    ].sort(byLabel),
  }
}

const CSV_COLUMNS = [
  'id',
  'seq',
  'occurred_at',
  'actor_label',
  'actor_user_id',
  'action',
  'action_label',
  'object_type',
  'object_type_label',
  'object_id',
  'object_label',
  'before',
  'after',
  'ip',
  'user_agent',
  'prev_hash',
  'hash',
]

/**
 * The filtered log as CSV: whole entries, times in WIB with their offset (2026-10-12T14:30:00+07:00, as on the
 * screen), labels beside the codes. Whoever may export (policy: audit.export) gets the same file.
 */
export async function exportAuditCsv(
  deps: AuditDeps,
  actor: Actor,
  query: AuditQuery & { locale?: Locale | undefined },
  meta: ChangeMeta,
): Promise<string> {
  authorize(actor, 'audit.export', { instansiId: actor.instansiId })
  const locale = query.locale ?? 'id'
  const records: Array<Record<string, string>> = []
  let beforeId: number | undefined
  for (;;) {
    const rows: AuditRow[] = await searchAudit(deps.db, {
      ...query,
      instansiId: actor.instansiId,
      limit: 2000,
      beforeId,
    })
    const names = await nameIndexFor(deps.db, actor.instansiId, rows)
    for (const entry of rows) {
      records.push({
        id: String(entry.id),
        seq: String(entry.seq),
        occurred_at: isoWithOffset(entry.occurredAt),
        actor_label: entry.actorLabel,
        actor_user_id: entry.actorUserId ?? '',
        action: entry.action,
        action_label: actionLabel(entry.action, locale),
        object_type: entry.objectType,
        object_type_label: objectTypeLabel(entry.objectType, locale),
        object_id: entry.objectId ?? '',
        object_label: objectLabelOf(entry, names, locale).label ?? '',
        before: entry.before === null ? '' : JSON.stringify(entry.before),
        after: entry.after === null ? '' : JSON.stringify(entry.after),
        ip: entry.ip ?? '',
        user_agent: entry.userAgent ?? '',
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
    }
    if (rows.length < 2000) break
    beforeId = rows[rows.length - 1]!.id
  }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'audit.export',
        objectType: 'audit_log',
        objectId: null,
        after: {
          count: records.length,
          from: query.from ?? null,
          to: query.to ?? null,
          action: query.action ?? null,
          objectType: query.objectType ?? null,
          actorUserId: query.actorUserId ?? null,
          actorLabel: query.actorLabel ?? null,
        },
      },
      now,
    )
  })
  return formatCsv(CSV_COLUMNS, records)
}
