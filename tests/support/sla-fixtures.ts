// Inbox items for the SLA clocks' tests: an office with a sandbox account, and classified items in a unit.
import { eq } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import { insertNewItems, type InboxItemRow } from '../../src/db/inbox-repository.ts'
import { inboxItems } from '../../src/db/schema/index.ts'
import { createTestInstansi, uniqueSuffix, type TestInstansi } from './fixtures.ts'
import { createConnectedSandboxAccount, createPenanggungJawab } from './publishing-fixtures.ts'

export interface SlaOffice {
  owner: TestInstansi
  accountId: string
}

export async function createSlaOffice(
  db: Db,
  keyring: { secret: string; previousSecrets: readonly string[] },
): Promise<SlaOffice> {
  const owner = await createTestInstansi(db)
  const pj = await createPenanggungJawab(db, owner)
  const account = await createConnectedSandboxAccount(db, owner, pj, keyring)
  return { owner, accountId: account.id }
}

export interface ItemOptions {
  intent?: string | null
  priority?: number
  receivedAt?: Date
  unit?: { id: string; path: string }
  body?: string
  authorName?: string
}

/** A classified comment on the office's sandbox account (not yet with a reply-target deadline). */
export async function createClassifiedItem(
  db: Db,
  office: SlaOffice,
  options: ItemOptions = {},
): Promise<InboxItemRow> {
  const receivedAt = options.receivedAt ?? new Date('2026-11-24T02:00:00Z')
  const unit = options.unit ?? office.owner.rootUnit
  const externalId = `c-${uniqueSuffix()}`
  const [stored] = await insertNewItems(
    db,
    {
      instansiId: office.owner.id,
      accountId: office.accountId,
      platform: 'sandbox',
      unitId: unit.id,
      unitPath: unit.path,
    },
    [
      {
        externalId,
        kind: 'comment',
        authorExternalId: 'warga-1',
        authorHandle: 'warga.satu',
        authorName: options.authorName ?? 'Warga Satu',
        body: options.body ?? 'Jalan di depan kantor kelurahan rusak parah, kapan diperbaiki?',
        createdAt: receivedAt,
        url: `https://sandbox.warta.local/p/${externalId}`,
        parentExternalId: 'post-1',
        rootExternalId: 'post-1',
      },
    ],
    receivedAt,
  )
  const [row] = await db
    .update(inboxItems)
    .set({
      intent: options.intent === undefined ? 'keluhan' : options.intent,
      intentScore: 0.9,
      classifiedAt: receivedAt,
      priority: options.priority ?? 50,
    })
    .where(eq(inboxItems.id, stored!.id))
    .returning()
  return row!
}
