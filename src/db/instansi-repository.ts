// The instansi table: the organisations one deployment hosts, each fully isolated from the others.
import { eq, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { instansi } from './schema/index.ts'

export interface InstansiRecord {
  id: string
  slug: string
  name: string
}

const instansiColumns = { id: instansi.id, slug: instansi.slug, name: instansi.name }

export async function getInstansi(db: Db, id: string): Promise<InstansiRecord | undefined> {
  const [row] = await db.select(instansiColumns).from(instansi).where(eq(instansi.id, id)).limit(1)
  return row
}

export async function findInstansiBySlug(db: Db, slug: string): Promise<InstansiRecord | undefined> {
  const [row] = await db.select(instansiColumns).from(instansi).where(eq(instansi.slug, slug)).limit(1)
  return row
}

/** Every instansi's short code, in order (the CLI lists them when it cannot choose one). */
export async function listInstansiSlugs(db: Db): Promise<string[]> {
  const rows = await db.select({ slug: instansi.slug }).from(instansi).orderBy(instansi.slug)
  return rows.map((row) => row.slug)
}

export async function anyInstansiExists(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: instansi.id }).from(instansi).limit(1)
  return row !== undefined
}

export async function insertInstansi(
  db: Db,
  values: { id: string; slug: string; name: string },
  now: Date,
): Promise<void> {
  await db.insert(instansi).values({ ...values, createdAt: now })
}

/** Serialises first-run setup and instansi creation (two browsers finishing the wizard at once). */
export async function lockInstansiCreation(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('warta:create-instansi'))`)
}
