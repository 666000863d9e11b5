// An account entering needs_reconnect tells its people once (issue #8): the penanggung jawab and the admins over
// its unit, in the app and by e-mail, with what waits. Driven through the real paths on a sandbox account whose
// token the sandbox network stops accepting (401 → auth_expired).
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import { getAccountConnection, saveConnected } from '../../db/account-connections-repository.ts'
import { jobOutbox, notifications } from '../../db/schema/index.ts'
import { revokeSandboxToken } from '../../db/sandbox-accounts-repository.ts'
import { ConnectorError } from '../../connectors/connector.ts'
import { publishVariant, type PublishDeps } from '../publishing/publish-variant.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import { recordConnectorError, runForAccount } from './account-connector.ts'

async function setup() {
  const context = await getTestContext()
  const clock = handClock()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const admin = await createTestUser(context.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }])
  const pengelola = await createTestUser(context.db, owner, [
    { unitId: owner.rootUnit.id, role: 'pengelola' },
  ])
  // An admin of another branch manages nothing of this account: not told.
  const branch = await createTestUnit(context.db, owner, owner.rootUnit, `CAB${uniqueSuffix()}`)
  const branchAdmin = await createTestUser(context.db, owner, [{ unitId: branch.id, role: 'admin' }])
  const account = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const deps: PublishDeps = {
    db: context.db,
    clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: createSandboxNetwork(
      { db: context.db, clock },
      { faults: 'off', wait: () => Promise.resolve() },
    ),
    mailEnabled: true,
    random: () => 0.5,
  }
  // One post due now (it meets the refusal) and two later ones that wait for the reconnect.
  const due = await createScheduledPost(context.db, owner, pj, [account.id], clock.now())
  const later = new Date(clock.now().getTime() + 86_400_000)
  await createScheduledPost(context.db, owner, pj, [account.id], later)
  await createScheduledPost(context.db, owner, pj, [account.id], later)
  const notices = () =>
    context.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.instansiId, owner.id), eq(notifications.kind, 'connections.reconnect_needed')),
      )
  return { ...context, clock, owner, pj, admin, pengelola, branchAdmin, account, deps, due, notices }
}

describe('telling people when an account needs reconnecting', () => {
  it('tells the penanggung jawab and the admins once when the account enters needs_reconnect, with what waits', async () => {
    const t = await setup()
    await revokeSandboxToken(t.db, t.owner.id, t.account.sandboxAccountId)
    expect(await publishVariant(t.deps, t.owner.id, t.due.variantIds[0]!)).toBe('failed')
    expect((await getAccountConnection(t.db, t.owner.id, t.account.id))!.state).toBe('needs_reconnect')

    const notices = await t.notices()
    expect(notices.map((n) => n.recipientId).sort()).toEqual([t.pj.id, t.admin.id].sort())
    for (const notice of notices)
      expect(notice).toMatchObject({
        titleKey: 'connections.notice.reconnect_title',
        bodyKey: 'connections.notice.reconnect_body_waiting',
        params: { handle: t.account.handle, platform: 'Sandbox (Mode Latihan)', scheduled: 2 },
        link: `/accounts?connection=${t.account.id}`,
        // By e-mail too (each user's choice, here the default: at once), sent once the change commits.
        emailStatus: 'pending',
      })
    const mails = await t.db.select().from(jobOutbox).where(eq(jobOutbox.name, 'send-notification-mail'))
    const mailed = new Set(mails.map((job) => (job.payload as { notificationId: string }).notificationId))
    for (const notice of notices) expect(mailed.has(notice.id)).toBe(true)
  })

  it('does not tell again while the account stays needs_reconnect (a verify, a refresh, two at once)', async () => {
    const t = await setup()
    await revokeSandboxToken(t.db, t.owner.id, t.account.sandboxAccountId)
    await publishVariant(t.deps, t.owner.id, t.due.variantIds[0]!)
    expect(await t.notices()).toHaveLength(2)

    await expect(
      runForAccount(t.deps, t.owner.id, t.account.id, (connector) => connector.verify()),
    ).rejects.toMatchObject({ kind: 'auth_expired' })
    const refused = new ConnectorError('auth_expired', 'token revoked')
    await Promise.all([
      recordConnectorError(t.deps, { instansiId: t.owner.id, id: t.account.id }, refused),
      recordConnectorError(t.deps, { instansiId: t.owner.id, id: t.account.id }, refused),
    ])
    expect(await t.notices()).toHaveLength(2)
    expect((await getAccountConnection(t.db, t.owner.id, t.account.id))!.lastErrorKind).toBe('auth_expired')
  })

  it('tells again after a reconnect when the platform refuses once more; two failing at once tell once', async () => {
    const t = await setup()
    const refused = new ConnectorError('auth_expired', 'token revoked')
    const account = { instansiId: t.owner.id, id: t.account.id }
    // Two workers meet the refusal at the same moment: one of them moves the account, and only it tells.
    await Promise.all([
      recordConnectorError(t.deps, account, refused),
      recordConnectorError(t.deps, account, refused),
    ])
    expect(await t.notices()).toHaveLength(2)

    // Reconnected (new credentials, state connected), then refused again: a new entry, told again.
    const before = (await getAccountConnection(t.db, t.owner.id, t.account.id))!
    await saveConnected(t.db, {
      accountId: t.account.id,
      instansiId: t.owner.id,
      platform: 'sandbox',
      credentials: before.credentials!,
      credentialsKeyId: before.credentialsKeyId!,
      platformAccountId: before.platformAccountId!,
      platformHandle: before.platformHandle!,
      now: t.clock.now(),
    })
    // Other errors do not count: the account stays connected and nobody is told.
    await recordConnectorError(t.deps, account, new ConnectorError('unavailable', '503'))
    expect((await getAccountConnection(t.db, t.owner.id, t.account.id))!.state).toBe('connected')
    expect(await t.notices()).toHaveLength(2)

    await recordConnectorError(t.deps, account, refused)
    const notices = await t.notices()
    expect(notices).toHaveLength(4)
    expect(notices.filter((n) => n.recipientId === t.pj.id)).toHaveLength(2)
    expect(notices.some((n) => n.recipientId === t.pengelola.id || n.recipientId === t.branchAdmin.id)).toBe(
      false,
    )
    // Here the due post has not failed yet: three posts wait.
    expect(notices.at(-1)!.params).toMatchObject({ scheduled: 3 })
  })
})
