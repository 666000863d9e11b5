// Approval notices by e-mail, end to end on each engine: a submission mails the waiting penanggung jawab and an
// approval mails the author, through the outbox and the job runner to a real SMTP server started here.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSmtpServer, type TestSmtpServer } from '../../../../tests/support/test-smtp-server.ts'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../app.ts'
import type { AppContext } from '../../../context.ts'
import { testConfig } from '../../../../tests/support/test-context.ts'
import { openJobDatabase, type JobDatabase } from '../../../../tests/int/job-database.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { startJobRunner, type JobRunner } from '../../../jobs/job-runner.ts'
import { accounts } from '../../../db/schema/index.ts'

let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startTestSmtpServer()
})

afterAll(async () => {
  await smtp.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 25_000, interval: 200 })

describe('approval notices by e-mail', () => {
  let jobDb: JobDatabase
  let runner: JobRunner
  let ctx: AppContext
  let app: FastifyInstance

  beforeAll(async () => {
    jobDb = await openJobDatabase('warta_approval_mail')
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

  it('mails the waiting penanggung jawab at submission and the author once it is approved', async () => {
    const owner = await createTestInstansi(ctx.db)
    const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, 'DINKES')
    const totpSecret = generateTotpSecret()
    const pj = {
      ...(await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
        totpSecret,
      })),
      totpSecret,
    }
    const pengelola = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const accountId = randomUUID()
    await ctx.db.insert(accounts).values({
      id: accountId,
      instansiId: owner.id,
      unitId: unit.id,
      platform: 'x',
      handle: 'dinkesuji',
      url: 'https://x.com/dinkesuji',
      penanggungJawabUserId: pj.id,
    })
    const author = (await loginAs(app, pengelola)).headers
    const created = await app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: author,
      payload: {
        title: 'Jadwal posyandu',
        kind: 'informasi',
        baseText: 'Posyandu balita dibuka Senin pukul 08.00 WIB di balai warga.',
        targets: [accountId],
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    const post = created.json<{ id: string; version: number }>()
    const submitted = await app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: author,
      payload: { version: post.version },
    })
    expect(submitted.statusCode, submitted.body).toBe(200)

    await poll(() => smtp.inbox.filter((mail) => mail.to.includes(pj.email)).length).toBe(1)
    const request = smtp.inbox.find((mail) => mail.to.includes(pj.email))!
    expect(request.raw).toMatch(/^Subject: Menunggu persetujuan Anda: Jadwal posyandu/m)
    // Quoted-printable: long lines are broken with soft breaks.
    expect(request.raw.replace(/=\r?\n/g, '')).toContain(`http://warta.test/posts/${post.id}`)

    const approved = await app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: (await loginAs(app, pj)).headers,
      payload: {},
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('scheduled')
    await poll(() => smtp.inbox.filter((mail) => mail.to.includes(pengelola.email)).length).toBe(1)
    const told = smtp.inbox.find((mail) => mail.to.includes(pengelola.email))!
    expect(told.raw).toMatch(/^Subject: Disetujui: Jadwal posyandu/m)
  })
})
