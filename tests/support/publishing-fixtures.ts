// Posts in the state the approval flow leaves them in (post and variants `scheduled`, next_attempt_at set), on
// connected sandbox accounts, for the publishing engine's tests and bench.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client.ts'
import { insertAccount } from '../../src/db/accounts-repository.ts'
import { saveConnected } from '../../src/db/account-connections-repository.ts'
import { postVariants, posts } from '../../src/db/schema/index.ts'
import { sealCredentials } from '../../src/features/connections/credential-cipher.ts'
import { provisionSandboxAccount } from '../../src/features/sandbox/sandbox-network-store.ts'
import { createTestUser, uniqueSuffix, type TestInstansi, type TestUser } from './fixtures.ts'

export interface SandboxTestAccount {
  id: string
  handle: string
  sandboxAccountId: string
}

/** A registered, connected sandbox account in the instansi's root unit. */
export async function createConnectedSandboxAccount(
  db: Db,
  owner: TestInstansi,
  penanggungJawab: TestUser,
  keyring: { secret: string; previousSecrets: readonly string[] },
): Promise<SandboxTestAccount> {
  const handle = `humas.${uniqueSuffix()}`
  const now = new Date()
  const id = await insertAccount(
    db,
    owner.id,
    {
      unitId: owner.rootUnit.id,
      platform: 'sandbox',
      handle,
      handleDisplay: null,
      displayName: `Humas ${handle}`,
      url: `https://sandbox.warta.local/@${handle}`,
      penanggungJawabUserId: penanggungJawab.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    now,
  )
  const { token, sandboxAccountId } = await provisionSandboxAccount(db, owner.id, {
    handle,
    displayName: null,
  })
  const sealed = sealCredentials({ current: keyring.secret, previous: keyring.previousSecrets }, id, {
    token,
  })
  await saveConnected(db, {
    accountId: id,
    instansiId: owner.id,
    platform: 'sandbox',
    credentials: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    platformAccountId: sandboxAccountId,
    platformHandle: handle,
    now,
  })
  return { id, handle, sandboxAccountId }
}

export async function createPenanggungJawab(db: Db, owner: TestInstansi): Promise<TestUser> {
  return createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }])
}

/** An approved post, scheduled at `at`, with one scheduled variant per account. */
export async function createScheduledPost(
  db: Db,
  owner: TestInstansi,
  author: TestUser,
  accountIds: readonly string[],
  at: Date,
  text = 'Jadwal vaksinasi hari ini di puskesmas terdekat.',
): Promise<{ postId: string; variantIds: string[] }> {
  const postId = randomUUID()
  await db.insert(posts).values({
    id: postId,
    instansiId: owner.id,
    unitId: owner.rootUnit.id,
    authorId: author.id,
    title: 'Vaksinasi',
    kind: 'informasi',
    baseText: text,
    scheduledAt: at,
    status: 'scheduled',
  })
  const variantIds = accountIds.map(() => randomUUID())
  if (accountIds.length > 0)
    await db.insert(postVariants).values(
      accountIds.map((accountId, index) => ({
        id: variantIds[index]!,
        instansiId: owner.id,
        postId,
        accountId,
        text,
        status: 'scheduled',
        nextAttemptAt: at,
      })),
    )
  return { postId, variantIds }
}
