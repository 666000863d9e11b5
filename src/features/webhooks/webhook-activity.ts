// What the admin sees of the platforms' webhooks (the /webhooks page, GET /api/webhook-rejections): per platform
// with a webhook in Warta, whether the deployment has its secret, the deliveries received and processed in the last
// 24 hours and 7 days (and those still waiting), and the refusals by reason with the last one's time. Deliveries
// and refusals belong to the deployment, not to an instansi, so every instansi's admin sees the same figures.
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import {
  connectablePlatforms,
  webhookVerifierOf,
  type DefinitionOverrides,
} from '../../connectors/registry.ts'
import type { Db } from '../../db/client.ts'
import { countWebhookDeliveries } from '../../db/webhook-deliveries-repository.ts'
import { listWebhookRejections } from '../../db/webhook-rejections-repository.ts'

const DAY_MS = 24 * 3_600_000

export interface WebhookPlatformActivity {
  platform: string
  /** Whether WARTA_WEBHOOK_<PLATFORM>_SECRET is set (without it every delivery is refused as not_configured). */
  configured: boolean
  received24h: number
  processed24h: number
  received7d: number
  processed7d: number
  waiting7d: number
  lastReceivedAt: string | null
  /** Refusals since counting began, by reason. */
  rejections: Array<{ reason: string; count: number; lastAt: string }>
  rejected: number
  lastRejectedAt: string | null
}

export async function webhookActivity(deps: {
  db: Db
  clock: Clock
  config: Pick<Config, 'webhookSecrets'>
  connectors?: DefinitionOverrides | undefined
}): Promise<WebhookPlatformActivity[]> {
  const now = deps.clock.now().getTime()
  const [counts, refusals] = await Promise.all([
    countWebhookDeliveries(deps.db, {
      since24h: new Date(now - DAY_MS),
      since7d: new Date(now - 7 * DAY_MS),
    }),
    listWebhookRejections(deps.db),
  ])
  const withWebhook = connectablePlatforms(deps.connectors).filter((platform) =>
    webhookVerifierOf(platform, deps.connectors),
  )
  const platforms = [
    ...new Set([
      ...withWebhook,
      ...counts.map((row) => row.platform),
      ...refusals.map((row) => row.platform),
    ]),
  ].sort()
  return platforms.map((platform) => {
    const count = counts.find((row) => row.platform === platform)
    const rejections = refusals
      .filter((row) => row.platform === platform)
      .map((row) => ({ reason: row.reason, count: row.count, lastAt: row.lastAt.toISOString() }))
    const lastRejectedAt = rejections.reduce<string | null>(
      (latest, row) => (latest === null || row.lastAt > latest ? row.lastAt : latest),
      null,
    )
    return {
      platform,
      configured: deps.config.webhookSecrets[platform] !== undefined,
      received24h: count?.received24h ?? 0,
      processed24h: count?.processed24h ?? 0,
      received7d: count?.received7d ?? 0,
      processed7d: count?.processed7d ?? 0,
      waiting7d: count?.waiting7d ?? 0,
      lastReceivedAt: count?.lastReceivedAt?.toISOString() ?? null,
      rejections,
      rejected: rejections.reduce((sum, row) => sum + row.count, 0),
      lastRejectedAt,
    }
  })
}
