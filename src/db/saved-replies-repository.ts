// The saved_replies table (jawaban baku) and the item context a reply is rendered for. Every query filters on
// instansi_id. An instansi holds tens to hundreds of saved replies, so lists load them all with their unit's path
// and the feature decides visibility (a unit's reply is offered in its subtree).
import { and, asc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { accounts, inboxItems, savedReplies, units, users } from './schema/index.ts'
import { rowsOf } from './sql-helpers.ts'

export type SavedReplyRow = typeof savedReplies.$inferSelect

export interface SavedReplyFields {
  unitId: string | null
  title: string
  body: string
  tags: string[]
  intents: string[]
}

export interface SavedReplyRecord extends SavedReplyRow {
  unitPath: string | null
  unitName: string | null
  unitCode: string | null
  createdByName: string | null
  updatedByName: string | null
}

const creator = alias(users, 'creator')
const updater = alias(users, 'updater')

function selectRecords(db: Db) {
  return db
    .select({
      row: savedReplies,
      unitPath: units.path,
      unitName: units.name,
      unitCode: units.code,
      createdByName: creator.name,
      updatedByName: updater.name,
    })
    .from(savedReplies)
    .leftJoin(units, eq(units.id, savedReplies.unitId))
    .leftJoin(creator, eq(creator.id, savedReplies.createdBy))
    .leftJoin(updater, eq(updater.id, savedReplies.updatedBy))
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectRecords>['where']>>[number]

const toRecord = ({ row, ...rest }: Selected): SavedReplyRecord => ({ ...row, ...rest })

/** The instansi's saved replies, by title. */
export async function listSavedReplies(db: Db, instansiId: string): Promise<SavedReplyRecord[]> {
  const rows = await selectRecords(db)
    .where(eq(savedReplies.instansiId, instansiId))
    .orderBy(asc(savedReplies.title), asc(savedReplies.id))
  return rows.map(toRecord)
}

export async function getSavedReply(
  db: Db,
  instansiId: string,
  id: string,
): Promise<SavedReplyRecord | undefined> {
  const [found] = await selectRecords(db).where(
    and(eq(savedReplies.instansiId, instansiId), eq(savedReplies.id, id)),
  )
  return found && toRecord(found)
}

/** The row locked for a change, so two edits of one reply are applied one after the other. */
export async function lockSavedReply(
  db: Db,
  instansiId: string,
  id: string,
): Promise<SavedReplyRow | undefined> {
  const [row] = await db
    .select()
    .from(savedReplies)
    .where(and(eq(savedReplies.instansiId, instansiId), eq(savedReplies.id, id)))
    .for('update')
  return row
}

export async function insertSavedReplies(
  db: Db,
  rows: ReadonlyArray<
    SavedReplyFields & { id: string; instansiId: string; userId: string | null; now: Date }
  >,
): Promise<void> {
  if (rows.length === 0) return
  await db.insert(savedReplies).values(
    rows.map(({ userId, now, ...fields }) => ({
      ...fields,
      createdBy: userId,
      updatedBy: userId,
      createdAt: now,
      updatedAt: now,
    })),
  )
}

export async function updateSavedReply(
  db: Db,
  instansiId: string,
  id: string,
  change: SavedReplyFields & { userId: string | null; now: Date },
): Promise<void> {
  const { userId, now, ...fields } = change
  await db
    .update(savedReplies)
    .set({ ...fields, updatedBy: userId, updatedAt: now })
    .where(and(eq(savedReplies.instansiId, instansiId), eq(savedReplies.id, id)))
}

export async function deleteSavedReply(db: Db, instansiId: string, id: string): Promise<void> {
  await db.delete(savedReplies).where(and(eq(savedReplies.instansiId, instansiId), eq(savedReplies.id, id)))
}

/** What a saved reply is rendered from: the inbox item, its unit (with the nearest contact up the tree), its account. */
export interface ReplyItemContext {
  id: string
  instansiId: string
  platform: string
  unitPath: string
  authorName: string | null
  authorHandle: string
  unitName: string
  /** The unit's own contact, else the nearest unit above it with one; '' when none has. */
  unitContact: string
  accountHandle: string
  accountHandleDisplay: string | null
  accountDisplayName: string | null
  intent: string | null
  hoaxClaimId: string | null
}

export async function getReplyItemContext(
  db: Db,
  instansiId: string,
  itemId: string,
): Promise<ReplyItemContext | undefined> {
  const [row] = await db
    .select({
      id: inboxItems.id,
      instansiId: inboxItems.instansiId,
      platform: inboxItems.platform,
      unitPath: inboxItems.unitPath,
      authorName: inboxItems.authorName,
      authorHandle: inboxItems.authorHandle,
      unitName: units.name,
      accountHandle: accounts.handle,
      accountHandleDisplay: accounts.handleDisplay,
      accountDisplayName: accounts.displayName,
      intent: inboxItems.intent,
      hoaxClaimId: inboxItems.hoaxClaimId,
    })
    .from(inboxItems)
    .innerJoin(units, eq(units.id, inboxItems.unitId))
    .innerJoin(accounts, eq(accounts.id, inboxItems.accountId))
    .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.id, itemId)))
  if (!row) return undefined
  // The unit's own contact or the nearest above it: the longest path that is a prefix of the item's unit path.
  const [contact] = rowsOf<{ contact: string }>(
    await db.execute(sql`
      select ${units.contact} as contact from ${units}
      where ${units.instansiId} = ${instansiId} and ${units.contact} <> ''
        and starts_with(${row.unitPath}, ${units.path})
      order by length(${units.path}) desc limit 1`),
  )
  return { ...row, unitContact: contact?.contact ?? '' }
}
