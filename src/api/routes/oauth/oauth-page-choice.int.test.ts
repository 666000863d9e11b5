// Choosing the Facebook Page when one login manages several (issue #8), against the fake platform
// (tests/support/fake-oauth-platform.ts) registered under 'facebook' with Pages: the registry names one → connected
// at once; otherwise the user token waits sealed as a pending choice for the user who started, thirty minutes, used
// once; a Page another Warta account holds is marked and refused; a login without a postable Page says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { handClock, type HandClock } from '../../../../tests/support/hand-clock.ts'
import {
  fakeDefinitions,
  startFakePlatform,
  type FakePage,
  type FakePlatform,
} from '../../../../tests/support/fake-oauth-platform.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { getAccountConnection } from '../../../db/account-connections-repository.ts'
import { findOAuthChoice } from '../../../db/oauth-choices-repository.ts'
import { CHOSEN_ACCOUNT } from '../../../connectors/oauth.ts'
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'
import { openCredentials } from '../../../features/connections/credential-cipher.ts'
import { splitCredentials } from '../../../features/connections/oauth-tokens.ts'
import { refreshExpiringTokens } from '../../../features/connections/refresh-tokens.ts'

const OAUTH_ENV = {
  WARTA_OAUTH_FACEBOOK_CLIENT_ID: 'fake-client',
  WARTA_OAUTH_FACEBOOK_CLIENT_SECRET: 'fake-secret',
}

const PAGES: FakePage[] = [
  {
    id: '1001',
    name: 'Pemerintah Kabupaten Contoh',
    username: 'pemkabcontoh',
    category: 'Government organization',
  },
  { id: '1002', name: 'Bupati Contoh', username: 'bupaticontoh', category: 'Public figure' },
  { id: '1003', name: 'Dinas Kominfo Contoh' },
  { id: '1004', name: 'Halaman Analis', postable: false },
]

let fake: FakePlatform
let clock: HandClock
beforeAll(async () => {
  fake = await startFakePlatform({ now: () => clock.now(), pages: PAGES })
})
afterAll(async () => {
  await fake.close()
})

async function setup() {
  fake.pages = PAGES
  const shared = await getTestContext()
  clock = handClock()
  const ctx = { ...shared, clock, config: testConfig(OAUTH_ENV) }
  const app = await buildApp(ctx, { platforms: { connectors: fakeDefinitions('facebook', fake) } })
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
  const totpSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const { headers } = await loginAs(app, { ...pj, totpSecret })
  const createAccount = async (handle: string, displayName: string | null = null) => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers,
      payload: {
        unitId: unit.id,
        platform: 'facebook',
        handle,
        displayName,
        penanggungJawabUserId: pj.id,
        pengelola: [],
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    return created.json<{ id: string }>()
  }
  const refreshDeps = { ...ctx, connectors: fakeDefinitions('facebook', fake), mailEnabled: false }
  return { ctx, app, owner, unit, pj, headers, createAccount, refreshDeps }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** Start → the fake platform consents at once → the callback → where the browser is sent back to. */
async function connectThroughLogin(s: Setup, accountId: string, headers = s.headers): Promise<URL> {
  const start = await s.app.inject({ method: 'POST', url: `/api/accounts/${accountId}/oauth/start`, headers })
  expect(start.statusCode, start.body).toBe(200)
  const consent = await fetch(start.json<{ authorizationUrl: string }>().authorizationUrl, {
    redirect: 'manual',
  })
  const back = new URL(consent.headers.get('location')!)
  const done = await s.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` })
  expect(done.statusCode, done.body).toBe(302)
  return new URL(done.headers.location as string, 'http://warta.test')
}

interface ChoiceView {
  choiceId: string
  expiresAt: string
  options: {
    platformAccountId: string
    name: string | null
    category: string | null
    url: string | null
    suggested: boolean
    usedBy: { accountId: string; handle: string } | null
  }[]
}

const choiceUrl = (accountId: string, choiceId: string) =>
  `/api/accounts/${accountId}/oauth/choices/${choiceId}`

async function choose(
  s: Setup,
  accountId: string,
  choiceId: string,
  platformAccountId: string,
  headers = s.headers,
) {
  return s.app.inject({
    method: 'POST',
    url: choiceUrl(accountId, choiceId),
    headers,
    payload: { platformAccountId },
  })
}

/** Connects the account to the Page through a choice (the registry naming none of them). */
async function connectByChoice(s: Setup, accountId: string, pageId: string): Promise<void> {
  const back = await connectThroughLogin(s, accountId)
  expect(back.searchParams.get('oauth')).toBe('choose_page')
  const chosen = await choose(s, accountId, back.searchParams.get('choice')!, pageId)
  expect(chosen.statusCode, chosen.body).toBe(200)
}

describe('choosing the Facebook Page of a login that manages several', () => {
  it('keeps a pending choice, lists the postable Pages, connects the chosen one with its token, once, audited', async () => {
    const s = await setup()
    const account = await s.createAccount(`humas.kab${uniqueSuffix()}`.toLowerCase())
    const back = await connectThroughLogin(s, account.id)
    expect(back.pathname).toBe('/accounts')
    expect(back.searchParams.get('connection')).toBe(account.id)
    expect(back.searchParams.get('oauth')).toBe('choose_page')
    const choiceId = back.searchParams.get('choice')!
    // Nothing connected yet: the person has not chosen.
    expect(await getAccountConnection(s.ctx.db, s.owner.id, account.id)).toBeUndefined()
    // The user token waits sealed, never in clear.
    const kept = await findOAuthChoice(s.ctx.db, s.owner.id, choiceId)
    expect(kept!.tokens).toMatch(/^v1\./)
    expect(kept!.tokens).not.toContain('at-')
    expect(new Date(kept!.expiresAt).getTime()).toBe(clock.now().getTime() + 30 * 60_000)

    const read = await s.app.inject({ url: choiceUrl(account.id, choiceId), headers: s.headers })
    expect(read.statusCode, read.body).toBe(200)
    const view = read.json<ChoiceView>()
    expect(view.options).toEqual([
      {
        platformAccountId: '1001',
        name: 'Pemerintah Kabupaten Contoh',
        handle: 'pemkabcontoh',
        category: 'Government organization',
        url: 'https://www.facebook.com/pemkabcontoh',
        suggested: false,
        usedBy: null,
      },
      expect.objectContaining({ platformAccountId: '1002', category: 'Public figure' }),
      expect.objectContaining({ platformAccountId: '1003', handle: null, category: null }),
    ])
    expect(read.body).not.toContain('page-token')

    // A Page the login did not give is refused with what to do.
    const unknown = await choose(s, account.id, choiceId, '1004')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<{ error: { key: string } }>().error.key).toBe('connections.oauth.choice_unknown')

    const chosen = await choose(s, account.id, choiceId, '1002')
    expect(chosen.statusCode, chosen.body).toBe(200)
    expect(chosen.json()).toMatchObject({ state: 'connected', platformHandle: 'bupaticontoh' })
    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    expect(row).toMatchObject({ state: 'connected', platformAccountId: '1002' })
    const opened = splitCredentials(
      openCredentials({ current: s.ctx.secret, previous: [] }, account.id, row!.credentials!),
    )
    expect(opened.credentials).toEqual({ pageId: '1002', pageAccessToken: 'page-token-1002' })
    // The chosen Page stays with the tokens, so a refresh connects the same Page again.
    expect(opened.tokens!.extra[CHOSEN_ACCOUNT]).toBe('1002')

    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.connect' })
    expect(entry).toMatchObject({
      objectId: account.id,
      actorUserId: s.pj.id,
      after: { via: 'oauth', platformAccountId: '1002', chosen: true },
    })
    expect(JSON.stringify(entry)).not.toContain('page-token')
    expect((await verifyAuditLog(s.ctx.db, { instansiId: s.owner.id })).breaks).toEqual([])

    // Used once: the choice is gone.
    expect(await findOAuthChoice(s.ctx.db, s.owner.id, choiceId)).toBeUndefined()
    const again = await choose(s, account.id, choiceId, '1001')
    expect(again.statusCode).toBe(404)
    expect(again.json<{ error: { key: string } }>().error.key).toBe('connections.oauth.choice_not_found')
  })

  it('connects at once the one Page the registry names: by its username, its id or its name', async () => {
    const s = await setup()
    const byHandle = await s.createAccount('pemkabcontoh')
    expect((await connectThroughLogin(s, byHandle.id)).searchParams.get('oauth')).toBe('connected')
    expect(await getAccountConnection(s.ctx.db, s.owner.id, byHandle.id)).toMatchObject({
      platformAccountId: '1001',
    })

    const byName = await s.createAccount(`dinas${uniqueSuffix()}`.toLowerCase(), 'Dinas Kominfo Contoh')
    expect((await connectThroughLogin(s, byName.id)).searchParams.get('oauth')).toBe('connected')
    expect(await getAccountConnection(s.ctx.db, s.owner.id, byName.id)).toMatchObject({
      platformAccountId: '1003',
    })

    // Reconnecting finds the Page the account is connected to, whatever its handle says.
    expect((await connectThroughLogin(s, byName.id)).searchParams.get('oauth')).toBe('connected')
    expect(await getAccountConnection(s.ctx.db, s.owner.id, byName.id)).toMatchObject({
      platformAccountId: '1003',
    })
  })

  it('refuses an expired choice and another user’s choice with words that say so', async () => {
    const s = await setup()
    const account = await s.createAccount(`humas${uniqueSuffix()}`.toLowerCase())
    const first = await connectThroughLogin(s, account.id)
    const choiceId = first.searchParams.get('choice')!

    // Another user who may manage the account too: the choice is not theirs.
    const totpSecret = generateTotpSecret()
    const other = await createTestUser(s.ctx.db, s.owner, [{ unitId: s.unit.id, role: 'penanggung_jawab' }], {
      totpSecret,
    })
    const { headers } = await loginAs(s.app, { ...other, totpSecret })
    const foreignRead = await s.app.inject({ url: choiceUrl(account.id, choiceId), headers })
    expect(foreignRead.statusCode).toBe(403)
    expect(foreignRead.json<{ error: { key: string } }>().error.key).toBe('connections.oauth.choice_foreign')
    const foreign = await choose(s, account.id, choiceId, '1001', headers)
    expect(foreign.statusCode).toBe(403)
    expect(await getAccountConnection(s.ctx.db, s.owner.id, account.id)).toBeUndefined()

    // A choice of another account is not found through this one.
    const sibling = await s.createAccount(`humas${uniqueSuffix()}`.toLowerCase())
    const elsewhere = await choose(s, sibling.id, choiceId, '1001')
    expect(elsewhere.statusCode).toBe(404)

    clock.advance(31 * 60_000)
    const late = await choose(s, account.id, choiceId, '1001')
    expect(late.statusCode).toBe(412)
    expect(late.json<{ error: { key: string; params: Record<string, unknown> } }>().error).toMatchObject({
      key: 'connections.oauth.choice_expired',
      params: { minutes: 30, platform: 'Facebook' },
    })
    expect(await getAccountConnection(s.ctx.db, s.owner.id, account.id)).toBeUndefined()
  })

  it('marks and refuses a Page another Warta account holds: one Page, one account', async () => {
    const s = await setup()
    const pemda = await s.createAccount(`pemda${uniqueSuffix()}`.toLowerCase())
    await connectByChoice(s, pemda.id, '1001')

    const other = await s.createAccount(`lain${uniqueSuffix()}`.toLowerCase())
    const back = await connectThroughLogin(s, other.id)
    const choiceId = back.searchParams.get('choice')!
    const view = (
      await s.app.inject({ url: choiceUrl(other.id, choiceId), headers: s.headers })
    ).json<ChoiceView>()
    expect(view.options.find((option) => option.platformAccountId === '1001')!.usedBy).toEqual({
      accountId: pemda.id,
      handle: expect.stringMatching(/^pemda/),
    })
    expect(view.options.find((option) => option.platformAccountId === '1002')!.usedBy).toBeNull()
    const refused = await choose(s, other.id, choiceId, '1001')
    expect(refused.statusCode).toBe(409)
    expect(refused.json<{ error: { key: string } }>().error.key).toBe('connections.oauth.account_in_use')
    // The choice survives a refused Page: another one can still be chosen.
    expect((await choose(s, other.id, choiceId, '1002')).statusCode).toBe(200)

    // The registry names a Page already held: refused at the callback, not connected.
    const twin = await s.createAccount('pemkabcontoh')
    expect((await connectThroughLogin(s, twin.id)).searchParams.get('oauth')).toBe('page_in_use')
    expect(await getAccountConnection(s.ctx.db, s.owner.id, twin.id)).toBeUndefined()
  })

  it('says what to check when the login gives no Page Warta may post on', async () => {
    const s = await setup()
    fake.pages = [{ id: '1004', name: 'Halaman Analis', postable: false }]
    const account = await s.createAccount(`humas${uniqueSuffix()}`.toLowerCase())
    const back = await connectThroughLogin(s, account.id)
    expect(back.searchParams.get('oauth')).toBe('no_page')
    expect(back.searchParams.get('choice')).toBeNull()
    expect(await getAccountConnection(s.ctx.db, s.owner.id, account.id)).toBeUndefined()
  })

  it('connects a login with a single postable Page without asking', async () => {
    const s = await setup()
    fake.pages = [PAGES[2]!, PAGES[3]!]
    const account = await s.createAccount(`humas${uniqueSuffix()}`.toLowerCase())
    expect((await connectThroughLogin(s, account.id)).searchParams.get('oauth')).toBe('connected')
    expect(await getAccountConnection(s.ctx.db, s.owner.id, account.id)).toMatchObject({
      platformAccountId: '1003',
    })
  })

  it('keeps posting on the chosen Page after the token refresh, even when the login lists it last', async () => {
    const s = await setup()
    const account = await s.createAccount(`humas${uniqueSuffix()}`.toLowerCase())
    await connectByChoice(s, account.id, '1003')
    fake.pages = [...PAGES].reverse()
    clock.advance(50 * 60_000)
    const result = await refreshExpiringTokens(s.refreshDeps)
    expect(result.failed.filter((failure) => failure.accountId === account.id)).toEqual([])
    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    expect(row!.tokenExpiresAt!.getTime()).toBe(clock.now().getTime() + 3600_000)
    const opened = splitCredentials(
      openCredentials({ current: s.ctx.secret, previous: [] }, account.id, row!.credentials!),
    )
    expect(opened.credentials).toEqual({ pageId: '1003', pageAccessToken: 'page-token-1003' })
  })
})
