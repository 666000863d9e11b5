import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import { inboxApiQuery, searchOfView, validateInboxSearch, viewQueryOf } from './inbox-search.ts'
import type { InboxItem, InboxPage, InboxReply, InboxThread } from './inbox-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  window.sessionStorage.clear()
})

const UNIT = '0b7a3c8e-5d41-4f2a-9c1e-2a3b4c5d6e7f'
const ID1 = '11111111-1111-4111-8111-111111111111'
const ID2 = '22222222-2222-4222-8222-222222222222'

const me: Me = testMe({
  allowedActions: ['unit.read', 'account.read', 'post.read', 'post.create', 'inbox.read', 'inbox.reply'],
  grants: [{ role: 'pengelola', unitId: UNIT, unitName: 'Dinas Kesehatan', unitPath: `/${UNIT}/` }],
})

function item(overrides: Partial<InboxItem>): InboxItem {
  return {
    id: ID1,
    threadId: 't1',
    accountId: 'a1',
    accountHandle: 'dinkes.kota',
    platform: 'bluesky',
    unitId: UNIT,
    unitName: 'Dinas Kesehatan',
    kind: 'comment',
    externalId: 'x1',
    author: { externalId: 'w1', handle: 'ibu.rina', name: null },
    body: 'Kapan jadwal vaksinasi?',
    url: null,
    createdAt: '2026-12-07T01:00:00.000Z',
    receivedAt: '2026-12-07T01:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    status: 'new',
    sentiment: 'netral',
    abusive: false,
    hateSpeech: false,
    intent: 'pertanyaan',
    hoaxClaimId: null,
    hoaxScore: null,
    priority: 10,
    assignedUserId: null,
    assignedUserName: null,
    slaDueAt: new Date(Date.now() + 2 * 3_600_000 + 60_000).toISOString(),
    firstResponseAt: null,
    closedAt: null,
    labels: [],
    updatedAt: '2026-12-07T01:00:00.000Z',
    ...overrides,
  }
}

const first = item({})
const overdue = item({
  id: ID2,
  author: { externalId: 'w2', handle: 'pak.tono', name: 'Pak Tono' },
  body: 'Jalan rusak belum diperbaiki',
  slaDueAt: new Date(Date.now() - 3_600_000 - 60_000).toISOString(),
  hoaxClaimId: 'c1',
})
const page: InboxPage = { items: [overdue, first], next: null }

function thread(of: InboxItem, overrides: Partial<InboxThread> = {}): InboxThread {
  return {
    item: of,
    thread: [of],
    replies: [],
    notes: [],
    history: [],
    others: [],
    openedAt: '2026-12-07T02:00:00.000Z',
    account: {
      id: 'a1',
      platform: 'bluesky',
      handle: 'dinkes.kota',
      url: 'https://bsky.app/profile/dinkes.kota',
    },
    unit: { id: UNIT, name: 'Dinas Kesehatan' },
    assignee: null,
    claim: of.hoaxClaimId
      ? { id: 'c1', label: 'hoaks', claim: 'Vaksin mengandung chip', facts: 'Vaksin tidak mengandung chip.' }
      : null,
    capabilities: {
      reply: true,
      hideReply: true,
      deleteReply: false,
      maxTextLength: 300,
      textCounting: 'graphemes',
    },
    actions: { work: true, reply: true, hide: true, delete: false, approve: false },
    handoff: { ppidCase: null, laporReferral: null },
    ...overrides,
  }
}

function serve(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me },
    'GET /api/inbox/items': { status: 200, body: page },
    'GET /api/inbox/counts': {
      status: 200,
      body: { byStatus: { new: 2, open: 0, answered: 4, closed: 1 }, mine: 0, unassigned: 2, breached: 1 },
    },
    [`GET /api/inbox/items/${ID1}`]: { status: 200, body: thread(first) },
    [`GET /api/inbox/items/${ID2}`]: { status: 200, body: thread(overdue) },
    'GET /api/inbox/views': { status: 200, body: { items: [] } },
    ...routes,
  })
  vi.stubGlobal('fetch', api.fetchMock)
  return api
}

describe('the inbox page', () => {
  it('lists items with their deadline (red when passed), the tabs counted, and opens the three panes', async () => {
    serve()
    renderAppAt('/inbox')
    const list = await screen.findByTestId('inbox-list')
    await waitFor(() => expect(within(list).getAllByTestId('inbox-row')).toHaveLength(2))
    const rows = within(list).getAllByTestId('inbox-row')
    expect(within(rows[0]!).getByTestId('sla').getAttribute('data-breached')).toBe('true')
    expect(within(rows[0]!).getByTestId('sla').textContent).toMatch(/^Lewat 1 j 1 m$/)
    expect(within(rows[1]!).getByTestId('sla').textContent).toMatch(/^Sisa 2 j 0 m$/)
    expect(within(rows[0]!).getByText('Hoaks')).toBeTruthy()
    await screen.findByRole('radio', { name: 'Menunggu (2)' })
    expect(screen.getByRole('radio', { name: 'Dijawab (4)' })).toBeTruthy()
    fireEvent.click(rows[0]!)
    const thread = await screen.findByTestId('inbox-thread')
    await within(thread).findByText('Jalan rusak belum diperbaiki')
    const context = await screen.findByTestId('inbox-context')
    expect(within(context).getByTestId('inbox-claim').textContent).toContain('Vaksin tidak mengandung chip.')
    expect(within(context).getByText('Pertanyaan')).toBeTruthy()
    // Bluesky can hide but not delete: only what the platform allows is offered.
    expect(within(thread).getByRole('button', { name: 'Sembunyikan' })).toBeTruthy()
    expect(within(thread).queryByRole('button', { name: 'Hapus' })).toBeNull()
  })

  it('shows in the list what ingestion classified: the intent and the sentiment, nothing before it is classified', async () => {
    serve({
      'GET /api/inbox/items': {
        status: 200,
        body: {
          items: [
            item({ intent: 'keluhan', sentiment: 'negatif' }),
            item({ id: ID2, intent: null, sentiment: null, body: 'Baru masuk' }),
          ],
          next: null,
        },
      },
    })
    renderAppAt('/inbox')
    const list = await screen.findByTestId('inbox-list')
    await waitFor(() => expect(within(list).getAllByTestId('inbox-row')).toHaveLength(2))
    const [classified, fresh] = within(list).getAllByTestId('inbox-row')
    expect(within(classified!).getByTestId('inbox-row-intent').textContent).toBe('Keluhan')
    expect(within(classified!).getByTestId('inbox-row-sentiment').textContent).toBe('Negatif')
    expect(within(fresh!).queryByTestId('inbox-row-intent')).toBeNull()
    expect(within(fresh!).queryByTestId('inbox-row-sentiment')).toBeNull()
  })

  it('moves with j and k, focuses the search with / and the reply with r, shows the keys with ?', async () => {
    serve()
    const { router } = renderAppAt('/inbox')
    await waitFor(() => expect(screen.getAllByTestId('inbox-row')).toHaveLength(2))
    fireEvent.keyDown(window, { key: 'j' })
    await waitFor(() => expect(router.state.location.search).toMatchObject({ item: ID2 }))
    fireEvent.keyDown(window, { key: 'j' })
    await waitFor(() => expect(router.state.location.search).toMatchObject({ item: ID1 }))
    fireEvent.keyDown(window, { key: 'k' })
    await waitFor(() => expect(router.state.location.search).toMatchObject({ item: ID2 }))
    await screen.findByTestId('inbox-reply')
    fireEvent.keyDown(window, { key: 'r' })
    expect(document.activeElement).toBe(screen.getByTestId('inbox-reply'))
    // Typing in the reply box is not a shortcut.
    fireEvent.keyDown(document.activeElement!, { key: 'j' })
    expect(router.state.location.search).toMatchObject({ item: ID2 })
    ;(document.activeElement as HTMLElement).blur()
    fireEvent.keyDown(window, { key: '/' })
    expect(document.activeElement).toBe(screen.getByLabelText('Cari'))
    ;(document.activeElement as HTMLElement).blur()
    fireEvent.keyDown(window, { key: '?' })
    expect(await screen.findByTestId('inbox-keys')).toBeTruthy()
  })

  it('closes with e', async () => {
    const api = serve({
      [`POST /api/inbox/items/${ID1}/close`]: { status: 200, body: { ...first, status: 'closed' } },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    await screen.findByTestId('inbox-reply')
    fireEvent.keyDown(window, { key: 'e' })
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith(`/${ID1}/close`))).toBe(
        true,
      ),
    )
  })

  it('counts the reply as the platform does and asks before sending when someone else replied', async () => {
    const api = serve({
      [`POST /api/inbox/items/${ID1}/replies`]: [
        {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              key: 'inbox.replied_since_opened',
              params: { name: 'Budi', at: '2026-12-07T02:01:00.000Z' },
              message: 'x',
            },
          },
        },
        {
          status: 200,
          body: {
            id: 'r1',
            itemId: ID1,
            body: 'Setiap Senin.',
            status: 'sent',
            author: { id: 'u1', name: 'Sari' },
            url: null,
            error: null,
            errorKind: null,
            reason: null,
            attempts: 1,
            createdAt: '2026-12-07T02:02:00.000Z',
            sentAt: '2026-12-07T02:02:00.000Z',
          },
        },
      ],
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const box = await screen.findByTestId('inbox-reply')
    fireEvent.change(box, { target: { value: 'Setiap Senin.' } })
    expect(screen.getByTestId('inbox-reply-counter').textContent).toBe(
      '13 / 300 karakter menurut hitungan platform',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Kirim balasan' }))
    const collision = await screen.findByTestId('inbox-collision')
    expect(collision.textContent).toContain('Budi sudah membalas percakapan ini')
    fireEvent.click(within(collision).getByRole('button', { name: 'Tetap kirim' }))
    await waitFor(() => {
      const sent = api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/replies'))
      expect(sent.map((call) => (call.body as { confirm: boolean }).confirm)).toEqual([false, true])
      expect((sent[0]!.body as { openedAt: string }).openedAt).toBe('2026-12-07T02:00:00.000Z')
    })
  })

  it('empties the reply box when the account could not be used, since the reply is kept in the thread as failed', async () => {
    serve({
      [`POST /api/inbox/items/${ID1}/replies`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            key: 'connections.not_connected',
            params: { replyId: 'r-failed' },
            message: 'x',
          },
        },
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const box = await screen.findByTestId<HTMLTextAreaElement>('inbox-reply')
    fireEvent.change(box, { target: { value: 'Setiap Senin.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Kirim balasan' }))
    await waitFor(() => expect(box.value).toBe(''))
  })

  it('says who else has the thread open and offers no reply box where the platform cannot reply', async () => {
    serve({
      [`GET /api/inbox/items/${ID1}`]: {
        status: 200,
        body: thread(first, {
          others: [{ userId: 'u2', name: 'Budi', typing: true, seenAt: '2026-12-07T02:00:00.000Z' }],
          capabilities: {
            reply: false,
            hideReply: false,
            deleteReply: false,
            maxTextLength: 0,
            textCounting: 'graphemes',
          },
          actions: { work: true, reply: false, hide: false, delete: false, approve: false },
        }),
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    expect((await screen.findByTestId('inbox-presence')).textContent).toBe('Budi sedang mengetik balasan')
    expect(screen.queryByTestId('inbox-reply')).toBeNull()
    expect(screen.getByText('Bluesky tidak mengizinkan membalas dari Warta.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Sembunyikan' })).toBeNull()
  })
})

describe('filters', () => {
  it('asks the API for the chosen intent and sentiment', async () => {
    const api = serve()
    renderAppAt('/inbox')
    await waitFor(() => expect(screen.getAllByTestId('inbox-row')).toHaveLength(2))
    fireEvent.change(screen.getByLabelText('Maksud'), { target: { value: 'keluhan' } })
    fireEvent.change(screen.getByLabelText('Sentimen'), { target: { value: 'negatif' } })
    await waitFor(() =>
      expect(
        api.calls.some(
          (call) =>
            call.path.startsWith('/api/inbox/items?') &&
            call.path.includes('intent=keluhan') &&
            call.path.includes('sentiment=negatif'),
        ),
      ).toBe(true),
    )
  })
})

describe('bulk actions', () => {
  it('closes the checked items in one request', async () => {
    const api = serve({ 'POST /api/inbox/bulk': { status: 200, body: { count: 2 } } })
    renderAppAt('/inbox')
    await waitFor(() => expect(screen.getAllByTestId('inbox-row-check')).toHaveLength(2))
    for (const box of screen.getAllByTestId('inbox-row-check')) fireEvent.click(box)
    const bar = await screen.findByTestId('inbox-bulk')
    expect(bar.textContent).toContain('2 pesan dipilih')
    fireEvent.click(within(bar).getByRole('button', { name: 'Tutup semua' }))
    await waitFor(() => {
      const call = api.calls.find((entry) => entry.method === 'POST' && entry.path === '/api/inbox/bulk')
      expect(call?.body).toEqual({ action: 'close', ids: [ID2, ID1] })
    })
    await waitFor(() => expect(screen.queryByTestId('inbox-bulk')).toBeNull())
  })
})

describe('the inbox URL', () => {
  it('keeps only well-formed values and writes the API query and a saved view from them', () => {
    const search = validateInboxSearch({
      tab: 'closed',
      assigned: 'me',
      hoax: 'true',
      item: 'nope',
      q: ' banjir ',
    })
    expect(search).toEqual({ tab: 'closed', assigned: 'me', hoax: 'true', q: ' banjir ' })
    expect(inboxApiQuery(search).toString()).toBe('status=closed&q=+banjir+&assigned=me&hoax=true')
    expect(inboxApiQuery({}).get('status')).toBe('new,open')
    const saved = viewQueryOf({ ...search, item: ID1 })
    expect(saved).not.toContain('item')
    expect(searchOfView(saved)).toEqual(search)
  })
})

const REPLY_ID = '33333333-3333-4333-8333-333333333333'

function savedReply(id: string, title: string) {
  return {
    id,
    unit: null,
    title,
    body: 'Halo {nama}, …',
    tags: [],
    intents: [],
    variables: ['nama'],
    canManage: false,
    createdBy: null,
    updatedBy: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  }
}

const sentReply: InboxReply = {
  id: 'r1',
  itemId: ID1,
  body: 'x',
  status: 'sent',
  author: { id: 'u1', name: 'Sari' },
  url: null,
  error: null,
  errorKind: null,
  reason: null,
  attempts: 1,
  createdAt: '2026-12-07T02:02:00.000Z',
  sentAt: '2026-12-07T02:02:00.000Z',
}

async function chooseSavedReply(title: string) {
  const picker = await screen.findByTestId('inbox-saved-reply')
  await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false))
  fireEvent.click(picker)
  // The dropdown's opening transition leaves it "hidden" to jsdom's eyes.
  fireEvent.click(await screen.findByRole('option', { name: title, hidden: true }))
}

describe('the reply box helpers', () => {
  it('lists the saved replies for the open item and puts the rendered one in the reply box', async () => {
    const api = serve({
      'GET /api/saved-replies': {
        status: 200,
        body: {
          items: [
            savedReply(REPLY_ID, 'Jadwal vaksinasi'),
            savedReply('44444444-4444-4444-8444-444444444444', 'Terima kasih'),
          ],
          canManage: false,
        },
      },
      [`POST /api/saved-replies/${REPLY_ID}/render`]: {
        status: 200,
        body: {
          text: 'Halo Ibu Rina, vaksinasi setiap Senin. Tiket WT-AAAAA-BBBBB.',
          unresolved: [],
          values: { nama: 'Ibu Rina' },
          ticketNumber: 'WT-AAAAA-BBBBB',
        },
      },
      [`POST /api/inbox/items/${ID1}/replies`]: { status: 200, body: sentReply },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    await chooseSavedReply('Jadwal vaksinasi')
    await waitFor(() =>
      expect(screen.getByTestId<HTMLTextAreaElement>('inbox-reply').value).toBe(
        'Halo Ibu Rina, vaksinasi setiap Senin. Tiket WT-AAAAA-BBBBB.',
      ),
    )
    expect(api.calls.some((call) => call.path === `/api/saved-replies?itemId=${ID1}`)).toBe(true)
    const render = api.calls.find((call) => call.path === `/api/saved-replies/${REPLY_ID}/render`)
    expect(render?.body).toEqual({ itemId: ID1 })
    // No hoax match on this item: no clarification button.
    expect(screen.queryByTestId('inbox-clarify')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Kirim balasan' }))
    await waitFor(() =>
      expect(
        api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/replies'))?.body,
      ).toMatchObject({ text: 'Halo Ibu Rina, vaksinasi setiap Senin. Tiket WT-AAAAA-BBBBB.' }),
    )
  })

  it('refuses to send while a placeholder is left, and sends once it is replaced', async () => {
    const api = serve({
      'GET /api/saved-replies': {
        status: 200,
        body: { items: [savedReply(REPLY_ID, 'Jadwal vaksinasi')], canManage: false },
      },
      [`POST /api/saved-replies/${REPLY_ID}/render`]: {
        status: 200,
        body: {
          text: 'Halo [[nama]], setiap Senin.',
          unresolved: ['nama'],
          values: {},
          ticketNumber: 'WT-A',
        },
      },
      [`POST /api/inbox/items/${ID1}/replies`]: { status: 200, body: sentReply },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    await chooseSavedReply('Jadwal vaksinasi')
    const box = screen.getByTestId<HTMLTextAreaElement>('inbox-reply')
    await waitFor(() => expect(box.value).toBe('Halo [[nama]], setiap Senin.'))
    expect(screen.getByTestId('inbox-reply-unfilled').textContent).toBe(
      'Ganti [[nama]] dengan isinya sebelum mengirim.',
    )
    expect(box.getAttribute('aria-invalid')).toBe('true')
    const sendButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Kirim balasan' })
    expect(sendButton.disabled).toBe(true)
    // Ctrl+Enter does not get around it either.
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    fireEvent.submit(box.closest('form')!)
    expect(api.calls.some((call) => call.path.endsWith('/replies'))).toBe(false)
    fireEvent.change(box, { target: { value: 'Halo Ibu Rina, setiap Senin.' } })
    expect(screen.queryByTestId('inbox-reply-unfilled')).toBeNull()
    expect(sendButton.disabled).toBe(false)
    fireEvent.click(sendButton)
    await waitFor(() =>
      expect(
        api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/replies'))?.body,
      ).toMatchObject({ text: 'Halo Ibu Rina, setiap Senin.' }),
    )
  })

  it('fills the reply box with the hoax clarification when the item matched a claim', async () => {
    const api = serve({
      [`POST /api/inbox/items/${ID2}/clarification`]: {
        status: 200,
        body: {
          text: 'Vaksin tidak mengandung chip. Sumber: https://example.go.id/fakta',
          length: 64,
          maxLength: 300,
          shortened: false,
          platform: 'bluesky',
          claim: { id: 'c1', label: 'hoaks', claim: 'Vaksin mengandung chip' },
          sourceUrl: 'https://example.go.id/fakta',
        },
      },
    })
    renderAppAt(`/inbox?item=${ID2}`)
    fireEvent.click(await screen.findByRole('button', { name: 'Klarifikasi hoaks' }))
    await waitFor(() =>
      expect(screen.getByTestId<HTMLTextAreaElement>('inbox-reply').value).toBe(
        'Vaksin tidak mengandung chip. Sumber: https://example.go.id/fakta',
      ),
    )
    // Only filled: the operator reviews and sends.
    expect(api.calls.some((call) => call.path.endsWith('/replies'))).toBe(false)
  })
})

describe('hand-offs from the context pane', () => {
  const request = item({ intent: 'permohonan_informasi', body: 'Mohon salinan anggaran dinas 2026' })
  const complaint = item({ intent: 'keluhan', body: 'Saya mau melaporkan korupsi di kelurahan' })

  it('makes an information request a PPID case and links to it, for someone with ppid.manage', async () => {
    const ppidMe = testMe({ ...me, allowedActions: [...me.allowedActions, 'ppid.manage'] })
    const registered = thread(request, {
      handoff: {
        ppidCase: {
          id: 'case-1',
          registrationNumber: '0007/PPID/2026',
          status: 'registered',
          clockState: 'on_time',
          deadline: '2026-12-21',
        },
        laporReferral: null,
      },
    })
    const api = serve({
      '/api/auth/me': { status: 200, body: ppidMe },
      // Before the case, then (refetched once it is made) with it.
      [`GET /api/inbox/items/${ID1}`]: [
        { status: 200, body: thread(request) },
        ...Array.from({ length: 5 }, () => ({ status: 200, body: registered })),
      ],
      'POST /api/ppid/cases': {
        status: 200,
        body: { id: 'case-1', registrationNumber: '0007/PPID/2026' },
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const context = await screen.findByTestId('inbox-context')
    fireEvent.click(await within(context).findByRole('button', { name: 'Jadikan kasus PPID' }))
    const status = await screen.findByTestId('inbox-handoff-ppid')
    expect(status.textContent).toContain('Sudah menjadi kasus PPID 0007/PPID/2026')
    expect(status.textContent).toContain('Terdaftar · tenggat 21 Des 2026')
    const link = within(status).getByRole('link', { name: 'Buka kasus PPID 0007/PPID/2026' })
    expect(link.getAttribute('href')).toBe('/ppid/case-1')
    expect(within(context).queryByRole('button', { name: 'Jadikan kasus PPID' })).toBeNull()
    expect(api.calls.find((call) => call.path === '/api/ppid/cases')?.body).toEqual({ inboxItemId: ID1 })
  })

  it('links to the PPID list when the item is already a case', async () => {
    const ppidMe = testMe({ ...me, allowedActions: [...me.allowedActions, 'ppid.manage'] })
    serve({
      '/api/auth/me': { status: 200, body: ppidMe },
      [`GET /api/inbox/items/${ID1}`]: { status: 200, body: thread(request) },
      'POST /api/ppid/cases': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            key: 'ppid.already_case',
            params: { number: '0003/PPID/2026' },
            message: 'x',
          },
        },
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const context = await screen.findByTestId('inbox-context')
    fireEvent.click(await within(context).findByRole('button', { name: 'Jadikan kasus PPID' }))
    expect((await within(context).findByRole('alert')).textContent).toContain(
      'sudah terdaftar sebagai permohonan nomor 0003/PPID/2026',
    )
    const link = within(context).getByRole('link', { name: 'Buka daftar permohonan PPID' })
    expect(link.getAttribute('href')).toBe('/ppid')
  })

  it('offers no PPID case to someone without ppid.manage', async () => {
    serve({ [`GET /api/inbox/items/${ID1}`]: { status: 200, body: thread(request) } })
    renderAppAt(`/inbox?item=${ID1}`)
    await screen.findByTestId('inbox-context')
    expect(screen.queryByRole('button', { name: 'Jadikan kasus PPID' })).toBeNull()
  })

  it('refers a complaint to SP4N-LAPOR!, showing the out-of-scope refusal and recording the decision', async () => {
    const recorded = thread(complaint, {
      handoff: {
        ppidCase: null,
        laporReferral: {
          id: 'ref-1',
          laporTrackingId: null,
          status: 'out_of_scope',
          outOfScope: 'corruption',
          clockState: 'done',
          deadline: null,
        },
      },
    })
    const api = serve({
      [`GET /api/inbox/items/${ID1}`]: [
        { status: 200, body: thread(complaint) },
        ...Array.from({ length: 5 }, () => ({ status: 200, body: recorded })),
      ],
      'POST /api/lapor/referrals': [
        {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              key: 'lapor.out_of_scope_suspected',
              params: { kind: 'corruption', body: 'KPK' },
              message: 'x',
            },
          },
        },
        { status: 200, body: { id: 'ref-1', outOfScope: 'corruption' } },
      ],
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const context = await screen.findByTestId('inbox-context')
    fireEvent.click(await within(context).findByRole('button', { name: 'Rujuk ke SP4N-LAPOR!' }))
    const scope = await within(context).findByTestId('inbox-lapor-scope')
    expect(scope.textContent).toContain('tampaknya di luar lingkup SP4N-LAPOR! (corruption: rujuk ke KPK)')
    fireEvent.click(within(scope).getByRole('button', { name: 'Tandai di luar lingkup: Laporan korupsi' }))
    const status = await screen.findByTestId('inbox-handoff-lapor')
    expect(status.textContent).toContain('Sudah dicatat di luar lingkup SP4N-LAPOR!')
    const link = within(status).getByRole('link', { name: /Buka daftar LAPOR!/ })
    expect(link.getAttribute('href')).toBe('/lapor')
    expect(within(context).queryByRole('button', { name: 'Rujuk ke SP4N-LAPOR!' })).toBeNull()
    const sent = api.calls.filter((call) => call.path === '/api/lapor/referrals').map((call) => call.body)
    expect(sent).toEqual([{ inboxItemId: ID1 }, { inboxItemId: ID1, outOfScope: 'corruption' }])
  })

  it('shows each reply’s state with its reason and sends a failed or a checked unconfirmed reply again', async () => {
    const base = { ...sentReply, itemId: ID1, author: { id: 'u1', name: 'Sari' } }
    const replies: InboxReply[] = [
      { ...base, id: 'r-pending', body: 'Menunggu', status: 'pending', sentAt: null },
      { ...base, id: 'r-sending', body: 'Sedang dikirim', status: 'sending', sentAt: null },
      { ...base, id: 'r-sent', body: 'Sudah', status: 'sent', url: 'https://bsky.app/x' },
      {
        ...base,
        id: 'r-failed',
        body: 'Gagal kirim',
        status: 'failed',
        sentAt: null,
        errorKind: 'unavailable',
        reason: { key: 'inbox.reply_failed_unavailable', params: {} },
      },
      {
        ...base,
        id: 'r-unconfirmed',
        body: 'Tidak pasti',
        status: 'unconfirmed',
        sentAt: null,
        errorKind: 'unknown_outcome',
        reason: { key: 'inbox.reply_not_found_on_platform', params: {} },
      },
      { ...base, id: 'r-rejected', body: 'Ditolak', status: 'rejected', sentAt: null },
    ]
    const api = serve({
      [`GET /api/inbox/items/${ID1}`]: {
        status: 200,
        body: thread(first, {
          replies,
          actions: { work: true, reply: true, hide: true, delete: false, approve: true },
        }),
      },
      'POST /api/inbox/replies/r-failed/retry': { status: 200, body: { ...replies[3], status: 'sent' } },
      'POST /api/inbox/replies/r-unconfirmed/retry': { status: 200, body: { ...replies[4], status: 'sent' } },
    })
    const confirm = vi.fn(() => true)
    vi.stubGlobal('confirm', confirm)
    renderAppAt(`/inbox?item=${ID1}`)
    await screen.findByTestId('inbox-timeline')
    const states = await screen.findAllByTestId('inbox-reply-state')
    expect(states.map((state) => state.textContent)).toEqual([
      'Menunggu persetujuan',
      'Mengirim…',
      'Terkirim',
      'Gagal',
      'Belum pasti',
      'Ditolak',
    ])
    const reasons = screen.getAllByTestId('inbox-reply-reason').map((reason) => reason.textContent)
    expect(reasons).toEqual([
      'Balasan tidak terkirim: platform tidak dapat dihubungi, coba lagi.',
      'Pengiriman terputus dan balasan tidak ditemukan di percakapan; periksa platform sebelum mengirim ulang.',
    ])
    // Only the failed and the unconfirmed reply can go again; approving is for the pending one.
    const retries = screen.getAllByTestId('inbox-reply-retry')
    expect(retries.map((button) => button.textContent)).toEqual([
      'Kirim ulang',
      'Sudah diperiksa — kirim ulang',
    ])
    expect(screen.getAllByRole('button', { name: 'Setujui & kirim' })).toHaveLength(1)
    fireEvent.click(retries[0]!)
    fireEvent.click(retries[1]!)
    await waitFor(() => {
      const sent = api.calls.filter((call) => call.path.endsWith('/retry'))
      expect(sent.map((call) => [call.path, call.body])).toEqual([
        ['/api/inbox/replies/r-failed/retry', {}],
        ['/api/inbox/replies/r-unconfirmed/retry', { checked: true }],
      ])
    })
    // The unconfirmed one asked the operator to check the platform first.
    expect(confirm).toHaveBeenCalledTimes(1)
  })

  it('names the reply states in English and offers no retry when the item is closed', async () => {
    const failed: InboxReply = {
      ...sentReply,
      id: 'r-failed',
      status: 'failed',
      sentAt: null,
      errorKind: 'rejected',
      reason: { key: 'inbox.reply_failed_rejected', params: {} },
    }
    serve({
      '/api/auth/me': { status: 200, body: { ...me, user: { ...me.user, locale: 'en' } } },
      [`GET /api/inbox/items/${ID1}`]: {
        status: 200,
        body: thread(item({ status: 'closed' }), {
          replies: [failed, { ...failed, id: 'r-unc', status: 'unconfirmed', reason: null }],
        }),
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const states = await screen.findAllByTestId('inbox-reply-state')
    expect(states.map((state) => state.textContent)).toEqual(['Failed', 'Not confirmed'])
    expect(screen.getByTestId('inbox-reply-reason').textContent).toBe('The platform refused the reply.')
    expect(screen.queryByTestId('inbox-reply-retry')).toBeNull()
  })
})

describe('an item already handed on', () => {
  it('says in the thread which PPID case and LAPOR! referral it has, and offers neither again', async () => {
    const ppidMe = testMe({ ...me, allowedActions: [...me.allowedActions, 'ppid.manage'] })
    const request = item({ intent: 'permohonan_informasi', body: 'Mohon salinan anggaran dinas 2026' })
    const complaint = item({ id: ID2, intent: 'keluhan', body: 'Lampu jalan mati sebulan' })
    serve({
      '/api/auth/me': { status: 200, body: ppidMe },
      [`GET /api/inbox/items/${ID1}`]: {
        status: 200,
        body: thread(request, {
          handoff: {
            ppidCase: {
              id: 'case-9',
              registrationNumber: '0009/PPID/2026',
              status: 'extended',
              clockState: 'overdue',
              deadline: '2026-12-01',
            },
            laporReferral: null,
          },
        }),
      },
      [`GET /api/inbox/items/${ID2}`]: {
        status: 200,
        body: thread(complaint, {
          handoff: {
            ppidCase: null,
            laporReferral: {
              id: 'ref-2',
              laporTrackingId: 'LAPOR-2611042',
              status: 'verified',
              outOfScope: null,
              clockState: 'due_soon',
              deadline: '2026-12-09',
            },
          },
        }),
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const ppid = await screen.findByTestId('inbox-handoff-ppid')
    expect(ppid.textContent).toContain('Sudah menjadi kasus PPID 0009/PPID/2026')
    expect(ppid.textContent).toContain('Diperpanjang · tenggat 1 Des 2026')
    expect(within(ppid).getByText('Terlambat')).toBeTruthy()
    expect(within(ppid).getByRole('link').getAttribute('href')).toBe('/ppid/case-9')
    expect(screen.queryByRole('button', { name: 'Jadikan kasus PPID' })).toBeNull()

    fireEvent.click(screen.getAllByTestId('inbox-row')[0]!)
    const lapor = await screen.findByTestId('inbox-handoff-lapor')
    expect(lapor.textContent).toContain('Sudah dirujuk ke SP4N-LAPOR! — nomor LAPOR-2611042')
    expect(lapor.textContent).toContain('Terverifikasi · tenggat 9 Des 2026')
    expect(screen.queryByRole('button', { name: 'Rujuk ke SP4N-LAPOR!' })).toBeNull()
  })
})

describe('a thread with many citizens', () => {
  const wahyu = item({
    id: ID1,
    author: { externalId: 'w-wahyu', handle: 'wahyu.s', name: 'Wahyu' },
    body: 'Kapan posyandu di RW 05 buka lagi?',
    createdAt: '2026-12-07T03:00:00.000Z',
  })
  const sari = item({
    id: 'i-sari',
    author: { externalId: 'w-sari', handle: 'sari.d', name: 'Sari' },
    body: 'Jalan ke puskesmas banjir',
    createdAt: '2026-12-07T01:00:00.000Z',
  })
  const wahyuAgain = item({
    id: 'i-wahyu-2',
    author: wahyu.author,
    body: 'Terima kasih, min',
    createdAt: '2026-12-07T05:00:00.000Z',
  })
  const reply = (id: string, itemId: string, body: string, createdAt: string) => ({
    id,
    itemId,
    body,
    status: 'sent' as const,
    author: { id: 'u1', name: 'Admin Dinkes' },
    url: null,
    error: null,
    errorKind: null,
    reason: null,
    attempts: 1,
    createdAt,
    sentAt: createdAt,
  })
  const conversation = thread(wahyu, {
    thread: [sari, wahyu, wahyuAgain],
    replies: [
      reply('r-sari', 'i-sari', 'Kami teruskan ke dinas PU, Bu Sari.', '2026-12-07T02:00:00.000Z'),
      reply('r-wahyu', ID1, 'Posyandu buka Senin, Pak Wahyu.', '2026-12-07T04:00:00.000Z'),
    ],
  })

  it('shows the opened item first and marked, with our replies to that citizen, and the others folded away', async () => {
    serve({ [`GET /api/inbox/items/${ID1}`]: { status: 200, body: conversation } })
    renderAppAt(`/inbox?item=${ID1}`)
    const opened = await screen.findByTestId('inbox-group-opened')
    const entries = [...opened.children].map((entry) => entry.textContent ?? '')
    expect(entries).toHaveLength(3)
    expect(entries[0]).toContain('Kapan posyandu di RW 05 buka lagi?')
    expect(entries[1]).toContain('Admin Dinkes → @wahyu.s')
    expect(entries[1]).toContain('Posyandu buka Senin, Pak Wahyu.')
    expect(entries[2]).toContain('Terima kasih, min')
    const marked = within(opened).getByTestId('inbox-opened-item')
    expect(marked.textContent).toContain('Yang Anda buka')
    expect(marked.textContent).toContain('Kapan posyandu di RW 05 buka lagi?')
    // Sari's comment and our reply to her are not in Wahyu's conversation, and folded until asked for.
    expect(opened.textContent).not.toContain('Jalan ke puskesmas banjir')
    expect(screen.queryByText('Jalan ke puskesmas banjir')).toBeNull()
    const toggle = screen.getByTestId('inbox-others-toggle')
    expect(toggle.textContent).toBe('Tampilkan warga lain di percakapan ini (1)')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(toggle)
    const other = await screen.findByTestId('inbox-group-other')
    expect(other.textContent).toContain('Jalan ke puskesmas banjir')
    expect(other.textContent).toContain('Admin Dinkes → @sari.d')
    expect(screen.getByLabelText('Balasan untuk @wahyu.s')).toBe(screen.getByTestId('inbox-reply'))
  })
})

/** Switching items loads a lazy route and a thread: on a busy machine that takes longer than the default second. */
const SLOW = { timeout: 5000 }

/** Waits until the thread pane shows an item's text (switching items replaces the pane asynchronously). */
async function showsThread(text: string) {
  await waitFor(() => expect(screen.getByTestId('inbox-thread').textContent).toContain(text), SLOW)
}

function replyText(): string {
  return screen.getByTestId<HTMLTextAreaElement>('inbox-reply').value
}

/** A screen whose width the test sets: the inbox's phone layout follows `(max-width: 62em)`. */
function screenWidth(phone: boolean) {
  const listeners = new Set<(event: { matches: boolean }) => void>()
  const isPhoneQuery = (query: string) => query.includes('max-width: 62em')
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return isPhoneQuery(query) && phone
    },
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: (_: string, listener: (event: { matches: boolean }) => void) => {
      if (isPhoneQuery(query)) listeners.add(listener)
    },
    removeEventListener: (_: string, listener: (event: { matches: boolean }) => void) =>
      listeners.delete(listener),
    dispatchEvent: () => false,
  }))
  return {
    set(next: boolean) {
      phone = next
      act(() => listeners.forEach((listener) => listener({ matches: next })))
    },
  }
}

describe('a reply being written', () => {
  it('survives switching to another item and back, and is gone once sent', async () => {
    const api = serve({
      [`POST /api/inbox/items/${ID1}/replies`]: {
        status: 200,
        body: {
          id: 'r1',
          itemId: ID1,
          body: 'Jadwal vaksinasi Senin pukul 08.00.',
          status: 'sent',
          author: { id: 'u1', name: 'Admin' },
          url: null,
          error: null,
          createdAt: '2026-12-07T02:05:00.000Z',
          sentAt: '2026-12-07T02:05:00.000Z',
        },
      },
    })
    renderAppAt(`/inbox?item=${ID1}`)
    const box = await screen.findByTestId('inbox-reply', {}, SLOW)
    fireEvent.change(box, { target: { value: 'Jadwal vaksinasi Senin pukul 08.00.' } })
    const rows = screen.getAllByTestId('inbox-row')
    fireEvent.click(rows[0]!)
    await showsThread('Jalan rusak belum diperbaiki')
    expect(replyText()).toBe('')
    fireEvent.click(screen.getAllByTestId('inbox-row')[1]!)
    await showsThread('Kapan jadwal vaksinasi?')
    expect(replyText()).toBe('Jadwal vaksinasi Senin pukul 08.00.')

    fireEvent.click(screen.getByRole('button', { name: 'Kirim balasan' }))
    await waitFor(() => expect(api.calls.some((call) => call.path.endsWith('/replies'))).toBe(true), SLOW)
    await waitFor(() => expect(replyText()).toBe(''), SLOW)
    fireEvent.click(screen.getAllByTestId('inbox-row')[0]!)
    await showsThread('Jalan rusak belum diperbaiki')
    fireEvent.click(screen.getAllByTestId('inbox-row')[1]!)
    await showsThread('Kapan jadwal vaksinasi?')
    expect(replyText()).toBe('')
  }, 20_000)

  it('survives the screen crossing the phone breakpoint, which rebuilds the panes', async () => {
    const width = screenWidth(false)
    serve()
    renderAppAt(`/inbox?item=${ID1}`)
    await screen.findByTestId('inbox-panes', {}, SLOW)
    fireEvent.change(await screen.findByTestId('inbox-reply', {}, SLOW), {
      target: { value: 'Baik Bu Rina, jadwalnya Senin.' },
    })
    width.set(true)
    await screen.findByTestId('inbox-phone', {}, SLOW)
    expect(screen.queryByTestId('inbox-panes')).toBeNull()
    expect((await screen.findByTestId<HTMLTextAreaElement>('inbox-reply', {}, SLOW)).value).toBe(
      'Baik Bu Rina, jadwalnya Senin.',
    )
    width.set(false)
    await screen.findByTestId('inbox-panes', {}, SLOW)
    expect(replyText()).toBe('Baik Bu Rina, jadwalnya Senin.')
  }, 20_000)
})
