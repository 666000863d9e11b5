// webhook_deliveries: what the platforms pushed, accepted by their verifier (features/webhooks). A delivery is
// the deployment's until processed (its account is found by the platform's id then), so these queries do not
// filter on instansi_id; (platform, delivery_id) is unique: a second insert of the same delivery is a replay.
import { and, eq } from 'drizzle-orm'
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
