// Deliveries the platforms push (issue #8): /api/webhooks/<platform> hands the raw request here. The platform's
// verifier (connectors/webhook.ts) checks it with the deployment's secrets (WARTA_WEBHOOK_<PLATFORM>_SECRET /
// _VERIFY_TOKEN); a handshake is answered as the platform asks; an accepted delivery is de-duplicated by its id
// (webhook_deliveries) inside a replay window, stored and handed to the job process-webhook-delivery — nothing
// else happens in the request, so the platform gets its answer fast. Rejections are counted per platform and
// reason (webhook_rejections); the route logs them.
import { randomUUID } from 'node:crypto'
import type { Config } from '../../config.ts'
import { webhookVerifierOf, type DefinitionOverrides } from '../../connectors/registry.ts'
import type { WebhookRequest } from '../../connectors/webhook.ts'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { insertWebhookDelivery } from '../../db/webhook-deliveries-repository.ts'
import { countWebhookRejection, listWebhookRejections } from '../../db/webhook-rejections-repository.ts'
import { enqueue } from '../jobs/enqueue.ts'

/** A delivery the platform says it sent longer ago than this is refused as stale (a replay). */
export const WEBHOOK_REPLAY_WINDOW_MS = 5 * 60_000

export interface WebhookDeps {
  db: Db
  clock: Clock
  config: Pick<Config, 'webhookSecrets'>
  connectors?: DefinitionOverrides
}

/** Why the app refused a delivery: the verifier's reasons, and the app's own. */
export type WebhookRefusal =
  'missing_signature' | 'bad_signature' | 'stale' | 'bad_verify_token' | 'malformed' | 'not_configured'

export type WebhookAnswer =
  | { kind: 'handshake'; status: number; contentType: string; body: string }
  | { kind: 'accepted'; deliveryId: string; events: number }
  | { kind: 'rejected'; reason: WebhookRefusal }
  /** No webhook for this platform in Warta. */
  | { kind: 'unknown_platform' }

async function refuse(
  deps: WebhookDeps,
  platform: string,
  reason: WebhookRefusal,
  now: Date,
): Promise<WebhookAnswer> {
  await countWebhookRejection(deps.db, platform, reason, now)
  return { kind: 'rejected', reason }
}

export async function receiveWebhook(
  deps: WebhookDeps,
  platform: string,
  request: WebhookRequest,
): Promise<WebhookAnswer> {
  const verifier = webhookVerifierOf(platform, deps.connectors)
  if (!verifier) return { kind: 'unknown_platform' }
  const now = deps.clock.now()
  const secrets = deps.config.webhookSecrets[platform]
  if (!secrets) return refuse(deps, platform, 'not_configured', now)
  const verdict = verifier.verify(
    request,
    {
      signingSecret: secrets.signingSecret,
      ...(secrets.verifyToken ? { verifyToken: secrets.verifyToken } : {}),
    },
    now,
  )
  if (verdict.kind === 'handshake') return verdict
  if (verdict.kind === 'rejected') return refuse(deps, platform, verdict.reason, now)
  if (verdict.sentAt && now.getTime() - verdict.sentAt.getTime() > WEBHOOK_REPLAY_WINDOW_MS)
    return refuse(deps, platform, 'stale', now)
  const id = randomUUID()
  const fresh = await deps.db.transaction(async (tx) => {
    const inserted = await insertWebhookDelivery(tx, {
      id,
      platform,
      deliveryId: verdict.deliveryId.slice(0, 500),
      sentAt: verdict.sentAt,
      receivedAt: now,
      events: verdict.events,
    })
    if (inserted) await enqueue(tx, 'process-webhook-delivery', { id })
    return inserted
  })
  // Seen before: a replay (or the platform retrying a delivery we already took) — stored once only.
  if (!fresh) return refuse(deps, platform, 'stale', now)
  return { kind: 'accepted', deliveryId: verdict.deliveryId, events: verdict.events.length }
}

/** The refused deliveries per platform and reason, for the admin. */
export async function webhookRejections(
  deps: Pick<WebhookDeps, 'db'>,
): Promise<Array<{ platform: string; reason: string; count: number; lastAt: string }>> {
  const rows = await listWebhookRejections(deps.db)
  return rows.map((row) => ({ ...row, lastAt: row.lastAt.toISOString() }))
}
