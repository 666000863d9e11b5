// TikTok's webhook deliveries: `TikTok-Signature: t=<unix seconds>,s=<hex>` where s = HMAC-SHA256(client secret,
// `${t}.${raw body}`). A `t` further than the tolerance from now is rejected as stale (a replay); the app also
// de-duplicates the delivery id (TikTok delivers at least once, retrying for up to 72 h). Events are about the app's
// own posts and grants (video.publish.completed, video.upload.failed, authorization.removed, …): none is an
// interaction, so every accepted event is `ignored` with its type, for the count.
// Source: developers.tiktok.com "Webhooks overview" and "Verifying webhooks" (signature scheme, body fields
// client_key, event, create_time, user_openid, content).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { WebhookEvent, WebhookVerdict, WebhookVerifier } from '../webhook.ts'

/** How far `t` may be from now (either way) before a delivery is stale. */
export const TIKTOK_SIGNATURE_TOLERANCE_S = 5 * 60

function parseSignature(header: string): { t: string; s: string } | null {
  const parts = new Map<string, string>()
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=')
    if (at > 0) parts.set(piece.slice(0, at).trim(), piece.slice(at + 1).trim())
  }
  const t = parts.get('t')
  const s = parts.get('s')
  if (!t || !s || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(s)) return null
  return { t, s: s.toLowerCase() }
}

export const tiktokWebhook: WebhookVerifier = {
  platform: 'tiktok',
  verify(request, secrets, now): WebhookVerdict {
    if (request.method !== 'POST') return { kind: 'rejected', reason: 'malformed' }
    const header = request.headers['tiktok-signature']
    if (!header) return { kind: 'rejected', reason: 'missing_signature' }
    const signature = parseSignature(header)
    if (!signature) return { kind: 'rejected', reason: 'bad_signature' }

    const signed = Buffer.concat([Buffer.from(`${signature.t}.`), Buffer.from(request.rawBody)])
    const expected = Buffer.from(createHmac('sha256', secrets.signingSecret).update(signed).digest('hex'))
    const given = Buffer.from(signature.s)
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { kind: 'rejected', reason: 'bad_signature' }

    const sentAt = new Date(Number(signature.t) * 1000)
    if (Math.abs(now.getTime() - sentAt.getTime()) > TIKTOK_SIGNATURE_TOLERANCE_S * 1000)
      return { kind: 'rejected', reason: 'stale' }

    let body: { event?: unknown; user_openid?: unknown }
    try {
      body = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as typeof body
    } catch {
      return { kind: 'rejected', reason: 'malformed' }
    }
    if (typeof body !== 'object' || body === null || typeof body.event !== 'string')
      return { kind: 'rejected', reason: 'malformed' }
    const event: WebhookEvent = {
      kind: 'ignored',
      accountExternalId: typeof body.user_openid === 'string' ? body.user_openid : null,
      type: body.event,
    }
    return {
      kind: 'accepted',
      // TikTok gives no delivery id: the hash of the raw body identifies a redelivery.
      deliveryId: createHash('sha256').update(request.rawBody).digest('hex'),
      sentAt,
      events: [event],
    }
  },
}
