import { describe, expect, it } from 'vitest'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { getAccountConnection } from '../../db/account-connections-repository.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import { createAccount } from '../../features/accounts/manage-accounts.ts'
import type { Actor } from '../../features/access/policy.ts'
import { runForAccount } from '../../features/connections/account-connector.ts'
import { currentKeyId, openCredentials } from '../../features/connections/credential-cipher.ts'
import { connectAccount } from '../../features/connections/manage-connections.ts'
import { updateUser, findUserById } from '../../db/users-repository.ts'
import { checkSecondFactor } from '../../features/identity/second-factor.ts'
import {
  generateTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpCodeAt,
} from '../../features/identity/totp.ts'
import { runKeysCommand } from './keys.ts'

const OLD_SECRET = 'lama-'.repeat(8)
const NEW_SECRET = 'baru-'.repeat(8)

function capture() {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), locale: 'en' as const },
    out,
    err,
  }
}

/** A sandbox account connected while the deployment secret was OLD_SECRET. */
async function connectedUnderOldSecret() {
  const ctx = await getTestContext()
  const owner = await createTestInstansi(ctx.db)
  const user = await createTestUser(ctx.db, owner, [
    { unitId: owner.rootUnit.id, role: 'admin' },
    { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
  ])
  const actor: Actor = {
    userId: user.id,
    instansiId: owner.id,
    label: user.email,
    via: 'session',
    grants: [
      { unitId: owner.rootUnit.id, unitPath: owner.rootUnit.path, role: 'admin' },
      { unitId: owner.rootUnit.id, unitPath: owner.rootUnit.path, role: 'penanggung_jawab' },
    ],
  }
  const account = await createAccount(
    ctx,
    actor,
    {
      unitId: owner.rootUnit.id,
      platform: 'sandbox',
      handle: `humas.${uniqueSuffix()}`,
      penanggungJawabUserId: user.id,
    },
    {},
  )
  const oldDeps = { ...ctx, secret: OLD_SECRET, previousSecrets: [] }
  await connectAccount(oldDeps, actor, account.id, {}, {})
  return { ctx, owner, account }
}

describe('warta keys rotate', () => {
  it('re-encrypts credentials under the new secret with the previous one given, and the account keeps working', async () => {
    const { ctx, owner, account } = await connectedUnderOldSecret()
    const { io, out, err } = capture()
    const rotated = { db: ctx.db, secret: NEW_SECRET, previousSecrets: [OLD_SECRET] }
    expect(await runKeysCommand(rotated, ['rotate', '--instansi', owner.slug], io)).toBe(0)
    expect(err).toEqual([])
    expect(out.join('')).toContain('1 re-encrypted')

    const row = await getAccountConnection(ctx.db, owner.id, account.id)
    const newOnly = { current: NEW_SECRET, previous: [] }
    expect(row!.credentialsKeyId).toBe(currentKeyId(newOnly))
    expect(openCredentials(newOnly, account.id, row!.credentials!).token).toMatch(/^sbx_/)
    const who = await runForAccount(
      { ...ctx, secret: NEW_SECRET, previousSecrets: [] },
      owner.id,
      account.id,
      (c) => c.verify(),
    )
    expect(who.handle).toBe(account.handle.toLowerCase())

    const [entry] = await searchAudit(ctx.db, { instansiId: owner.id, action: 'keys.rotate' })
    expect(entry).toMatchObject({ actorLabel: 'cli', after: { reEncrypted: 1 } })

    const again = capture()
    expect(await runKeysCommand(rotated, ['rotate', '--instansi', owner.slug], again.io)).toBe(0)
    expect(again.out.join('')).toContain('0 re-encrypted, 1 already under this key')
  })

  it('leaves credentials it cannot open as they are, names them, and exits 1', async () => {
    const { ctx, owner, account } = await connectedUnderOldSecret()
    const before = await getAccountConnection(ctx.db, owner.id, account.id)
    const { io, err } = capture()
    const withoutPrevious = { db: ctx.db, secret: NEW_SECRET, previousSecrets: [] }
    expect(await runKeysCommand(withoutPrevious, ['rotate', '--instansi', owner.slug], io)).toBe(1)
    expect(err.join('')).toContain(account.id)
    expect((await getAccountConnection(ctx.db, owner.id, account.id))!.credentials).toBe(before!.credentials)
  })

  it('keeps 2FA working through a secret change and re-seals authenticator secrets under the new secret', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
    const plain = generateTotpSecret()
    const enrolledAt = new Date('2026-12-01T02:00:00Z')
    await updateUser(
      ctx.db,
      owner.id,
      user.id,
      { totpSecret: sealTotpSecret(plain, OLD_SECRET), totpEnabledAt: enrolledAt },
      enrolledAt,
    )
    const sealedOld = (await findUserById(ctx.db, owner.id, user.id))!
    // After WARTA_SECRET changed, the previous secret still opens it: the user signs in as before.
    const at = new Date('2026-12-07T03:00:00Z')
    const during = await checkSecondFactor(
      ctx.db,
      [NEW_SECRET, OLD_SECRET],
      sealedOld,
      { totp: totpCodeAt(plain, at) },
      at,
    )
    expect(during.ok).toBe(true)
    // Without it, the code is refused rather than the sign-in crashing.
    const later = new Date(at.getTime() + 60_000)
    const lost = await checkSecondFactor(
      ctx.db,
      [NEW_SECRET],
      sealedOld,
      { totp: totpCodeAt(plain, later) },
      later,
    )
    expect(lost.ok).toBe(false)

    const { io, out, err } = capture()
    const rotated = { db: ctx.db, secret: NEW_SECRET, previousSecrets: [OLD_SECRET] }
    expect(await runKeysCommand(rotated, ['rotate', '--instansi', owner.slug], io)).toBe(0)
    expect(err).toEqual([])
    expect(out.join('')).toContain('2FA secrets: 1 users, 1 re-encrypted')
    const resealed = (await findUserById(ctx.db, owner.id, user.id))!
    expect(openTotpSecret(resealed.totpSecret!, NEW_SECRET)).toBe(plain)
    const after = new Date(at.getTime() + 120_000)
    const check = await checkSecondFactor(
      ctx.db,
      [NEW_SECRET],
      resealed,
      { totp: totpCodeAt(plain, after) },
      after,
    )
    expect(check.ok).toBe(true)
    const entries = await searchAudit(ctx.db, { instansiId: owner.id, action: 'keys.rotate' })
    expect(entries.map((entry) => entry.after)).toContainEqual({ totpReEncrypted: 1 })
  })

  it('names a 2FA secret no known secret opens, leaves it, and exits 1', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
    const sealed = sealTotpSecret(generateTotpSecret(), OLD_SECRET)
    await updateUser(ctx.db, owner.id, user.id, { totpSecret: sealed, totpEnabledAt: new Date() }, new Date())
    const { io, err } = capture()
    const withoutPrevious = { db: ctx.db, secret: NEW_SECRET, previousSecrets: [] }
    expect(await runKeysCommand(withoutPrevious, ['rotate', '--instansi', owner.slug], io)).toBe(1)
    expect(err.join('')).toContain(user.id)
    expect((await findUserById(ctx.db, owner.id, user.id))!.totpSecret).toBe(sealed)
  })

  it('answers a usage error with exit 2', async () => {
    const ctx = await getTestContext()
    const { io, err } = capture()
    expect(await runKeysCommand(ctx, ['spin'], io)).toBe(2)
    expect(err.join('')).toContain('Usage: warta keys rotate')
  })
})
