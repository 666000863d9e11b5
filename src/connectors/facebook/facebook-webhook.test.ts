// The Page webhook checks (platforms.md §4). Payload shaped as
// developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed (object "page", entry[].changes[] with
// field "feed", value.item "comment"); handshake and signature as developers.facebook.com/docs/graph-api/webhooks/getting-started.
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebhookRequest } from '../webhook.ts'
import { facebookWebhook } from './facebook-webhook.ts'

const APP_SECRET = 'meta-app-secret'
const secrets = { signingSecret: APP_SECRET, verifyToken: 'warta-verify' }
const now = new Date('2026-12-07T09:00:00Z')

const delivery = {
  object: 'page',
  entry: [
    {
      id: '104857600123456',
      time: 1_796_634_000,
      changes: [
        {
          field: 'feed',
          value: {
            from: { id: '900100200300', name: 'Budi Warga' },
            post: {
              status_type: 'added_photos',
              is_published: true,
              updated_time: '2026-12-07T08:59:58+0000',
              permalink_url: 'https://www.facebook.com/104857600123456/posts/555',
              promotion_status: 'inactive',
              id: '104857600123456_555',
            },
            message: 'Jadwal vaksin di mana? Ümit ✓',
            post_id: '104857600123456_555',
            comment_id: '555_777',
            created_time: 1_796_633_998,
            item: 'comment',
            parent_id: '104857600123456_555',
            verb: 'add',
          },
        },
        {
          field: 'feed',
          value: {
            item: 'reaction',
            verb: 'add',
            reaction_type: 'like',
            post_id: '104857600123456_555',
            from: { id: '1', name: 'A' },
            created_time: 1_796_633_999,
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'remove',
            post_id: '104857600123456_555',
            comment_id: '555_700',
            from: { id: '1' },
            created_time: 1_796_633_999,
          },
        },
      ],
    },
  ],
}
// Meta signs the payload with non-ASCII escaped (\uXXXX); the raw bytes are what count.
const raw = Buffer.from(
  JSON.stringify(delivery).replace(
    /[\u007f-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  ),
)

function sign(body: Uint8Array, secret = APP_SECRET): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex')
}

function post(body: Uint8Array, signature: string | undefined): WebhookRequest {
  return {
    method: 'POST',
    query: {},
    headers: { 'x-hub-signature-256': signature, 'content-type': 'application/json' },
    rawBody: body,
  }
}

describe('the Facebook Page webhook', () => {
  it('answers the subscription handshake with the challenge only for the right verify token', () => {
    const query = {
      'hub.mode': 'subscribe',
      'hub.challenge': '1158201444',
      'hub.verify_token': 'warta-verify',
    }
    expect(
      facebookWebhook.verify({ method: 'GET', query, headers: {}, rawBody: new Uint8Array() }, secrets, now),
    ).toEqual({
      kind: 'handshake',
      status: 200,
      contentType: 'text/plain',
      body: '1158201444',
    })
    const wrong = { ...query, 'hub.verify_token': 'guess' }
    expect(
      facebookWebhook.verify(
        { method: 'GET', query: wrong, headers: {}, rawBody: new Uint8Array() },
        secrets,
        now,
      ),
    ).toEqual({ kind: 'rejected', reason: 'bad_verify_token' })
  })

  it('accepts a correctly signed delivery and reads its comment, its removal, and ignores the reaction', () => {
    const verdict = facebookWebhook.verify(post(raw, sign(raw)), secrets, now)
    expect(verdict.kind).toBe('accepted')
    if (verdict.kind !== 'accepted') return
    expect(verdict.sentAt).toEqual(new Date(1_796_634_000 * 1000))
    expect(verdict.events).toEqual([
      {
        kind: 'interaction',
        accountExternalId: '104857600123456',
        interaction: {
          externalId: '555_777',
          kind: 'comment',
          author: { externalId: '900100200300', handle: 'Budi Warga', displayName: 'Budi Warga' },
          text: 'Jadwal vaksin di mana? Ümit ✓',
          createdAt: new Date(1_796_633_998 * 1000),
          url: 'https://www.facebook.com/555_777',
          parentExternalId: '104857600123456_555',
          rootExternalId: '104857600123456_555',
        },
      },
      { kind: 'ignored', accountExternalId: '104857600123456', type: 'feed:reaction' },
      { kind: 'interaction_deleted', accountExternalId: '104857600123456', externalId: '555_700' },
    ])
  })

  it('gives a replayed delivery the same id, so the app drops the second one', () => {
    const first = facebookWebhook.verify(post(raw, sign(raw)), secrets, now)
    const again = facebookWebhook.verify(post(raw, sign(raw)), secrets, new Date(now.getTime() + 60_000))
    expect(
      first.kind === 'accepted' && again.kind === 'accepted' && first.deliveryId === again.deliveryId,
    ).toBe(true)
  })

  it('rejects a body changed by one byte, a wrong secret, a missing header and the sha1 prefix', () => {
    const changed = Buffer.from(raw)
    changed[changed.length - 3] = changed[changed.length - 3]! ^ 1
    expect(facebookWebhook.verify(post(changed, sign(raw)), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    expect(facebookWebhook.verify(post(raw, sign(raw, 'other-secret')), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    expect(facebookWebhook.verify(post(raw, undefined), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'missing_signature',
    })
    const sha1 = 'sha1=' + createHmac('sha1', APP_SECRET).update(raw).digest('hex')
    expect(facebookWebhook.verify(post(raw, sha1), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    // Re-serialised JSON (unescaped unicode) is not what Meta signed.
    const reserialised = Buffer.from(JSON.stringify(delivery))
    expect(facebookWebhook.verify(post(reserialised, sign(raw)), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
  })

  it('rejects a signed delivery for another object as malformed', () => {
    const body = Buffer.from(JSON.stringify({ object: 'instagram', entry: [] }))
    expect(facebookWebhook.verify(post(body, sign(body)), secrets, now)).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
  })
})
