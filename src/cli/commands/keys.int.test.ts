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

  it('answers a usage error with exit 2', async () => {
    const ctx = await getTestContext()
    const { io, err } = capture()
    expect(await runKeysCommand(ctx, ['spin'], io)).toBe(2)
    expect(err.join('')).toContain('Usage: warta keys rotate')
  })
})
