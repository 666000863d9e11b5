// webhook_rejections: refused deliveries counted per platform and reason (features/webhooks). Deployment-wide:
// a refused delivery belongs to no instansi.
import { asc, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { webhookRejections } from './schema/index.ts'

export type WebhookRejectionRow = typeof webhookRejections.$inferSelect

export async function countWebhookRejection(
  db: Db,
  platform: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .insert(webhookRejections)
    .values({ platform, reason, count: 1, lastAt: now })
    .onConflictDoUpdate({
      target: [webhookRejections.platform, webhookRejections.reason],
      set: { count: sql`${webhookRejections.count} + 1`, lastAt: now },
    })
}

export async function listWebhookRejections(db: Db): Promise<WebhookRejectionRow[]> {
  return db
    .select()
    .from(webhookRejections)
    .orderBy(asc(webhookRejections.platform), asc(webhookRejections.reason))
}
