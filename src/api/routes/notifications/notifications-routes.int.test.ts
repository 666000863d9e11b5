// Notifications end to end: a change (a crisis approver named on a chain) notifies in the app and, for a user who
// wants each at once, by e-mail through the outbox and the job runner to a real SMTP server started here; a user
// who chose the daily digest gets one mail listing theirs; the bell's list and marking read; the e-mail choice on
// the profile.
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
import { testConfig } from '../../../../tests/support/test-context.ts'
import { openJobDatabase, type JobDatabase } from '../../../../tests/int/job-database.ts'
import { createTestInstansi, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { startJobRunner, type JobRunner } from '../../../jobs/job-runner.ts'
import { notifications } from '../../../db/schema/index.ts'
import { sendNotificationDigests } from '../../../features/notifications/notification-mail.ts'

let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startTestSmtpServer()
})

afterAll(async () => {
  await smtp.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 25_000, interval: 200 })

describe('notifications, through the outbox and a real SMTP server', () => {
  let jobDb: JobDatabase
  let runner: JobRunner
  let ctx: AppContext
  let app: FastifyInstance

  beforeAll(async () => {
    jobDb = await openJobDatabase('warta_notify')
    ctx = {
      ...jobDb.context,
      config: testConfig({
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        SMTP_FROM: 'Warta Kota Uji <warta@uji.go.id>',
        WARTA_PUBLIC_URL: 'http://warta.test',
        ...(jobDb.url ? { DATABASE_URL: jobDb.url } : {}),
      }),
    }
    runner = await startJobRunner(ctx, { relayIntervalMs: 200 })
    app = await buildApp(ctx)
  })

  afterAll(async () => {
    await app?.close()
    await runner?.close()
    await jobDb?.dispose()
  })

  it('mails a notification at once after the change commits, lists it in the bell and marks it read', async () => {
    const owner = await createTestInstansi(ctx.db)
    const totpSecret = generateTotpSecret()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret,
    })
    const adminHeaders = (await loginAs(app, { ...admin, totpSecret })).headers
    const now = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pimpinan' }])
    const daily = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pimpinan' }])
    const quiet = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pimpinan' }])

    // Each chooses how notifications are e-mailed, on their own profile.
    for (const [user, choice] of [
      [daily, 'daily'],
      [quiet, 'none'],
    ] as const) {
      const headers = (await loginAs(app, user)).headers
      const changed = await app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers,
        payload: { notificationEmail: choice },
      })
      expect(changed.statusCode, changed.body).toBe(200)
      expect(changed.json().user.notificationEmail).toBe(choice)
    }

    const set = await app.inject({
      method: 'PUT',
      url: `/api/approval-chains/units/${owner.rootUnit.id}`,
      headers: adminHeaders,
      payload: {
        steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
        crisisApproverIds: [now.id, daily.id, quiet.id],
      },
    })
    expect(set.statusCode, set.body).toBe(200)

    await poll(() => smtp.inbox.filter((mail) => mail.to.includes(now.email)).length).toBe(1)
    const mail = smtp.inbox.find((m) => m.to.includes(now.email))!
    expect(mail.raw).toMatch(/^Subject: Anda ditetapkan sebagai penyetuju jalur cepat krisis/m)
    const body = mailBody(mail)
    expect(body).toContain(
      `${admin.email} menetapkan Anda sebagai penyetuju jalur cepat krisis untuk Kantor Pusat`,
    )
    expect(body).toContain('http://warta.test/approval-chains')
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.recipientId, now.id))
    expect(row).toMatchObject({ emailStatus: 'sent', readAt: null })

    // The daily and quiet users got no mail yet; all three see it in the app.
    expect(smtp.inbox.some((m) => m.to.includes(daily.email) || m.to.includes(quiet.email))).toBe(false)
    const headers = (await loginAs(app, now)).headers
    const bell = await app.inject({ method: 'GET', url: '/api/notifications', headers })
    expect(bell.statusCode, bell.body).toBe(200)
    expect(bell.json()).toMatchObject({
      unread: 1,
      items: [{ kind: 'approval.crisis_approver', link: '/approval-chains', readAt: null }],
    })
    const read = await app.inject({ method: 'POST', url: '/api/notifications/read', headers, payload: {} })
    expect(read.json()).toEqual({ marked: 1, unread: 0 })
    const after = await app.inject({ method: 'GET', url: '/api/notifications?unreadOnly=true', headers })
    expect(after.json()).toEqual({ unread: 0, items: [] })

    // Nobody marks another user's notifications.
    const theirs = await ctx.db.select().from(notifications).where(eq(notifications.recipientId, daily.id))
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers,
      payload: { ids: theirs.map((n) => n.id) },
    })
    expect(foreign.json()).toEqual({ marked: 0, unread: 0 })

    // The daily digest: one mail for the daily user, nothing for the quiet one, and nothing twice.
    const digest = await sendNotificationDigests(ctx)
    expect(digest.mails).toBeGreaterThanOrEqual(1)
    await poll(() => smtp.inbox.filter((m) => m.to.includes(daily.email)).length).toBe(1)
    const digestMail = smtp.inbox.find((m) => m.to.includes(daily.email))!
    expect(digestMail.raw).toMatch(/^Subject: Ringkasan Warta: 1 pemberitahuan/m)
    expect(mailBody(digestMail)).toContain('Anda ditetapkan sebagai penyetuju jalur cepat krisis')
    await sendNotificationDigests(ctx)
    expect(smtp.inbox.filter((m) => m.to.includes(daily.email))).toHaveLength(1)
    expect(smtp.inbox.some((m) => m.to.includes(quiet.email))).toBe(false)
    const [quietRow] = await ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, quiet.id))
    expect(quietRow!.emailStatus).toBe('none')
  })

  it('refuses an unknown e-mail choice with the field named', async () => {
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
    const headers = (await loginAs(app, user)).headers
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers,
      payload: { notificationEmail: 'weekly' },
    })
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.details)).toEqual(['notificationEmail'])
  })
})
