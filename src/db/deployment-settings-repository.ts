import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from './client.ts'
import { deploymentSettings } from './schema/index.ts'

/**
 * The deployment's signing secret: WARTA_SECRET when configured, otherwise one generated on first start and kept
 * in the database, so every process on the same database agrees without extra setup.
 */
export async function loadOrCreateSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await db
    .insert(deploymentSettings)
    .values({ key: 'secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing()
  const [row] = await db.select().from(deploymentSettings).where(eq(deploymentSettings.key, 'secret'))
  return row!.value as string
}

/**
 * A deployment-wide text value made once and kept in the database (the audit checkpoint signing key): the first
 * process to need it stores it, every other process reads that one. It travels in backups with the rest.
 */
export async function loadOrCreateDeploymentValue(
  db: Db,
  key: string,
  create: () => string,
): Promise<string> {
  const [existing] = await db.select().from(deploymentSettings).where(eq(deploymentSettings.key, key))
  if (existing) return existing.value as string
  await db.insert(deploymentSettings).values({ key, value: create() }).onConflictDoNothing()
  const [row] = await db.select().from(deploymentSettings).where(eq(deploymentSettings.key, key))
  return row!.value as string
}

/** A deployment-wide text value, or null when it was never made. */
export async function readDeploymentValue(db: Db, key: string): Promise<string | null> {
  const [row] = await db.select().from(deploymentSettings).where(eq(deploymentSettings.key, key))
  return row ? (row.value as string) : null
}
