// Lockout, per-IP throttling, mandatory 2FA and recovery codes through the real routes.
import { randomInt } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import type { Clock } from '../../../clock.ts'
import type { AppContext } from '../../../context.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs, nextTotpCode } from '../../../../tests/support/auth.ts'
import { generateTotpSecret, totpCodeAt } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

/** Failing logins come from their own address, so they never throttle other tests sharing the database. */
function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
}

function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) }
}

async function setup(clock?: Clock) {
  const shared = await getTestContext()
  const ctx: AppContext = clock ? { ...shared, clock } : shared
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  return { ctx, app, owner, unit }
}

function attempt(app: Awaited<ReturnType<typeof buildApp>>, payload: Record<string, unknown>, ip: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip })
}

describe('login lockout and throttling', () => {
  it('lock the account after the configured failures with a message saying when to try again, then unlock', async () => {
    const clock = movableClock()
    const { ctx, app, owner, unit } = await setup(clock)
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const ip = randomIp()
    const max = ctx.config.login.maxAttempts
    for (let i = 1; i < max; i += 1) {
      expect(
        (await attempt(app, { email: user.email, password: `salah-ke-${i}-xxxxx` }, ip)).statusCode,
      ).toBe(401)
    }
    const locking = await attempt(app, { email: user.email, password: 'salah-terakhir-xxxx' }, ip)
    expect(locking.statusCode).toBe(423)
    expect(locking.json().error.code).toBe('locked')
    expect(locking.json().error.message).toMatch(/Coba lagi setelah pukul \d{2}\.\d{2} WIB \(15 menit lagi\)/)

    // Even the right password is refused while locked.
    const whileLocked = await attempt(app, { email: user.email, password: user.password }, randomIp())
    expect(whileLocked.statusCode).toBe(423)
    expect(Date.parse(whileLocked.json().error.params.until)).toBeGreaterThan(Date.now())

    clock.advance(ctx.config.login.lockMinutes * 60_000 + 1000)
    expect((await attempt(app, { email: user.email, password: user.password }, randomIp())).statusCode).toBe(
      200,
    )
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.locked' })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.objectId).toBe(user.id)
  })

  it('throttle one address that guesses across many accounts, and hold it in the database', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const ip = randomIp()
    const limit = Math.max(20, ctx.config.login.maxAttempts * 4)
    for (let i = 0; i < limit; i += 1) {
      const response = await attempt(
        app,
        { email: `tidak-ada-${i}@uji.go.id`, password: 'salah-salah-salah' },
        ip,
      )
      expect(response.statusCode).toBe(401)
    }
    // A second app instance (another process) sees the same count.
    const otherProcess = await buildApp(ctx)
    const throttled = await attempt(otherProcess, { email: user.email, password: user.password }, ip)
    expect(throttled.statusCode).toBe(429)
    expect(throttled.json().error.message).toMatch(/Coba lagi setelah pukul/)
    expect((await attempt(app, { email: user.email, password: user.password }, randomIp())).statusCode).toBe(
      200,
    )
  })

  it('refuse a disabled user with the same message as a wrong password', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const { users } = await import('../../../db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
    const response = await attempt(app, { email: user.email, password: user.password }, randomIp())
    expect(response.statusCode).toBe(401)
  })
})

describe('known and unknown e-mails at the sign-in form (finding 4.10)', () => {
  async function series(app: Awaited<ReturnType<typeof buildApp>>, email: string, rounds: number) {
    const answers: { status: number; key: string; minutes?: unknown }[] = []
    for (let i = 0; i < rounds; i += 1) {
      const response = await attempt(app, { email, password: `salah-ke-${i}-xxxxxx` }, randomIp())
      const error = response.json().error
      answers.push({ status: response.statusCode, key: error.key, minutes: error.params?.minutes })
    }
    return answers
  }

  it('lock an e-mail without an account on the same attempt, with the same answers, as a real account', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const rounds = ctx.config.login.maxAttempts + 2
    const known = await series(app, user.email, rounds)
    const unknown = await series(app, `tidak-ada-${randomInt(1e9)}@uji.go.id`, rounds)
    expect(unknown).toEqual(known)
    expect(known.map((a) => a.status)).toEqual([
      ...Array<number>(ctx.config.login.maxAttempts - 1).fill(401),
      423,
      423,
      423,
    ])
    expect(known.at(-1)!.key).toBe('auth.account_locked')
  })

  it('answer a disabled account like an e-mail without an account, lock included', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const { users } = await import('../../../db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
    const answers = await series(app, user.email, ctx.config.login.maxAttempts)
    expect(answers.at(-1)).toMatchObject({ status: 423, key: 'auth.account_locked' })
    // The right password of a disabled account is refused all the same.
    expect((await attempt(app, { email: user.email, password: user.password }, randomIp())).statusCode).toBe(
      423,
    )
  })

  it('release the lock of an unknown e-mail when the lock time has passed', async () => {
    const clock = movableClock()
    const { ctx, app } = await setup(clock)
    const email = `tidak-ada-${randomInt(1e9)}@uji.go.id`
    await series(app, email, ctx.config.login.maxAttempts)
    clock.advance(ctx.config.login.lockMinutes * 60_000 + 1000)
    const after = await attempt(app, { email, password: 'salah-lagi-xxxxxxx' }, randomIp())
    expect(after.statusCode).toBe(401)
  })
})

describe('failed second factors count per address on every door (finding 4.1)', () => {
  it('throttle an address that guesses codes across accounts, at sign-in and after it', async () => {
    const { ctx, app, owner, unit } = await setup()
    const ip = randomIp()
    const limit = Math.max(20, ctx.config.login.maxAttempts * 4)
    let failures = 0
    // Each account takes a few wrong codes (below its own lock) from the same address.
    while (failures < limit) {
      const secret = generateTotpSecret()
      const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }], {
        totpSecret: secret,
      })
      for (let i = 0; i < ctx.config.login.maxAttempts - 2 && failures < limit; i += 1, failures += 1) {
        const wrong = await attempt(
          app,
          { email: user.email, password: user.password, totp: String(100000 + failures) },
          ip,
        )
        expect(wrong.statusCode).toBe(401)
      }
    }
    const secret = generateTotpSecret()
    const fresh = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }], {
      totpSecret: secret,
    })
    const throttled = await attempt(
      app,
      { email: fresh.email, password: fresh.password, totp: totpCodeAt(secret, new Date()) },
      ip,
    )
    expect(throttled.statusCode).toBe(429)
    expect(throttled.json().error.key).toBe('auth.address_throttled')

    // A session opened elsewhere cannot guess a code from the throttled address either.
    const session = await loginAs(app, { ...fresh, totpSecret: secret }, { ip: randomIp() })
    const fromThrottled = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/recovery-codes',
      headers: session.headers,
      payload: { code: '000000' },
      remoteAddress: ip,
    })
    expect(fromThrottled.statusCode).toBe(429)
  })
})

describe('two-factor authentication', () => {
  it('limit an admin without 2FA to enrolment until a code confirms it, then open the admin routes', async () => {
    const { ctx, app, owner } = await setup()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }])
    const session = await loginAs(app, admin)
    expect(session.me.mustEnrolTwoFactor).toBe(true)
    expect(session.me.allowedActions).toEqual([])

    const blocked = await app.inject({ method: 'GET', url: '/api/users', headers: session.headers })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('two_factor_required')
    expect(
      (await app.inject({ method: 'GET', url: '/api/me/sessions', headers: session.headers })).statusCode,
    ).toBe(403)

    const enrol = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/enrol',
      headers: session.headers,
    })
    expect(enrol.statusCode).toBe(200)
    const { secret, otpauthUri, qrDataUrl } = enrol.json()
    expect(otpauthUri).toContain(`secret=${secret}`)
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/)

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/confirm',
      headers: session.headers,
      payload: { code: '000000' },
    })
    expect(wrong.statusCode).toBe(400)
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/confirm',
      headers: session.headers,
      payload: { code: totpCodeAt(secret, new Date()) },
    })
    expect(confirm.statusCode).toBe(200)
    const codes: string[] = confirm.json().recoveryCodes
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)

    const open = await app.inject({ method: 'GET', url: '/api/users', headers: session.headers })
    expect(open.statusCode).toBe(200)

    // The secret in the database is sealed, never the base32 the user scanned.
    const { users } = await import('../../../db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    const [row] = await ctx.db.select().from(users).where(eq(users.id, admin.id))
    expect(row!.totpSecret).not.toContain(secret)

    // Next login needs the code.
    const noCode = await attempt(app, { email: admin.email, password: admin.password }, randomIp())
    expect(noCode.statusCode).toBe(401)
    expect(noCode.json().error.code).toBe('two_factor_required')
    expect(noCode.cookies).toHaveLength(0)
    const withCode = await loginAs(app, { ...admin, totpSecret: secret })
    expect(withCode.me.mustEnrolTwoFactor).toBe(false)
    expect(withCode.me.allowedActions).toContain('user.manage')

    // Disabling is refused for an admin.
    const disable = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/disable',
      headers: withCode.headers,
      payload: { password: admin.password, totp: nextTotpCode(secret) },
    })
    expect(disable.statusCode).toBe(403)
  })

  it('accept a recovery code once only, and let a user without a mandatory role turn 2FA off', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(app, user)
    const { secret } = (
      await app.inject({ method: 'POST', url: '/api/me/two-factor/enrol', headers: session.headers })
    ).json()
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/confirm',
      headers: session.headers,
      payload: { code: totpCodeAt(secret, new Date()) },
    })
    const [first, second] = confirmed.json().recoveryCodes as string[]

    const ok = await attempt(
      app,
      { email: user.email, password: user.password, recoveryCode: first!.toUpperCase() },
      randomIp(),
    )
    expect(ok.statusCode).toBe(200)
    const again = await attempt(
      app,
      { email: user.email, password: user.password, recoveryCode: first },
      randomIp(),
    )
    expect(again.statusCode).toBe(401)
    expect(
      (await attempt(app, { email: user.email, password: user.password, recoveryCode: second }, randomIp()))
        .statusCode,
    ).toBe(200)

    const status = await app.inject({ method: 'GET', url: '/api/me/two-factor', headers: session.headers })
    expect(status.json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 8 })

    // A non-mandatory user may turn 2FA off with password and code.
    const off = await app.inject({
      method: 'POST',
      url: '/api/me/two-factor/disable',
      headers: session.headers,
      payload: { password: user.password, totp: nextTotpCode(secret) },
    })
    expect(off.statusCode).toBe(200)
    expect((await attempt(app, { email: user.email, password: user.password }, randomIp())).statusCode).toBe(
      200,
    )
  })

  it('log in an enrolled penanggung_jawab only with a valid TOTP code, and never twice with the same code', async () => {
    const { ctx, app, owner, unit } = await setup()
    const secret = generateTotpSecret()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })
    const wrong = await attempt(
      app,
      { email: user.email, password: user.password, totp: '123456' },
      randomIp(),
    )
    expect(wrong.statusCode).toBe(401)
    const code = totpCodeAt(secret, new Date())
    const ok = await attempt(app, { email: user.email, password: user.password, totp: code }, randomIp())
    expect(ok.statusCode).toBe(200)
    expect(ok.json().mustEnrolTwoFactor).toBe(false)
    expect(ok.json().allowedActions).toContain('post.approve')
    // RFC 6238 §5.2: the same code is not accepted a second time, even from another address.
    const replay = await attempt(app, { email: user.email, password: user.password, totp: code }, randomIp())
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.message).toMatch(/sudah dipakai/)
  })
})
