import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from './client.ts'
import { postMetrics, postVariants, type StoredMetrics } from './schema/index.ts'

export type PostMetricCheckpoint = '1h' | '24h' | '7d'

export interface PostMetricReading {
  variantId: string
  checkpoint: PostMetricCheckpoint
  dueAt: Date
  /** Null while the reading is still due. */
  metrics: StoredMetrics | null
  fetchedAt: Date | null
}

/** The planned readings of published variants, some already taken (the demo's history), once each. */
export async function insertPostMetricReadings(
  db: Db,
  instansiId: string,
  readings: readonly PostMetricReading[],
): Promise<void> {
  if (readings.length === 0) return
  await db
    .insert(postMetrics)
    .values(readings.map((reading) => ({ id: randomUUID(), instansiId, ...reading })))
    .onConflictDoNothing()
}

/** The latest reading kept on the variant, so lists read it without a join. */
export async function setVariantLatestMetrics(
  db: Db,
  instansiId: string,
  variantId: string,
  metrics: StoredMetrics,
  at: Date,
): Promise<void> {
  await db
    .update(postVariants)
    .set({ metrics, metricsAt: at })
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.id, variantId)))
}
