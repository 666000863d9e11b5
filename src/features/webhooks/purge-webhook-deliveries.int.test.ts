// Housekeeping of webhook deliveries: processed ones go after 30 days, ones never processed after 90, in batches;
// and a purged delivery, replayed with its signed time, is still refused (the replay window, not the stored id).
// The table is the deployment's, shared by parallel test files: each test looks only at its own platform's rows.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../api/app.ts'
import { getTestContext, testConfig } from '../../../tests/support/test-context.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import {
  fakeDefinitions,
  fakeSignature,
  startFakePlatform,
} from '../../../tests/support/fake-oauth-platform.ts'
import { webhookDeliveries } from '../../db/schema/index.ts'
import { processWebhookDelivery } from './process-webhook-delivery.ts'
import { purgeWebhookDeliveries } from './purge-webhook-deliveries.ts'

const DAY_MS = 24 * 3_600_000

describe('purging webhook deliveries', () => {
  it('deletes processed deliveries after 30 days and unprocessed ones after 90, in batches', async () => {
    const { db } = await getTestContext()
    const clock = handClock()
    const platform = `purge${randomUUID()
      .slice(0, 8)
      .replace(/[^a-z]/g, 'x')}`
    const ages = {
      processed31: { days: 31, status: 'processed' },
      processed29: { days: 29, status: 'processed' },
      processed91: { days: 91, status: 'processed' },
      pending31: { days: 31, status: 'pending' },
      pending89: { days: 89, status: 'pending' },
      pending91: { days: 91, status: 'pending' },
      recent: { days: 0, status: 'pending' },
      // A backlog bigger than a batch.
      ...Object.fromEntries(
        [1, 2, 3, 4, 5].map((n) => [`old${n}`, { days: 40 + n, status: 'processed' }] as const),
      ),
    } as Record<string, { days: number; status: 'processed' | 'pending' }>
    for (const [deliveryId, { days, status }] of Object.entries(ages)) {
      const receivedAt = new Date(clock.now().getTime() - days * DAY_MS)
      await db.insert(webhookDeliveries).values({
        id: randomUUID(),
        platform,
        deliveryId,
        sentAt: receivedAt,
        receivedAt,
        events: [],
        status,
        processedAt: status === 'processed' ? receivedAt : null,
      })
    }
    const left = async () =>
      (
        await db
          .select({ deliveryId: webhookDeliveries.deliveryId })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.platform, platform))
      )
        .map((row) => row.deliveryId)
        .sort()

    const { deleted } = await purgeWebhookDeliveries({ db, clock }, { batchSize: 2 })
    expect(deleted).toBeGreaterThanOrEqual(8)
    const kept = ['pending31', 'pending89', 'processed29', 'recent']
    expect(await left()).toEqual(kept)

    // Again: nothing more of these goes.
    await purgeWebhookDeliveries({ db, clock }, { batchSize: 2 })
    expect(await left()).toEqual(kept)

    // Two days later the processed one is past 30 days and the oldest unprocessed one past 90.
    clock.advance(2 * DAY_MS)
    await purgeWebhookDeliveries({ db, clock })
    expect(await left()).toEqual(['pending31', 'recent'])
  })

  it('a purged delivery replayed with its signed time is refused as stale, not stored again', async () => {
    const shared = await getTestContext()
    const clock = handClock()
    const secret = 'purge-replay-secret'
    const ctx = { ...shared, clock, config: testConfig({ WARTA_WEBHOOK_TELEGRAM_SECRET: secret }) }
    const fake = await startFakePlatform()
    await fake.close()
    const app = await buildApp(ctx, { platforms: { connectors: fakeDefinitions('telegram', fake) } })
    const body = JSON.stringify({ account: 'purge-replay', text: 'Halo Humas' })
    const deliveryId = randomUUID()
    const headers = {
      'content-type': 'application/json',
      'x-fake-signature': fakeSignature(secret, body),
      'x-fake-delivery': deliveryId,
      'x-fake-timestamp': String(Math.floor(clock.now().getTime() / 1000)),
    }
    const send = () => app.inject({ method: 'POST', url: '/api/webhooks/telegram', headers, payload: body })
    expect((await send()).statusCode).toBe(200)
    const [stored] = await shared.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.deliveryId, deliveryId))
    await processWebhookDelivery(ctx, stored!.id)

    // A month on. (The row is aged rather than the purge's clock moved: other test files' deliveries share the
    // table, and a purge a month ahead would take theirs.)
    await shared.db
      .update(webhookDeliveries)
      .set({ receivedAt: new Date(clock.now().getTime() - 31 * DAY_MS) })
      .where(eq(webhookDeliveries.id, stored!.id))
    await purgeWebhookDeliveries({ db: shared.db, clock: handClock(clock.now()) })
    clock.advance(31 * DAY_MS)
    const rows = () =>
      shared.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId))
    expect(await rows()).toHaveLength(0)

    const replay = await send()
    expect(replay.statusCode).toBe(409)
    expect(replay.json()).toEqual({ ok: false, reason: 'stale' })
    expect(await rows()).toHaveLength(0)
    await app.close()
  })
})
