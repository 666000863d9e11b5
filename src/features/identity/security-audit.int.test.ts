// Security events reach the audit log of the user's instansi: failed passwords and codes (also replays), the
// lockout they cause, recovery-code use and password resets. Unknown e-mails stay in login_attempts only.
import { randomInt } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getTestContext } from '../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../tests/support/fixtures.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import { replaceRecoveryCodes } from '../../db/recovery-codes-repository.ts'
import { loginAttempts } from '../../db/schema/index.ts'
import { resetUserPassword } from '../users/manage-users.ts'
import { isAppError } from '../app-error.ts'
import { changeOwnPassword } from './change-password.ts'
import { loadActor } from './load-actor.ts'
import { login } from './login.ts'
import { generateRecoveryCode, hashRecoveryCode } from './secret-token.ts'
import { generateTotpSecret, totpCodeAt } from './totp.ts'

function meta() {
  return { ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`, userAgent: 'uji' }
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

async function setup(options: { totpSecret?: string } = {}) {
  const ctx = await getTestContext()
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }], options)
  const entries = async (action: string) => searchAudit(ctx.db, { instansiId: owner.id, action })
  return { ctx, owner, unit, user, entries }
}

describe('security events in the audit log', () => {
  it('records a wrong password for a known account against that user, and an unknown e-mail nowhere but login_attempts', async () => {
    const { ctx, user, entries } = await setup()
    expect(await refusal(login(ctx, { email: user.email, password: 'bukan-kata-sandinya' }, meta()))).toBe(
      'unauthenticated',
    )
    const [failed, ...rest] = await entries('auth.password_failed')
    expect(rest).toEqual([])
    expect(failed).toMatchObject({
      objectType: 'user',
      objectId: user.id,
      actorUserId: null,
      actorLabel: 'anonymous',
      after: { during: 'login' },
    })

    const unknown = `tidak-dikenal-${uniqueSuffix()}@uji.go.id`
    expect(await refusal(login(ctx, { email: unknown, password: 'apa-saja-panjang' }, meta()))).toBe(
      'unauthenticated',
    )
    const attempts = await ctx.db.select().from(loginAttempts).where(eq(loginAttempts.email, unknown))
    expect(attempts).toMatchObject([{ succeeded: false }])
  })

  it('records a wrong password when a signed-in user changes theirs, with that user as the actor', async () => {
    const { ctx, user, entries } = await setup()
    const { actor } = await loadActor(ctx.db, user, 'session')
    await refusal(
      changeOwnPassword(
        ctx,
        actor,
        null,
        { currentPassword: 'salah-sekali-ini', newPassword: 'baru-dan-panjang-sekali' },
        meta(),
      ),
    )
    expect(await entries('auth.password_failed')).toMatchObject([
      { objectId: user.id, actorUserId: user.id, after: { during: 'password_change' } },
    ])
  })

  it('records a wrong and a replayed two-factor code, telling them apart', async () => {
    const secret = generateTotpSecret()
    const { ctx, user, entries } = await setup({ totpSecret: secret })
    const now = Date.now()
    const code = totpCodeAt(secret, new Date(now))
    await login(ctx, { email: user.email, password: user.password, totp: code }, meta())
    // The same code again is a replay.
    await refusal(login(ctx, { email: user.email, password: user.password, totp: code }, meta()))
    // A code of a step far away is simply wrong.
    const wrong = totpCodeAt(secret, new Date(now - 3_600_000))
    await refusal(login(ctx, { email: user.email, password: user.password, totp: wrong }, meta()))

    const failures = (await entries('auth.two_factor_failed')).reverse()
    expect(failures).toMatchObject([
      {
        objectId: user.id,
        actorLabel: 'anonymous',
        after: { during: 'login', method: 'totp', replayed: true },
      },
      { objectId: user.id, after: { during: 'login', method: 'totp', replayed: false } },
    ])
  })

  it('records the lockout the failures cause', async () => {
    const { ctx, user, entries } = await setup()
    const max = ctx.config.login.maxAttempts
    const codes: string[] = []
    for (let i = 0; i < max; i += 1)
      codes.push(await refusal(login(ctx, { email: user.email, password: `salah-ke-${i}-xxxx` }, meta())))
    expect(codes.at(-1)).toBe('locked')
    expect(await entries('auth.password_failed')).toHaveLength(max)
    expect(await entries('user.locked')).toMatchObject([
      { objectType: 'user', objectId: user.id, after: { reason: 'password' } },
    ])
  })

  it('records the use of a recovery code', async () => {
    const { ctx, user, entries } = await setup({ totpSecret: generateTotpSecret() })
    const recoveryCode = generateRecoveryCode()
    await replaceRecoveryCodes(ctx.db, user.instansiId, user.id, [hashRecoveryCode(recoveryCode)])
    await login(ctx, { email: user.email, password: user.password, recoveryCode }, meta())
    expect(await entries('auth.recovery_code_used')).toMatchObject([
      { objectType: 'user', objectId: user.id, actorUserId: user.id, after: { during: 'login' } },
    ])
  })

  it('records a password reset by an admin against the user', async () => {
    const { ctx, owner, user, entries } = await setup()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }])
    const { actor } = await loadActor(ctx.db, admin, 'session')
    await resetUserPassword(ctx, actor, user.id, meta())
    expect(await entries('user.password_reset')).toMatchObject([
      { objectType: 'user', objectId: user.id, actorUserId: admin.id, after: { mustChangePassword: true } },
    ])
  })
})
