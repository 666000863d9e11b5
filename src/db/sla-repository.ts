// The SLA clocks' storage: reply-target deadlines on inbox items, and the alerts (reminder before a deadline,
// escalation after it) already sent, so each goes out once. Every query filters on instansi_id or on ids the
// caller resolved within one instansi.
import { and, asc, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import type { InboxItemRow } from './inbox-repository.ts'
import { inboxItems, slaAlerts } from './schema/index.ts'

export interface ItemDeadline {
  id: string
  slaDueAt: Date | null
  slaProvisional: boolean
}

/** Sets each item's reply-target deadline (one statement per distinct deadline: a batch usually shares few). */
export async function setItemDeadlines(
  tx: Db,
  instansiId: string,
  deadlines: readonly ItemDeadline[],
  now: Date,
): Promise<void> {
  const groups = new Map<string, ItemDeadline[]>()
  for (const deadline of deadlines) {
    const key = `${deadline.slaDueAt?.toISOString() ?? ''}|${deadline.slaProvisional}`
    groups.set(key, [...(groups.get(key) ?? []), deadline])
  }
  for (const group of groups.values()) {
    const [first] = group
    await tx
      .update(inboxItems)
      .set({ slaDueAt: first!.slaDueAt, slaProvisional: first!.slaProvisional, updatedAt: now })
      .where(
        and(
          sql`${inboxItems.instansiId} = ${instansiId}`,
          inArray(
            inboxItems.id,
            group.map((deadline) => deadline.id),
          ),
        ),
      )
  }
}

export type SlaSubjectType = 'inbox_item' | 'ppid_case' | 'lapor_referral'
export type SlaStage = 'reminder' | 'escalation'

export interface SlaAlertKey {
  instansiId: string
  subjectType: SlaSubjectType
  subjectId: string
  clock: string
  stage: SlaStage
  dueAt: Date
}

/** Records an alert as sent; false when it already was (another worker, or an earlier run, sent it). */
export async function claimSlaAlert(tx: Db, alert: SlaAlertKey, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(slaAlerts)
    .values({ ...alert, sentAt: now })
    .onConflictDoNothing()
    .returning({ subjectId: slaAlerts.subjectId })
  return inserted.length > 0
}

/**
 * Items of every instansi still waiting for their first reply whose reply target falls between `since` and
 * `until` (the alert job's scan, on the partial index inbox_items_sla_alert_idx), soonest first.
 */
export async function listItemsAwaitingReplyDueBetween(
  db: Db,
  since: Date,
  until: Date,
  limit: number,
): Promise<InboxItemRow[]> {
  return db
    .select()
    .from(inboxItems)
    .where(
      and(
        sql`${inboxItems.slaDueAt} is not null and ${inboxItems.firstResponseAt} is null`,
        sql`${inboxItems.slaDueAt} >= ${since} and ${inboxItems.slaDueAt} <= ${until}`,
        inArray(inboxItems.status, ['new', 'open']),
        isNull(inboxItems.duplicateOf),
        isNull(inboxItems.deletedAt),
      ),
    )
    .orderBy(asc(inboxItems.slaDueAt))
    .limit(limit)
}

/** One instansi's items still waiting for their first reply with a reply target set: what a calendar change recomputes. */
export async function listItemsAwaitingReplyOf(tx: Db, instansiId: string): Promise<InboxItemRow[]> {
  return tx
    .select()
    .from(inboxItems)
    .where(
      and(
        sql`${inboxItems.instansiId} = ${instansiId}`,
        sql`${inboxItems.slaDueAt} is not null and ${inboxItems.firstResponseAt} is null`,
        inArray(inboxItems.status, ['new', 'open']),
        isNull(inboxItems.duplicateOf),
        isNull(inboxItems.deletedAt),
      ),
    )
}
