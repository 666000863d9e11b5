// webhook_deliveries: what the platforms pushed, accepted by their verifier (features/webhooks). A delivery is
// the deployment's until processed (its account is found by the platform's id then), so these queries do not
// filter on instansi_id; (platform, delivery_id) is unique: a second insert of the same delivery is a replay.
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { webhookDeliveries } from './schema/index.ts'

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect

/** Inserts the delivery; false when (platform, delivery id) was already received. */
export async function insertWebhookDelivery(
  db: Db,
  row: Omit<typeof webhookDeliveries.$inferInsert, 'status'>,
): Promise<boolean> {
  const inserted = await db
    .insert(webhookDeliveries)
    .values({ ...row, status: 'pending' })
    .onConflictDoNothing({ target: [webhookDeliveries.platform, webhookDeliveries.deliveryId] })
    .returning({ id: webhookDeliveries.id })
  return inserted.length > 0
}

export async function lockWebhookDelivery(db: Db, id: string): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id))
    .for('update', { skipLocked: true })
}

export async function markWebhookDeliveryProcessed(
  db: Db,
  id: string,
  matchedAccounts: number,
  now: Date,
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'processed', matchedAccounts, processedAt: now })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')))
}

export async function getWebhookDelivery(db: Db, id: string): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id))
  return row
}

/**
 * Deletes up to `limit` old deliveries (the housekeeping job): processed ones received before `processedBefore`,
 * and any received before `anyBefore` (one never processed is kept that long, for a look at what went wrong).
 * Rows a processing job holds are skipped. Returns how many were deleted.
 */
export async function deleteOldWebhookDeliveries(
  db: Db,
  cutoffs: { processedBefore: Date; anyBefore: Date },
  limit: number,
): Promise<number> {
  const old = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      or(
        and(
          eq(webhookDeliveries.status, 'processed'),
          lt(webhookDeliveries.receivedAt, cutoffs.processedBefore),
        ),
        lt(webhookDeliveries.receivedAt, cutoffs.anyBefore),
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true })
  const deleted = await db
    .delete(webhookDeliveries)
    .where(inArray(webhookDeliveries.id, old))
    .returning({ id: webhookDeliveries.id })
  return deleted.length
}

export interface WebhookDeliveryCounts {
  platform: string
  received24h: number
  processed24h: number
  received7d: number
  processed7d: number
  /** Received in the last 7 days and not processed yet (the job has not run, or keeps failing). */
  waiting7d: number
  lastReceivedAt: Date | null
}

/** Deliveries per platform received since `since7d` (and since `since24h`), for the admin's view. */
export async function countWebhookDeliveries(
  db: Db,
  since: { since24h: Date; since7d: Date },
): Promise<WebhookDeliveryCounts[]> {
  const recent = sql`${webhookDeliveries.receivedAt} >= ${since.since24h}`
  const processed = sql`${webhookDeliveries.status} = 'processed'`
  return db
    .select({
      platform: webhookDeliveries.platform,
      received24h: sql<number>`count(*) filter (where ${recent})`.mapWith(Number),
      processed24h: sql<number>`count(*) filter (where ${recent} and ${processed})`.mapWith(Number),
      received7d: sql<number>`count(*)`.mapWith(Number),
      processed7d: sql<number>`count(*) filter (where ${processed})`.mapWith(Number),
      waiting7d: sql<number>`count(*) filter (where not ${processed})`.mapWith(Number),
      lastReceivedAt: sql<Date | null>`max(${webhookDeliveries.receivedAt})`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
    })
    .from(webhookDeliveries)
    .where(gte(webhookDeliveries.receivedAt, since.since7d))
    .groupBy(webhookDeliveries.platform)
    .orderBy(asc(webhookDeliveries.platform))
}
