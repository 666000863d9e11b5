// The audit log viewer for auditors (and admins): filters, paging by id, and CSV export. Reading is scoped to
// the actor's instansi; the export itself is recorded in the log.
import type { Db } from '../../db/client.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { formatCsv } from '../accounts/account-csv.ts'
import type { StoredAuditEntry } from './audit-hash.ts'
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
}

/** A stored entry as the API shows it: the chain name and previous hash left out, the time as ISO text. */
export type AuditEntryView = Omit<StoredAuditEntry, 'chain' | 'prevHash' | 'occurredAt'> & {
  occurredAt: string
}

function toView(entry: StoredAuditEntry): AuditEntryView {
  const { chain: _chain, prevHash: _prevHash, occurredAt, ...rest } = entry
  return { ...rest, occurredAt: occurredAt.toISOString() }
}

/**
 * A period given as a date means the whole Jakarta day; a full timestamp is taken as is. Returns the instant the
 * period starts (or ends, for `end`).
 */
export function periodBound(value: string, end: boolean): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const instant = new Date(dateOnly ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00` : value)
  if (Number.isNaN(instant.getTime()))
    throw new AppError(
      'invalid_input',
      `Tanggal "${value}" tidak dikenali; pakai TTTT-BB-HH atau waktu ISO 8601.`,
    )
  return instant
}

export async function browseAuditLog(
  deps: AuditDeps,
  actor: Actor,
  query: AuditQuery & { limit: number; beforeId?: number | undefined },
): Promise<{ items: AuditEntryView[]; nextBeforeId: number | null }> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const rows = await searchAudit(deps.db, {
    ...query,
    instansiId: actor.instansiId,
    limit: query.limit + 1,
    beforeId: query.beforeId,
  })
  const page = rows.slice(0, query.limit)
  return {
    items: page.map(toView),
    nextBeforeId: rows.length > query.limit ? page[page.length - 1]!.id : null,
  }
}

const CSV_COLUMNS = [
  'id',
  'seq',
  'occurred_at',
  'actor_label',
  'actor_user_id',
  'action',
  'object_type',
  'object_id',
  'before',
  'after',
  'ip',
  'user_agent',
  'prev_hash',
  'hash',
]

export async function exportAuditCsv(
  deps: AuditDeps,
  actor: Actor,
  query: AuditQuery,
  meta: ChangeMeta,
): Promise<string> {
  authorize(actor, 'audit.export', { instansiId: actor.instansiId })
  const records: Array<Record<string, string>> = []
  let beforeId: number | undefined
  for (;;) {
    const rows = await searchAudit(deps.db, { ...query, instansiId: actor.instansiId, limit: 2000, beforeId })
    for (const entry of rows) {
      records.push({
        id: String(entry.id),
        seq: String(entry.seq),
        occurred_at: entry.occurredAt.toISOString(),
        actor_label: entry.actorLabel,
        actor_user_id: entry.actorUserId ?? '',
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId ?? '',
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
        },
      },
      now,
    )
  })
  return formatCsv(CSV_COLUMNS, records)
}
