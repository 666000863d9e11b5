// Connecting a Mastodon account through the API: the instance and the access token are checked by the connector
// (against the fake instance behind msw; any other outbound request fails the test) before they are stored
// sealed; a refused token is said in words and nothing is stored.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { getAccountConnection } from '../../../db/account-connections-repository.ts'
import { runForAccount } from '../../../features/connections/account-connector.ts'
import { INSTANCE } from '../../../connectors/mastodon/fixtures/entities.ts'
import { FakeInstance, TOKEN } from '../../../connectors/mastodon/fixtures/fake-instance.ts'

const fake = new FakeInstance()
const server = setupServer(...fake.handlers())
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
  const totpSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const session = await loginAs(app, { ...pj, totpSecret })
  const created = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: session.headers,
    payload: {
      unitId: unit.id,
      platform: 'mastodon',
      handle: `humas${uniqueSuffix()}@social.example.go.id`,
      penanggungJawabUserId: pj.id,
      pengelola: [],
    },
  })
  expect(created.statusCode, created.body).toBe(200)
  return { ctx, app, owner, headers: session.headers, account: created.json<{ id: string }>() }
}

describe('connecting a Mastodon account', () => {
  it('refuses a wrong token in words, then connects with the right one and stores it sealed', async () => {
    fake.reset()
    const s = await setup()
    const url = `/api/accounts/${s.account.id}/connection`
    const refused = await s.app.inject({
      method: 'POST',
      url,
      headers: { ...s.headers, 'accept-language': 'id' },
      payload: { credentials: { instanceUrl: INSTANCE, accessToken: 'revoked-token' } },
    })
    expect(refused.statusCode, refused.body).toBe(400)
    expect(refused.body).toContain('The access token is invalid')
    const afterRefusal = await s.app.inject({ url, headers: s.headers })
    expect(afterRefusal.json()).toMatchObject({ state: 'not_connected' })

    const connected = await s.app.inject({
      method: 'POST',
      url,
      headers: s.headers,
      payload: { credentials: { instanceUrl: INSTANCE, accessToken: TOKEN } },
    })
    expect(connected.statusCode, connected.body).toBe(200)
    expect(connected.json()).toMatchObject({
      state: 'connected',
      platformHandle: 'humas@social.example.go.id',
      platformAccountId: fake.me.id,
      lastError: null,
      capabilities: { hideReply: false, deleteReply: false, video: true, maxTextLength: 500 },
    })
    const row = await getAccountConnection(s.ctx.db, s.owner.id, s.account.id)
    expect(row!.credentials).not.toContain(TOKEN)

    const post = await runForAccount(s.ctx, s.owner.id, s.account.id, (connector) =>
      connector.publish({
        idempotencyKey: `variant-${s.account.id}`,
        text: 'Uji terbit Mastodon.',
        media: [],
      }),
    )
    expect(fake.statuses.get(post.platformPostId)?.content).toBe('<p>Uji terbit Mastodon.</p>')
    expect(fake.requests.at(-1)?.idempotencyKey).toBe(`variant-${s.account.id}`)
  })
})
