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
