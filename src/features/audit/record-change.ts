// Every feature records its changes of state through this, inside the transaction that makes the change, so the
// change and its audit entry commit or roll back together. `recordChange` is for a signed-in actor;
// `recordChangeAs` for one that is not (first-run setup, the CLI, someone signing in or failing to).
import type { Db } from '../../db/client.ts'
import type { Actor } from '../access/policy.ts'
import { appendAudit, appendAuditBatch } from './append-audit.ts'

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

/** Who made a change when it is not a signed-in actor. */
export interface ChangeOrigin {
  /** The instansi whose log records the change. */
  instansiId: string
  /** The user who made it, once proven (a successful sign-in); null for setup, the CLI and anonymous attempts. */
  userId: string | null
  /** What the log shows as the actor: an e-mail, or one of the labels below, or a CLI-given label. */
  label: string
}

/** The first-run wizard, before any user exists. */
export const SETUP_LABEL = 'setup'
/** Someone not (yet) signed in: a failed password or code, a lockout they caused. */
export const ANONYMOUS_LABEL = 'anonymous'

export function originOf(actor: Actor): ChangeOrigin {
  const userId = actor.via === 'cli' || actor.userId === '' ? null : actor.userId
  return { instansiId: actor.instansiId, userId, label: actor.label }
}

export async function recordChange(
  tx: Db,
  actor: Actor,
  meta: ChangeMeta,
  change: ChangeRecord,
  now?: Date,
): Promise<void> {
  await recordChangeAs(tx, originOf(actor), meta, change, now)
}

export async function recordChangeAs(
  tx: Db,
  origin: ChangeOrigin,
  meta: ChangeMeta,
  change: ChangeRecord,
  now?: Date,
): Promise<void> {
  await appendAudit(
    tx,
    {
      instansiId: origin.instansiId,
      actorUserId: origin.userId,
      actorLabel: origin.label,
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

/** Several changes by one actor, recorded in order in one step (a batch of a CSV import: one per account). */
export async function recordChanges(
  tx: Db,
  actor: Actor,
  meta: ChangeMeta,
  changes: readonly ChangeRecord[],
  now?: Date,
): Promise<void> {
  const origin = originOf(actor)
  await appendAuditBatch(
    tx,
    changes.map((change) => ({
      instansiId: origin.instansiId,
      actorUserId: origin.userId,
      actorLabel: origin.label,
      action: change.action,
      objectType: change.objectType,
      objectId: change.objectId ?? null,
      before: change.before,
      after: change.after,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ?? null,
    })),
    now,
  )
}
