// Every feature records its changes of state through this, inside the transaction that makes the change, so the
// change and its audit entry commit or roll back together.
import type { Db } from '../../db/client.ts'
import type { Actor } from '../access/policy.ts'
import { appendAudit } from './append-audit.ts'

/** Where a change came from: the HTTP request's IP and user agent, or nothing for the CLI. */
export interface ChangeMeta {
  ip?: string | null | undefined
  userAgent?: string | null | undefined
}

export interface ChangeRecord {
  action: string
  objectType: string
  objectId?: string | null
  before?: unknown
  after?: unknown
}

export async function recordChange(
  tx: Db,
  actor: Actor,
  meta: ChangeMeta,
  change: ChangeRecord,
  now?: Date,
): Promise<void> {
  await appendAudit(
    tx,
    {
      instansiId: actor.instansiId,
      actorUserId: actor.via === 'cli' || actor.userId === '' ? null : actor.userId,
      actorLabel: actor.label,
      action: change.action,
      objectType: change.objectType,
      objectId: change.objectId ?? null,
      before: change.before,
      after: change.after,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ?? null,
    },
    now,
  )
}
