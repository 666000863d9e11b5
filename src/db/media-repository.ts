// The media table: files uploaded by an instansi's users, stored by key in the configured media storage.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from './client.ts'
import { media } from './schema/index.ts'

export type MediaRow = typeof media.$inferSelect
export type MediaInsert = Omit<typeof media.$inferInsert, 'createdAt'> & { createdAt: Date }

export async function insertMedia(db: Db, row: MediaInsert): Promise<void> {
  await db.insert(media).values(row)
}

export async function getMedia(db: Db, instansiId: string, id: string): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.instansiId, instansiId), eq(media.id, id)))
  return row
}

export async function getMediaByIds(db: Db, instansiId: string, ids: readonly string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(media)
    .where(and(eq(media.instansiId, instansiId), inArray(media.id, [...ids])))
}
