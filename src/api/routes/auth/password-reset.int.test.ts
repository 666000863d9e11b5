// "Lupa kata sandi?" end to end: a real SMTP server started here receives what the job runner (pg-boss, the
// outbox relay) sends; the link from the mail resets the password through the API; the old password, sessions
// and tokens stop working. Then the rules around it: the same answer for unknown e-mails, throttling, expiry,
// a running lock, and a mail server that fails.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  mailBody,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../../../tests/support/test-smtp-server.ts'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../app.ts'
import type { AppContext } from '../../../context.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import { openJobDatabase, type JobDatabase } from '../../../../tests/int/job-database.ts'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { startJobRunner, type JobRunner } from '../../../jobs/job-runner.ts'
import { jobOutbox, passwordResets, users } from '../../../db/schema/index.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { sha256Hex } from '../../../features/identity/secret-token.ts'
import { insertPasswordReset, markPasswordResetHandled } from '../../../db/password-resets-repository.ts'
import {
  RESET_MAILS_PER_EMAIL,
  RESET_REQUESTS_PER_ADDRESS,
  sendPasswordResetMail,
} from '../../../features/identity/password-reset.ts'

const PUBLIC_URL = 'http://warta.test'
const NEW_PASSWORD = 'batik-kopi-sawah-77'

let refuseMail = false
let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startTestSmtpServer({ refuse: () => refuseMail })
})

afterAll(async () => {
  await smtp.close()
})

function mailConfig(extra: Record<string, string> = {}) {
  return testConfig({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_FROM: 'Warta Kota Uji <warta@uji.go.id>',
    WARTA_PUBLIC_URL: PUBLIC_URL,
    ...extra,
  })
}

function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
}

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 25_000, interval: 200 })

describe('password reset by e-mail, end to end through the job runner and a real SMTP server', () => {
  let jobDb: JobDatabase
  let runner: JobRunner
  let ctx: AppContext
  let app: FastifyInstance

  beforeAll(async () => {
    jobDb = await openJobDatabase('warta_reset')
    ctx = {
      ...jobDb.context,
      config: mailConfig(jobDb.url ? { DATABASE_URL: jobDb.url } : {}),
    }
    runner = await startJobRunner(ctx, { relayIntervalMs: 200 })
    app = await buildApp(ctx)
  })

  afterAll(async () => {
    await app?.close()
    await runner?.close()
    await jobDb?.dispose()
  })

  it('mails a single-use link that sets a new password, after which the old password, sessions and tokens are refused', async () => {
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
    const oldSession = await loginAs(app, user)
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: oldSession.headers,
        payload: { name: 'otomasi' },
      })
    ).json<{ token: string }>().token

    const options = await app.inject({ method: 'GET', url: '/api/auth/options' })
    expect(options.json()).toMatchObject({ passwordReset: true })

    const ip = randomIp()
    const unknownEmail = `tidak-ada-${uniqueSuffix()}@uji.go.id`
    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: user.email.toUpperCase() },
      remoteAddress: ip,
    })
    const askedUnknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: unknownEmail },
      remoteAddress: ip,
    })
    // No probing: the same answer for an e-mail with an account and one without.
    expect([asked.statusCode, asked.body]).toEqual([200, '{"ok":true}'])
    expect([askedUnknown.statusCode, askedUnknown.body]).toEqual([asked.statusCode, asked.body])

    await poll(() => smtp.inbox.filter((mail) => mail.to.includes(user.email)).length).toBe(1)
    const mail = smtp.inbox.find((m) => m.to.includes(user.email))!
    expect(mail.raw).toMatch(/^Subject: Atur ulang kata sandi Warta/m)
    expect(mail.raw).toMatch(/^From: Warta Kota Uji <warta@uji\.go\.id>/m)
    const body = mailBody(mail)
    expect(body).toContain('Tautan hanya berlaku sekali dan selama 30 menit')
    const link = /(http:\/\/warta\.test\/reset-password#token=[A-Za-z0-9_-]+)/.exec(body)?.[1]
    expect(link, body).toBeDefined()
    const resetToken = new URL(link!).hash.replace('#token=', '')

    // The unknown e-mail got nothing, and its request is done with.
    await poll(async () => {
      const [row] = await ctx.db.select().from(passwordResets).where(eq(passwordResets.email, unknownEmail))
      return row?.handledAt !== null && row?.handledAt !== undefined
    }).toBe(true)
    expect(smtp.inbox.some((m) => m.to.includes(unknownEmail))).toBe(false)

    // Only the token's SHA-256 is stored, and the job carried nothing but the request's id.
    const [stored] = await ctx.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))
    expect(stored!.tokenHash).toBe(sha256Hex(resetToken))
    const jobs = await runner.boss.findJobs('send-password-reset-mail', { data: { resetId: stored!.id } })
    expect(jobs.map((job) => job.data)).toEqual([{ resetId: stored!.id }])
    expect(JSON.stringify(stored)).not.toContain(resetToken)

    // A weak password is refused and the link stays usable.
    const weak = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: resetToken, password: 'password1234' },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.details.password.key).toBe('auth.password_warning.similar_to_common')

    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: resetToken, password: NEW_PASSWORD },
    })
    expect(reset.statusCode, reset.body).toBe(200)
    expect(reset.json()).toEqual({ lockedUntil: null })

    const oldPassword = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: randomIp(),
    })
    expect(oldPassword.statusCode).toBe(401)
    await loginAs(app, { email: user.email, password: NEW_PASSWORD }, { ip: randomIp() })
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: oldSession.headers })).statusCode,
    ).toBe(401)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401)

    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: resetToken, password: 'lagi-batik-kopi-sawah-88' },
    })
    expect(again.statusCode).toBe(400)
    expect(again.json().error.key).toBe('auth.reset_link_invalid')

    const requested = await searchAudit(ctx.db, {
      instansiId: owner.id,
      action: 'user.password_reset_requested',
    })
    expect(requested).toHaveLength(1)
    expect(requested[0]).toMatchObject({ objectId: user.id, actorLabel: 'anonymous', ip })
    const done = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.password_reset_by_email' })
    expect(done[0]).toMatchObject({ objectId: user.id, actorUserId: user.id })
    expect(done[0]!.after).toMatchObject({ revokedSessions: 1, revokedTokens: 1 })
  })
})

describe('password reset requests and links', () => {
  async function mailApp(extra: Record<string, string> = {}) {
    const shared = await getTestContext()
    const ctx: AppContext = { ...shared, config: mailConfig(extra) }
    return { ctx, app: await buildApp(ctx) }
  }

  const request = (app: FastifyInstance, email: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: ip,
    })

  async function jobsFor(ctx: AppContext, email: string): Promise<number> {
    const rows = await ctx.db.select().from(passwordResets).where(eq(passwordResets.email, email))
    const ids = new Set(rows.map((row) => row.id))
    const queued = await ctx.db.select().from(jobOutbox).where(eq(jobOutbox.name, 'send-password-reset-mail'))
    return queued.filter((job) => ids.has((job.payload as { resetId: string }).resetId)).length
  }

  it('offer no reset without a mail server: the options say so and a request answers 404', async () => {
    const ctx = await getTestContext()
    const app = await buildApp(ctx)
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toMatchObject({
      passwordReset: false,
    })
    const response = await request(app, 'siapa@uji.go.id', randomIp())
    expect(response.statusCode).toBe(404)
    expect(response.json().error.key).toBe('auth.password_reset_unavailable')
  })

  it('throttle requests per address with a time to retry, and mail one e-mail only a few times an hour', async () => {
    const { ctx, app } = await mailApp()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])
    for (let i = 0; i < RESET_MAILS_PER_EMAIL + 2; i += 1)
      expect((await request(app, user.email, randomIp())).statusCode).toBe(200)
    // Every request was answered alike; only the first few asked for a mail.
    expect(await jobsFor(ctx, user.email)).toBe(RESET_MAILS_PER_EMAIL)

    const ip = randomIp()
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i += 1)
      expect((await request(app, `orang-${i}-${uniqueSuffix()}@uji.go.id`, ip)).statusCode).toBe(200)
    const throttled = await request(app, `orang-lagi-${uniqueSuffix()}@uji.go.id`, ip)
    expect(throttled.statusCode).toBe(429)
    expect(throttled.json().error.key).toBe('auth.reset_throttled')
    expect(throttled.json().error.message).toMatch(/Coba lagi setelah pukul/)
  })

  it('refuse an expired link and a link that was never issued', async () => {
    const { ctx, app } = await mailApp()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])
    const id = crypto.randomUUID()
    const token = `kedaluwarsa-${uniqueSuffix()}-${uniqueSuffix()}-${uniqueSuffix()}`
    const then = new Date(Date.now() - 3_600_000)
    await insertPasswordReset(ctx.db, { id, ip: '10.0.0.1', email: user.email, requestedAt: then })
    await markPasswordResetHandled(ctx.db, id, then, {
      instansiId: owner.id,
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(then.getTime() + 30 * 60_000),
    })
    for (const candidate of [token, `${token}x`]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { token: candidate, password: NEW_PASSWORD },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({
        key: 'auth.reset_link_invalid',
        details: { token: { key: 'auth.reset_link_invalid_field' } },
      })
    }
    await loginAs(app, user)
  })

  it('set the password but leave a running lock to run out, and say until when', async () => {
    const { ctx, app } = await mailApp()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])
    const lockedUntil = new Date(Date.now() + 10 * 60_000)
    await ctx.db.update(users).set({ lockedUntil }).where(eq(users.id, user.id))
    const id = crypto.randomUUID()
    const token = `terkunci-${uniqueSuffix()}-${uniqueSuffix()}-${uniqueSuffix()}`
    const now = new Date()
    await insertPasswordReset(ctx.db, { id, ip: '10.0.0.2', email: user.email, requestedAt: now })
    await markPasswordResetHandled(ctx.db, id, now, {
      instansiId: owner.id,
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(now.getTime() + 30 * 60_000),
    })
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token, password: NEW_PASSWORD },
    })
    expect(reset.statusCode).toBe(200)
    expect(reset.json()).toEqual({ lockedUntil: lockedUntil.toISOString() })
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: NEW_PASSWORD },
      remoteAddress: randomIp(),
    })
    expect(login.statusCode).toBe(423)
  })

  it('withdraw the link when the mail server refuses the mail, so a retry issues a fresh one', async () => {
    const { ctx, app } = await mailApp()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])
    expect((await request(app, user.email, randomIp())).statusCode).toBe(200)
    const [row] = await ctx.db.select().from(passwordResets).where(eq(passwordResets.email, user.email))
    refuseMail = true
    try {
      await expect(sendPasswordResetMail(ctx, row!.id)).rejects.toThrow()
    } finally {
      refuseMail = false
    }
    const [withdrawn] = await ctx.db.select().from(passwordResets).where(eq(passwordResets.id, row!.id))
    expect(withdrawn).toMatchObject({ handledAt: null, tokenHash: null, userId: null })
    expect(await sendPasswordResetMail(ctx, row!.id)).toBe('sent')
    expect(await sendPasswordResetMail(ctx, row!.id)).toBe('not_due')
    expect(smtp.inbox.filter((m) => m.to.includes(user.email))).toHaveLength(1)
  })
})
