// Inbox items to answer and route in the saved-reply, clarification and routing tests: an account registered
// on a unit (no connection needed) and items stored through the inbox repository, classified as a test says.
import { eq } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import { insertAccount } from '../../src/db/accounts-repository.ts'
import { insertNewItems, type InboxAccount, type InboxItemRow } from '../../src/db/inbox-repository.ts'
import { inboxItems } from '../../src/db/schema/index.ts'
import type { Platform } from '../../src/shared/platforms.ts'
import { uniqueSuffix, type TestInstansi, type TestUser } from './fixtures.ts'

export async function createInboxAccount(
  db: Db,
  owner: TestInstansi,
  unit: { id: string; path: string },
  penanggungJawab: TestUser,
  platform: Platform = 'bluesky',
): Promise<InboxAccount & { handle: string }> {
  const handle = `humas.${uniqueSuffix()}`
  const accountId = await insertAccount(
    db,
    owner.id,
    {
      unitId: unit.id,
      platform,
      handle,
      handleDisplay: null,
      displayName: `Humas ${handle}`,
      url: `https://example.com/@${handle}`,
      penanggungJawabUserId: penanggungJawab.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
  return { instansiId: owner.id, accountId, platform, unitId: unit.id, unitPath: unit.path, handle }
}

export interface TestItemOptions {
  body?: string
  authorName?: string | null
  authorHandle?: string
  classification?: Partial<
    Pick<InboxItemRow, 'intent' | 'sentiment' | 'hoaxClaimId' | 'hoaxScore' | 'priority' | 'abusive'>
  >
}

export async function createInboxItem(
  db: Db,
  account: InboxAccount,
  options: TestItemOptions = {},
): Promise<InboxItemRow> {
  const externalId = `ext-${uniqueSuffix()}`
  const now = new Date('2026-12-07T03:00:00Z')
  const [row] = await insertNewItems(
    db,
    account,
    [
      {
        externalId,
        kind: 'comment',
        authorExternalId: `warga-${externalId}`,
        authorHandle: options.authorHandle ?? 'warga.satu',
        authorName: options.authorName === undefined ? 'Warga Satu' : options.authorName,
        body: options.body ?? 'Kapan pendaftaran dibuka?',
        createdAt: now,
        url: null,
        parentExternalId: 'post-1',
        rootExternalId: 'post-1',
      },
    ],
    now,
  )
  const classification = { intent: 'pertanyaan', sentiment: 'netral', ...options.classification }
  const [classified] = await db
    .update(inboxItems)
    .set({ ...classification, classifiedAt: now })
    .where(eq(inboxItems.id, row!.id))
    .returning()
  return classified!
}
