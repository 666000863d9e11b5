// The X Account Activity checks (x-webhook.ts): the CRC handshake and `x-twitter-webhooks-signature` over the raw
// bytes. The delivery below follows docs.x.com "Account Activity API: data objects" (for_user_id,
// tweet_create_events with a v1.1 tweet, tweet_delete_events) and the CRC example of "Securing webhooks".
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebhookRequest } from '../webhook.ts'
import { X_WEBHOOK, xCrcResponseToken } from './x-webhook.ts'

const SECRET = 'consumer-secret'
const NOW = new Date('2026-12-07T08:00:00Z')

const delivery = JSON.stringify({
  for_user_id: '2244994945',
  tweet_create_events: [
    {
      created_at: 'Mon Dec 07 07:59:58 +0000 2026',
      id_str: '1866000000000000001',
      text: '@humaskota Jalan di RT 05 rusak &amp; berlubang',
      display_text_range: [11, 47],
      in_reply_to_status_id_str: '1865999999999999999',
      in_reply_to_user_id_str: '2244994945',
      user: { id_str: '6253282', name: 'Warga Kota', screen_name: 'warga_kota' },
      timestamp_ms: '1796630398000',
    },
    {
      created_at: 'Mon Dec 07 07:59:59 +0000 2026',
      id_str: '1866000000000000002',
      text: 'Postingan kami sendiri',
      user: { id_str: '2244994945', name: 'Humas Kota', screen_name: 'humaskota' },
      timestamp_ms: '1796630399000',
    },
  ],
  tweet_delete_events: [
    { status: { id: '1865000000000000000', user_id: '6253282' }, timestamp_ms: '1796630399500' },
  ],
  favorite_events: [{ id: 'f1' }],
})

function signed(body: string | Uint8Array, secret = SECRET): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('base64')
}

function post(body: Uint8Array, signature: string | undefined): WebhookRequest {
  return { method: 'POST', query: {}, headers: { 'x-twitter-webhooks-signature': signature }, rawBody: body }
}

const raw = new TextEncoder().encode(delivery)

describe('X Account Activity webhooks', () => {
  it('answers the CRC challenge with the base64 HMAC of the crc_token', () => {
    const verdict = X_WEBHOOK.verify(
      { method: 'GET', query: { crc_token: 'challenge-123' }, headers: {}, rawBody: new Uint8Array() },
      { signingSecret: SECRET },
      NOW,
    )
    const expected = 'sha256=' + createHmac('sha256', SECRET).update('challenge-123').digest('base64')
    expect(verdict).toEqual({
      kind: 'handshake',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ response_token: expected }),
    })
    expect(xCrcResponseToken('challenge-123', SECRET)).toBe(expected)
  })

  it('refuses a GET without crc_token', () => {
    const verdict = X_WEBHOOK.verify(
      { method: 'GET', query: {}, headers: {}, rawBody: new Uint8Array() },
      { signingSecret: SECRET },
      NOW,
    )
    expect(verdict).toEqual({ kind: 'rejected', reason: 'malformed' })
  })

  it('accepts a correctly signed delivery and reads its events', () => {
    const verdict = X_WEBHOOK.verify(post(raw, signed(raw)), { signingSecret: SECRET }, NOW)
    expect(verdict.kind).toBe('accepted')
    if (verdict.kind !== 'accepted') return
    expect(verdict.deliveryId).toMatch(/^[0-9a-f]{64}$/)
    expect(verdict.sentAt).toEqual(new Date(1_796_630_399_500))
    expect(verdict.events).toEqual([
      {
        kind: 'interaction',
        accountExternalId: '2244994945',
        interaction: {
          externalId: '1866000000000000001',
          kind: 'reply',
          author: { externalId: '6253282', handle: 'warga_kota', displayName: 'Warga Kota' },
          text: 'Jalan di RT 05 rusak & berlubang',
          createdAt: new Date(1_796_630_398_000),
          url: 'https://x.com/warga_kota/status/1866000000000000001',
          parentExternalId: '1865999999999999999',
          rootExternalId: null,
        },
      },
      { kind: 'ignored', accountExternalId: '2244994945', type: 'tweet_create_events' },
      { kind: 'interaction_deleted', accountExternalId: '2244994945', externalId: '1865000000000000000' },
      { kind: 'ignored', accountExternalId: '2244994945', type: 'favorite_events' },
    ])
  })

  it('gives a replayed delivery the same deliveryId, so the app drops it', () => {
    const first = X_WEBHOOK.verify(post(raw, signed(raw)), { signingSecret: SECRET }, NOW)
    const again = X_WEBHOOK.verify(
      post(raw, signed(raw)),
      { signingSecret: SECRET },
      new Date(NOW.getTime() + 3600_000),
    )
    expect(
      first.kind === 'accepted' && again.kind === 'accepted' && again.deliveryId === first.deliveryId,
    ).toBe(true)
  })

  it('rejects a body changed by one byte', () => {
    const changed = Uint8Array.from(raw)
    changed[20] = changed[20]! ^ 1
    expect(X_WEBHOOK.verify(post(changed, signed(raw)), { signingSecret: SECRET }, NOW)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
  })

  it('rejects a signature made with the wrong secret', () => {
    expect(X_WEBHOOK.verify(post(raw, signed(raw, 'other')), { signingSecret: SECRET }, NOW)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
  })

  it('rejects a delivery without the signature header', () => {
    expect(X_WEBHOOK.verify(post(raw, undefined), { signingSecret: SECRET }, NOW)).toEqual({
      kind: 'rejected',
      reason: 'missing_signature',
    })
  })

  it('rejects a signature with the wrong prefix (sha1=, or hex instead of base64)', () => {
    const sha1 = 'sha1=' + createHmac('sha1', SECRET).update(raw).digest('base64')
    const hex = 'sha256=' + createHmac('sha256', SECRET).update(raw).digest('hex')
    for (const signature of [sha1, hex, signed(raw).slice('sha256='.length)])
      expect(X_WEBHOOK.verify(post(raw, signature), { signingSecret: SECRET }, NOW)).toEqual({
        kind: 'rejected',
        reason: 'bad_signature',
      })
  })

  it('rejects a signed body that is not a JSON object', () => {
    const body = new TextEncoder().encode('[1,2')
    expect(X_WEBHOOK.verify(post(body, signed(body)), { signingSecret: SECRET }, NOW)).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
  })
})
