// The Instagram webhook checks (platforms.md §4). Payload shaped as
// developers.facebook.com/docs/instagram-platform/webhooks/examples (object "instagram", field "comments").
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebhookRequest } from '../webhook.ts'
import { instagramWebhook } from './instagram-webhook.ts'

const secrets = { signingSecret: 'ig-app-secret', verifyToken: 'warta-verify' }
const now = new Date('2026-12-07T09:00:00Z')
const raw = Buffer.from(
  JSON.stringify({
    object: 'instagram',
    entry: [
      {
        id: '17841400000000001',
        time: 1_796_634_000,
        changes: [
          {
            field: 'comments',
            value: {
              from: { id: '17841499', username: 'warga.kota' },
              media: { id: '18000000002', media_product_type: 'FEED' },
              id: '18000000010',
              parent_id: '18000000009',
              text: 'Terima kasih infonya',
            },
          },
          { field: 'mentions', value: { media_id: '18000000003', comment_id: '18000000011' } },
        ],
      },
    ],
  }),
)

function sign(body: Uint8Array, secret = secrets.signingSecret): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex')
}
function post(body: Uint8Array, signature: string | undefined): WebhookRequest {
  return { method: 'POST', query: {}, headers: { 'x-hub-signature-256': signature }, rawBody: body }
}

describe('the Instagram webhook', () => {
  it('answers the handshake only for the right verify token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'warta-verify' }
    const get = (q: Record<string, string>): WebhookRequest => ({
      method: 'GET',
      query: q,
      headers: {},
      rawBody: new Uint8Array(),
    })
    expect(instagramWebhook.verify(get(query), secrets, now)).toMatchObject({
      kind: 'handshake',
      body: 'abc',
    })
    expect(instagramWebhook.verify(get({ ...query, 'hub.verify_token': 'x' }), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_verify_token',
    })
    expect(instagramWebhook.verify(get({ 'hub.verify_token': 'warta-verify' }), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
  })

  it('accepts a signed comment delivery as a reply on the media, with the entry time', () => {
    const verdict = instagramWebhook.verify(post(raw, sign(raw)), secrets, now)
    expect(verdict).toMatchObject({
      kind: 'accepted',
      sentAt: new Date(1_796_634_000_000),
      events: [
        {
          kind: 'interaction',
          accountExternalId: '17841400000000001',
          interaction: {
            externalId: '18000000010',
            kind: 'reply',
            author: { externalId: '17841499', handle: 'warga.kota', displayName: null },
            text: 'Terima kasih infonya',
            createdAt: new Date(1_796_634_000_000),
            parentExternalId: '18000000009',
            rootExternalId: '18000000002',
          },
        },
        { kind: 'ignored', accountExternalId: '17841400000000001', type: 'mentions' },
      ],
    })
  })

  it('rejects a changed byte, a wrong secret, a missing header and the sha1 prefix', () => {
    const changed = Buffer.from(raw)
    changed[10] = changed[10]! ^ 1
    expect(instagramWebhook.verify(post(changed, sign(raw)), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    expect(instagramWebhook.verify(post(raw, sign(raw, 'wrong')), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    expect(instagramWebhook.verify(post(raw, undefined), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'missing_signature',
    })
    const sha1 = 'sha1=' + createHmac('sha1', secrets.signingSecret).update(raw).digest('hex')
    expect(instagramWebhook.verify(post(raw, sha1), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
  })

  it('gives the same delivery the same id (the app drops a replay) and a Page delivery is malformed here', () => {
    const a = instagramWebhook.verify(post(raw, sign(raw)), secrets, now)
    const b = instagramWebhook.verify(post(raw, sign(raw)), secrets, now)
    expect(a.kind === 'accepted' && b.kind === 'accepted' && a.deliveryId === b.deliveryId).toBe(true)
    const page = Buffer.from(JSON.stringify({ object: 'page', entry: [] }))
    expect(instagramWebhook.verify(post(page, sign(page)), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
  })
})
