// webhook_deliveries: what the platforms pushed, accepted by their verifier (features/webhooks). A delivery is
// the deployment's until processed (its account is found by the platform's id then), so these queries do not
// filter on instansi_id; (platform, delivery_id) is unique: a second insert of the same delivery is a replay.
import { and, eq, inArray, lt, or } from 'drizzle-orm'
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
