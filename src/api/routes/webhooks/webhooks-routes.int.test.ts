// /api/webhooks/<platform> with a fake verifier (tests/support/fake-oauth-platform.ts: HMAC-SHA256 of the raw body
// in x-fake-signature, the delivery id in x-fake-delivery, the send time in x-fake-timestamp), registered through
// the registry's overrides under 'telegram': the raw bytes reach the verifier, a delivery is stored and queued
// once, a replay or an old one is refused as stale, refusals are counted, and the job marks it processed.
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { handClock } from '../../../../tests/support/hand-clock.ts'
import {
  fakeDefinitions,
  fakeSignature,
  startFakePlatform,
} from '../../../../tests/support/fake-oauth-platform.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { jobOutbox, webhookDeliveries } from '../../../db/schema/index.ts'
import { saveConnected } from '../../../db/account-connections-repository.ts'
import { processWebhookDelivery } from '../../../features/webhooks/process-webhook-delivery.ts'

const SECRET = 'webhook-secret-for-tests'

async function setup(
  env: Record<string, string> = {
    WARTA_WEBHOOK_TELEGRAM_SECRET: SECRET,
    WARTA_WEBHOOK_TELEGRAM_VERIFY_TOKEN: 'vt',
  },
) {
  const shared = await getTestContext()
  const clock = handClock()
  const ctx = { ...shared, clock, config: testConfig(env) }
  const fake = await startFakePlatform()
  await fake.close()
  const connectors = fakeDefinitions('telegram', fake)
  const app = await buildApp(ctx, { platforms: { connectors } })
  return { ctx, clock, app, connectors }
}

type Setup = Awaited<ReturnType<typeof setup>>

function post(s: Setup, body: string, headers: Record<string, string>) {
  return s.app.inject({
    method: 'POST',
    url: '/api/webhooks/telegram',
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  })
}

function signed(body: string, delivery = randomUUID(), extra: Record<string, string> = {}) {
  return { 'x-fake-signature': fakeSignature(SECRET, body), 'x-fake-delivery': delivery, ...extra }
}

async function rejectionCount(s: Setup, reason: string): Promise<number> {
  const rows = await s.ctx.db.execute<{ count: string }>(
    sql`SELECT count FROM webhook_rejections WHERE platform = 'telegram' AND reason = ${reason}`,
  )
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { count: string }[] }).rows) as {
    count: string
  }[]
  return Number(list[0]?.count ?? 0)
}

describe('webhooks', () => {
  it('keeps the raw bytes, stores and queues an accepted delivery once, and the job marks it processed', async () => {
    const s = await setup()
    const account = `chat-${uniqueSuffix()}`
    // Spacing and key order that a re-serialised JSON would change: the signature is over these exact bytes.
    const body = `{ "text" : "Jalan rusak",  "account":"${account}", "id": "m1" }`
    const delivery = randomUUID()
    const accepted = await post(s, body, signed(body, delivery))
    expect(accepted.statusCode, accepted.body).toBe(200)
    const [row] = await s.ctx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.deliveryId, delivery))
    expect(row).toMatchObject({ platform: 'telegram', status: 'pending' })
    expect(row!.events).toMatchObject([
      { kind: 'interaction', accountExternalId: account, interaction: { text: 'Jalan rusak' } },
    ])
    const queued = await s.ctx.db
      .select()
      .from(jobOutbox)
      .where(eq(jobOutbox.name, 'process-webhook-delivery'))
    expect(queued.map((job) => job.payload)).toContainEqual({ id: row!.id })

    // A connected account with that platform id: the job finds it.
    const owner = await createTestInstansi(s.ctx.db)
    const unit = await createTestUnit(s.ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
    const pj = await createTestUser(s.ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
      totpSecret: generateTotpSecret(),
    })
    const accountId = randomUUID()
    await s.ctx.db
      .execute(sql`INSERT INTO accounts (id, instansi_id, unit_id, platform, handle, url, penanggung_jawab_user_id)
      VALUES (${accountId}, ${owner.id}, ${unit.id}, 'telegram', ${`humas${uniqueSuffix()}`}, 'https://t.me/humas', ${pj.id})`)
    await saveConnected(s.ctx.db, {
      accountId,
      instansiId: owner.id,
      platform: 'telegram',
      credentials: 'v1.x.y.z.w',
      credentialsKeyId: 'x',
      platformAccountId: account,
      platformHandle: 'humas',
      now: new Date(),
    })
    expect(await processWebhookDelivery(s.ctx, row!.id)).toEqual({ processed: true, matchedAccounts: 1 })
    expect(await processWebhookDelivery(s.ctx, row!.id)).toEqual({ processed: false, matchedAccounts: 0 })
    const [done] = await s.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.id))
    expect(done).toMatchObject({ status: 'processed', matchedAccounts: 1 })

    // The same delivery again is a replay: refused as stale, counted, stored once only.
    const before = await rejectionCount(s, 'stale')
    const replay = await post(s, body, signed(body, delivery))
    expect(replay.statusCode).toBe(409)
    expect(replay.json()).toEqual({ ok: false, reason: 'stale' })
    expect(await rejectionCount(s, 'stale')).toBe(before + 1)
    expect(
      await s.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, delivery)),
    ).toHaveLength(1)
  })

  it('refuses a delivery sent longer ago than the replay window, and accepts one inside it', async () => {
    const s = await setup()
    const body = '{"account":"a","id":"m2","text":"x"}'
    const now = Math.floor(s.clock.now().getTime() / 1000)
    const old = await post(s, body, signed(body, randomUUID(), { 'x-fake-timestamp': String(now - 6 * 60) }))
    expect(old.statusCode).toBe(409)
    const recent = await post(s, body, signed(body, randomUUID(), { 'x-fake-timestamp': String(now - 60) }))
    expect(recent.statusCode).toBe(200)
  })

  it('refuses a changed byte, a wrong secret, a missing signature, and counts each by reason; nothing is stored', async () => {
    const s = await setup()
    const body = '{"account":"a","id":"m3","text":"halo"}'
    const delivery = randomUUID()
    const badBefore = await rejectionCount(s, 'bad_signature')
    const missingBefore = await rejectionCount(s, 'missing_signature')

    const changed = await post(s, body.replace('halo', 'hal0'), signed(body, delivery))
    expect(changed.statusCode).toBe(401)
    const wrongSecret = await post(s, body, {
      'x-fake-signature': fakeSignature('another-secret', body),
      'x-fake-delivery': delivery,
    })
    expect(wrongSecret.statusCode).toBe(401)
    const missing = await post(s, body, { 'x-fake-delivery': delivery })
    expect(missing.statusCode).toBe(401)
    expect(missing.json()).toEqual({ ok: false, reason: 'missing_signature' })

    expect(await rejectionCount(s, 'bad_signature')).toBe(badBefore + 2)
    expect(await rejectionCount(s, 'missing_signature')).toBe(missingBefore + 1)
    expect(
      await s.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, delivery)),
    ).toEqual([])
  })

  it('answers the handshake as the verifier says, refuses a wrong verify token, and knows no unknown platform', async () => {
    const s = await setup()
    const ok = await s.app.inject({ url: '/api/webhooks/telegram?verify_token=vt&challenge=abc123' })
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['content-type']).toMatch(/^text\/plain/)
    expect(ok.body).toBe('abc123')
    const wrong = await s.app.inject({ url: '/api/webhooks/telegram?verify_token=nope&challenge=abc123' })
    expect(wrong.statusCode).toBe(403)
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/webhooks/whatsapp',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('refuses every delivery when the deployment has no secret for the platform', async () => {
    const s = await setup({})
    const body = '{"account":"a"}'
    const response = await post(s, body, signed(body))
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ ok: false, reason: 'not_configured' })
  })

  it('shows the counted refusals to an admin, and not to a pengelola', async () => {
    const s = await setup()
    const body = '{"account":"a"}'
    await post(s, body, { 'x-fake-signature': 'sha256=00' })
    const owner = await createTestInstansi(s.ctx.db)
    const totpSecret = generateTotpSecret()
    const admin = await createTestUser(s.ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret,
    })
    const pengelola = await createTestUser(s.ctx.db, owner, [
      { unitId: owner.rootUnit.id, role: 'pengelola' },
    ])
    const { headers } = await loginAs(s.app, { ...admin, totpSecret })
    const view = await s.app.inject({ url: '/api/webhook-rejections', headers })
    expect(view.statusCode, view.body).toBe(200)
    expect(view.json<{ rejections: unknown[] }>().rejections).toContainEqual(
      expect.objectContaining({ platform: 'telegram', reason: 'bad_signature' }),
    )
    const denied = await s.app.inject({
      url: '/api/webhook-rejections',
      headers: (await loginAs(s.app, pengelola)).headers,
    })
    expect(denied.statusCode).toBe(403)
  })

  it('shows an admin each platform: secret set, deliveries received / processed in 24 h and 7 d, refusals', async () => {
    // A platform name of this test's own: the tables are the deployment's and other files post to 'telegram'.
    const name = `uji${uniqueSuffix()
      .toLowerCase()
      .replace(/[^a-z]/g, 'x')}`.slice(0, 20)
    const shared = await getTestContext()
    const clock = handClock()
    const ctx = {
      ...shared,
      clock,
      config: testConfig({ [`WARTA_WEBHOOK_${name.toUpperCase()}_SECRET`]: SECRET }),
    }
    const fake = await startFakePlatform()
    await fake.close()
    const app = await buildApp(ctx, { platforms: { connectors: fakeDefinitions(name, fake) } })
    const send = (body: string, headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/webhooks/${name}`,
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      })
    const body = '{"account":"a","id":"m9","text":"x"}'
    // Eight days ago one delivery (outside the 7 days), two days ago one processed, today two (one processed).
    const ids: string[] = []
    for (const daysAgo of [8, 2, 0, 0]) {
      clock.set(new Date(Date.now() - daysAgo * 86_400_000))
      const delivery = randomUUID()
      expect((await send(body, signed(body, delivery))).statusCode).toBe(200)
      const [row] = await shared.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.deliveryId, delivery))
      ids.push(row!.id)
    }
    clock.set(new Date())
    await processWebhookDelivery(ctx, ids[1]!)
    await processWebhookDelivery(ctx, ids[2]!)
    await send(body, { 'x-fake-signature': 'sha256=00' })
    await send(body, { 'x-fake-signature': 'sha256=00' })
    await send(body, {})

    const owner = await createTestInstansi(shared.db)
    const totpSecret = generateTotpSecret()
    const admin = await createTestUser(shared.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret,
    })
    const view = await app.inject({
      url: '/api/webhook-rejections',
      headers: (await loginAs(app, { ...admin, totpSecret })).headers,
    })
    expect(view.statusCode, view.body).toBe(200)
    const mine = view
      .json<{ platforms: Array<Record<string, unknown>> }>()
      .platforms.find((row) => row.platform === name)
    expect(mine).toMatchObject({
      configured: true,
      received24h: 2,
      processed24h: 1,
      received7d: 3,
      processed7d: 2,
      waiting7d: 1,
      rejected: 3,
      rejections: [
        { reason: 'bad_signature', count: 2 },
        { reason: 'missing_signature', count: 1 },
      ],
    })
    expect(new Date(mine!.lastRejectedAt as string).getTime()).toBeLessThanOrEqual(Date.now())
    expect(mine!.lastReceivedAt).not.toBeNull()
    await app.close()
  })
})
