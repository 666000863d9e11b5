import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import pg from 'pg'
import { pino } from 'pino'
import { buildApp } from '../../app.ts'
import { createContext, type AppContext } from '../../../context.ts'
import { openDatabase, type Database } from '../../../db/open-database.ts'
import { getTestContext, testConfig, testEngine } from '../../../../tests/support/test-context.ts'
import { totpCodeAt } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

// First-run setup needs a deployment without any instansi, so this file opens its own empty database.
const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

async function emptyContext(): Promise<AppContext> {
  let database: Database
  if (testEngine() === 'pg') {
    const url = new URL(inject('testDatabaseUrl'))
    const name = `${url.pathname.slice(1)}_setup_${Math.floor(Math.random() * 1e6)}`
    const admin = new pg.Client({ connectionString: url.toString() })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const fresh = new URL(url)
    fresh.pathname = `/${name}`
    database = await openDatabase({ databaseUrl: fresh.toString(), poolSize: 3 })
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: url.toString() })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    })
  } else {
    database = await openDatabase({ pgliteDir: 'memory://' })
  }
  const ctx = await createContext(testConfig(), { database, logger: pino({ level: 'silent' }) })
  cleanups.push(() => database.close())
  return ctx
}

const wizard = {
  instansiName: 'Dinas Komunikasi dan Informatika Kota Contoh',
  slug: 'diskominfo-contoh',
  rootUnitName: 'Diskominfo Kota Contoh',
  rootUnitCode: 'DISKOMINFO',
  adminName: 'Admin Humas',
  adminEmail: 'admin@contoh.go.id',
  adminPassword: 'kata-sandi-admin-yang-panjang',
}

describe('first-run setup', () => {
  it('create the instansi, root unit and admin once, log the admin in limited to 2FA enrolment, and refuse a second run', async () => {
    const ctx = await emptyContext()
    const app = await buildApp(ctx)
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true })

    const weak = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...wizard, adminPassword: 'pendek' },
    })
    expect(weak.statusCode).toBe(400)
    // The password the first admin could keep before: long enough, but one of the most common.
    const common = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...wizard, adminPassword: 'password1234' },
    })
    expect(common.statusCode).toBe(400)
    expect(common.json().error.details.password).toMatchObject({
      key: 'auth.password_warning.similar_to_common',
    })
    const instansiName = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...wizard, adminPassword: 'diskominfo-contoh-2026' },
    })
    expect(instansiName.statusCode).toBe(400)
    expect(instansiName.json().error.key).toBe('auth.password_personal')
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true })

    const done = await app.inject({ method: 'POST', url: '/api/setup', payload: wizard })
    expect(done.statusCode).toBe(200)
    const body = done.json()
    expect(body.mustEnrolTwoFactor).toBe(true)

    const cookie = done.cookies.find((c) => c.name === 'warta_session')!
    const headers = { cookie: `warta_session=${cookie.value}`, 'x-csrf-token': body.csrfToken as string }
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false })

    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers })).json()
    expect(me.instansi).toMatchObject({ slug: 'diskominfo-contoh', name: wizard.instansiName })
    // The admin chose this password: no change is asked for; the wizard was their first sign-in.
    expect(me.user.mustChangePassword).toBe(false)
    expect(me.user.lastLoginAt).not.toBeNull()
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'admin', unitCode: 'DISKOMINFO', unitId: body.rootUnitId }),
    ])
    expect((await app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(403)

    const { secret } = (await app.inject({ method: 'POST', url: '/api/me/two-factor/enrol', headers })).json()
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/confirm',
      headers,
      payload: { code: totpCodeAt(secret, new Date()) },
    })
    expect(confirm.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200)

    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...wizard, slug: 'lain', adminEmail: 'lain@contoh.go.id' },
    })
    expect(again.statusCode).toBe(409)

    const actions = (await searchAudit(ctx.db, { instansiId: body.instansiId }))
      .map((e) => e.action)
      .reverse()
    expect(actions.slice(0, 3)).toEqual(['instansi.create', 'user.create', 'user.two_factor_enable'])
  })

  it('report setup as not needed on a deployment that already has an instansi', async () => {
    const ctx = await getTestContext()
    const app = await buildApp(ctx)
    const { createTestInstansi } = await import('../../../../tests/support/fixtures.ts')
    await createTestInstansi(ctx.db)
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false })
    expect(
      (await app.inject({ method: 'POST', url: '/api/setup', payload: { ...wizard, slug: 'x-y' } }))
        .statusCode,
    ).toBe(409)
  })
})
