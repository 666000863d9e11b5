// Listing the Pages a Facebook Login manages (issue #8: a Humas admin often manages the Pemda's, the Bupati's and
// the Dinas' Pages) and connecting the chosen one, against Graph's documented `/me/accounts` answer behind msw:
// developers.facebook.com/docs/graph-api/reference/user/accounts (data with id, name, username, category, link,
// access_token and tasks; paging.cursors.after with paging.next while more follow).
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { strictMockServer } from '../meta/strict-mock-server.ts'
import { CHOSEN_ACCOUNT, type OAuthTokens } from '../oauth.ts'
import { facebookOAuth } from './facebook-oauth.ts'

const GRAPH = 'https://graph.facebook.com/v25.0'
const POST_TASKS = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE']

const FIRST = [
  {
    id: '1001',
    name: 'Pemerintah Kabupaten Contoh',
    username: 'pemkabcontoh',
    category: 'Government organization',
    link: 'https://www.facebook.com/pemkabcontoh',
    access_token: 'page-token-1001',
    tasks: POST_TASKS,
  },
  // Only analysing: no Page Warta can post on.
  { id: '1002', name: 'Halaman Analis', access_token: 'page-token-1002', tasks: ['ANALYZE'] },
]
const SECOND = [
  { id: '1003', name: 'Bupati Contoh', access_token: 'page-token-1003', tasks: ['CREATE_CONTENT'] },
  // Listed without a Page token (the login lacks pages_show_list's companion permissions for it).
  { id: '1004', name: 'Tanpa Token', tasks: POST_TASKS },
]

let pagesAnswer: (after: string | null) => Record<string, unknown> = () => ({ data: [] })
const requests: Record<string, string>[] = []

strictMockServer(
  http.get(`${GRAPH}/me/accounts`, ({ request }) => {
    const params = Object.fromEntries(new URL(request.url).searchParams)
    requests.push(params)
    if (params.access_token !== 'user-token')
      return HttpResponse.json(
        { error: { code: 190, message: 'Invalid OAuth access token' } },
        { status: 400 },
      )
    return HttpResponse.json(pagesAnswer(params.after ?? null))
  }),
)

function tokens(extra: Record<string, string> = {}): OAuthTokens {
  return {
    accessToken: 'user-token',
    refreshToken: null,
    expiresAt: null,
    refreshExpiresAt: null,
    scopes: ['pages_show_list', 'pages_manage_posts'],
    extra,
  }
}

function twoPagesOfPages(): void {
  pagesAnswer = (after) =>
    after === 'cursor-2'
      ? { data: SECOND, paging: { cursors: { before: 'b2', after: 'a2' } } }
      : {
          data: FIRST,
          paging: {
            cursors: { before: 'b1', after: 'cursor-2' },
            next: `${GRAPH}/me/accounts?after=cursor-2`,
          },
        }
}

describe('the Pages a Facebook Login manages', () => {
  it('lists every Page it may post on, following the paging, with name, category, id and address', async () => {
    twoPagesOfPages()
    requests.length = 0
    const options = await facebookOAuth.accountOptions!(tokens(), fetch)
    expect(options).toEqual([
      {
        platformAccountId: '1001',
        name: 'Pemerintah Kabupaten Contoh',
        handle: 'pemkabcontoh',
        category: 'Government organization',
        url: 'https://www.facebook.com/pemkabcontoh',
      },
      {
        platformAccountId: '1003',
        name: 'Bupati Contoh',
        handle: null,
        category: null,
        url: 'https://www.facebook.com/1003',
      },
    ])
    expect(requests.map((params) => params.after ?? null)).toEqual([null, 'cursor-2'])
    expect(requests[0]!.fields).toBe('id,name,username,category,link,access_token,tasks')
    // The Page tokens never leave the provider through the options.
    expect(JSON.stringify(options)).not.toContain('page-token')
  })

  it('connects the chosen Page with its own Page token', async () => {
    twoPagesOfPages()
    const connection = await facebookOAuth.connectionOf(tokens({ [CHOSEN_ACCOUNT]: '1003' }), fetch)
    expect(connection).toEqual({
      platformAccountId: '1003',
      handle: '1003',
      displayName: 'Bupati Contoh',
      credentials: { pageId: '1003', pageAccessToken: 'page-token-1003' },
    })
  })

  it('refuses a chosen Page the login may not post on, and never swaps it for another', async () => {
    twoPagesOfPages()
    for (const wanted of ['1002', '1004', '9999'])
      await expect(
        facebookOAuth.connectionOf(tokens({ [CHOSEN_ACCOUNT]: wanted }), fetch),
      ).rejects.toMatchObject({
        kind: 'auth_expired',
        reason: { key: 'meta.page_not_granted', params: { page: wanted } },
      })
  })

  it('asks for a choice when several Pages are postable and none was chosen', async () => {
    twoPagesOfPages()
    await expect(facebookOAuth.connectionOf(tokens(), fetch)).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'meta.page_not_chosen' },
    })
  })

  it('says what to check when the login gives no postable Page', async () => {
    pagesAnswer = () => ({ data: [FIRST[1], SECOND[1]] })
    expect(await facebookOAuth.accountOptions!(tokens(), fetch)).toEqual([])
    await expect(facebookOAuth.connectionOf(tokens(), fetch)).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'meta.no_postable_page' },
    })
  })

  it('passes a refused user token on as an error', async () => {
    await expect(
      facebookOAuth.accountOptions!({ ...tokens(), accessToken: 'dead' }, fetch),
    ).rejects.toMatchObject({ kind: 'auth_expired' })
  })
})
