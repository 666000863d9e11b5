// Inbox test data: a connected sandbox account in any unit, a post on the simulated network and citizens'
// comments on it, stored in the inbox through the same insertNewItems ingestion uses.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client.ts'
import { insertAccount } from '../../src/db/accounts-repository.ts'
import { saveConnected } from '../../src/db/account-connections-repository.ts'
import { insertNewItems, type InboxItemRow } from '../../src/db/inbox-repository.ts'
import { insertSandboxInteractions } from '../../src/db/sandbox-interactions-repository.ts'
import { insertSandboxPostOnce } from '../../src/db/sandbox-posts-repository.ts'
import { inboxItems } from '../../src/db/schema/index.ts'
import { sealCredentials } from '../../src/features/connections/credential-cipher.ts'
import { provisionSandboxAccount } from '../../src/features/sandbox/sandbox-network-store.ts'
import { eq } from 'drizzle-orm'
import { uniqueSuffix, type TestInstansi } from './fixtures.ts'

export interface InboxTestAccount {
  id: string
  handle: string
  sandboxAccountId: string
  unit: { id: string; path: string }
  postId: string
}

/** A registered, connected sandbox account in the unit, with one post on the simulated network. */
export async function createInboxAccount(
  db: Db,
  owner: TestInstansi,
  unit: { id: string; path: string },
  penanggungJawabUserId: string,
  keyring: { secret: string; previousSecrets: readonly string[] },
): Promise<InboxTestAccount> {
  const handle = `humas.${uniqueSuffix()}`
  const now = new Date()
  const id = await insertAccount(
    db,
    owner.id,
    {
      unitId: unit.id,
      platform: 'sandbox',
      handle,
      handleDisplay: null,
      displayName: `Humas ${handle}`,
      url: `https://sandbox.warta.local/@${handle}`,
      penanggungJawabUserId,
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
  const postId = randomUUID()
  await insertSandboxPostOnce(db, {
    id: postId,
    instansiId: owner.id,
    sandboxAccountId,
    idempotencyKey: postId,
    text: 'Jadwal vaksinasi minggu ini di puskesmas.',
    media: [],
    createdAt: now,
  })
  return { id, handle, sandboxAccountId, unit, postId }
}

export interface CitizenComment {
  text: string
  author?: string
  slaDueAt?: Date | null
  priority?: number
  createdAt?: Date
}

/** Citizens comment on the account's post (on the simulated network) and the comments reach the inbox. */
export async function seedInboxItems(
  db: Db,
  owner: TestInstansi,
  account: InboxTestAccount,
  comments: readonly CitizenComment[],
): Promise<InboxItemRow[]> {
  const now = new Date()
  const rows = comments.map((comment, index) => ({
    id: randomUUID(),
    comment,
    createdAt: comment.createdAt ?? new Date(now.getTime() - (comments.length - index) * 1000),
  }))
  await insertSandboxInteractions(
    db,
    rows.map((row) => ({
      id: row.id,
      instansiId: owner.id,
      sandboxAccountId: account.sandboxAccountId,
      postId: account.postId,
      parentId: null,
      kind: 'comment' as const,
      own: false,
      authorHandle: row.comment.author ?? 'warga.simulasi',
      authorName: row.comment.author ?? 'Warga (simulasi)',
      text: row.comment.text,
      createdAt: row.createdAt,
    })),
  )
  const stored = await insertNewItems(
    db,
    {
      instansiId: owner.id,
      accountId: account.id,
      platform: 'sandbox',
      unitId: account.unit.id,
      unitPath: account.unit.path,
    },
    rows.map((row) => ({
      externalId: row.id,
      kind: 'comment' as const,
      authorExternalId: row.comment.author ?? 'warga.simulasi',
      authorHandle: row.comment.author ?? 'warga.simulasi',
      authorName: row.comment.author ?? null,
      body: row.comment.text,
      createdAt: row.createdAt,
      url: null,
      parentExternalId: account.postId,
      rootExternalId: account.postId,
    })),
    now,
  )
  const result: InboxItemRow[] = []
  for (const row of rows) {
    const item = stored.find((candidate) => candidate.externalId === row.id)!
    const [updated] = await db
      .update(inboxItems)
      .set({ slaDueAt: row.comment.slaDueAt ?? null, priority: row.comment.priority ?? 0 })
      .where(eq(inboxItems.id, item.id))
      .returning()
    result.push(updated!)
  }
  return result
}
