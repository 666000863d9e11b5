import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { isOnItsWay, PublicationsPanel } from './publications-panel.tsx'
import type { Publication, Publications } from './post-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const postId = '11111111-1111-4111-8111-111111111111'
const path = `/api/posts/${postId}/publications`

const published: Publication = {
  variantId: '22222222-2222-4222-8222-222222222222',
  accountId: 'a1',
  platform: 'bluesky',
  handle: 'humas.semarangkota.go.id',
  status: 'published',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  platformPostId: 'at://did:plc:x/app.bsky.feed.post/1',
  url: 'https://bsky.app/profile/humas.semarangkota.go.id/post/1',
  publishedAt: '2026-12-01T03:00:00.000Z',
  needsReconnect: false,
  metrics: { likes: 1234, shares: 12, replies: 8, quotes: 2, views: null },
  metricsAt: '2026-12-01T04:00:30.000Z',
  deletedOnPlatform: false,
  readings: [
    {
      checkpoint: '1h',
      plannedAt: '2026-12-01T04:00:00.000Z',
      state: 'read',
      metrics: { likes: 1234, shares: 12, replies: 8, quotes: 2, views: null },
      fetchedAt: '2026-12-01T04:00:30.000Z',
    },
    {
      checkpoint: '24h',
      plannedAt: '2026-12-02T03:00:00.000Z',
      state: 'waiting',
      metrics: null,
      fetchedAt: null,
    },
    {
      checkpoint: '7d',
      plannedAt: '2026-12-08T03:00:00.000Z',
      state: 'waiting',
      metrics: null,
      fetchedAt: null,
    },
  ],
}

const failed: Publication = {
  ...published,
  variantId: '33333333-3333-4333-8333-333333333333',
  accountId: 'a2',
  platform: 'sandbox',
  handle: 'humas.latihan',
  status: 'failed',
  attempts: 5,
  lastError: {
    kind: 'unavailable',
    key: 'publishing.error.unavailable',
    message: 'Platform sedang tidak dapat dihubungi; unggahan dicoba lagi nanti.',
    platformMessage: '503: service unavailable',
  },
  platformPostId: null,
  url: null,
  publishedAt: null,
  metrics: null,
  metricsAt: null,
  readings: [],
}

const scheduled: Publication = {
  ...failed,
  variantId: '44444444-4444-4444-8444-444444444444',
  status: 'scheduled',
  attempts: 1,
  nextAttemptAt: '2026-12-01T05:30:00.000Z',
}

function answer(items: Publication[], postStatus: Publications['postStatus'] = 'failed') {
  return { status: 200, body: { postStatus, items } satisfies Publications }
}

describe('the publications panel', () => {
  it('shows each account in words: state, attempts, the error with the platform’s text, the link and the metrics', async () => {
    const api = fakeApi({ [`GET ${path}`]: answer([published, failed]) })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PublicationsPanel postId={postId} />)
    const cards = await screen.findAllByTestId('publication')
    const first = within(cards[0]!)
    expect(first.getByText('Bluesky · humas.semarangkota.go.id')).toBeTruthy()
    expect(first.getByText('Terbit')).toBeTruthy()
    expect(first.getByRole('link', { name: 'Buka unggahan di platform' }).getAttribute('href')).toBe(
      published.url,
    )
    expect(first.getByTestId('metrics').textContent).toBe('1.234 suka12 bagikan8 balasan')
    expect(first.getByText(/Metrik dibaca 1 Des 2026 11\.00 WIB/)).toBeTruthy()
    expect(first.getByTestId('readings').textContent).toContain('+24 jam: akan dibaca 2 Des 2026 10.00 WIB')
    const second = within(cards[1]!)
    expect(second.getByText('Gagal')).toBeTruthy()
    expect(second.getByText('Percobaan: 5')).toBeTruthy()
    expect(second.getByText(failed.lastError!.message)).toBeTruthy()
    expect(second.getByText('Pesan platform: 503: service unavailable')).toBeTruthy()
    expect(second.getByRole('button', { name: 'Kirim ulang' })).toBeTruthy()
    expect(first.queryByRole('button', { name: 'Kirim ulang' })).toBeNull()
  })

  it('speaks English when asked, with the next attempt in WIB', async () => {
    const api = fakeApi({ [`GET ${path}`]: answer([scheduled], 'scheduled') })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PublicationsPanel postId={postId} />, { locale: 'en' })
    expect(await screen.findByText('Scheduled')).toBeTruthy()
    expect(screen.getByText(/Next attempt 1 Dec 2026 12:30 WIB/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel post' })).toBeTruthy()
  })

  it('sends a failed account again and shows what the server says next', async () => {
    const api = fakeApi({
      [`GET ${path}`]: [
        answer([failed]),
        answer([{ ...failed, status: 'scheduled', attempts: 0 }], 'scheduled'),
      ],
      [`POST ${path}/${failed.variantId}/retry`]: {
        status: 200,
        body: { variantId: failed.variantId, nextAttemptAt: '2026-12-01T05:00:00.000Z' },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PublicationsPanel postId={postId} />)
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Kirim ulang' }))
    })
    expect(await screen.findByText('Terjadwal')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/retry'))).toBe(true)
  })

  it('offers no retry while the account needs a reconnect, and says who must act', async () => {
    const api = fakeApi({ [`GET ${path}`]: answer([{ ...failed, needsReconnect: true }]) })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PublicationsPanel postId={postId} />)
    expect(await screen.findByText(/perlu dihubungkan ulang oleh penanggung jawab/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Kirim ulang' }).hasAttribute('disabled')).toBe(true)
  })

  it('cancels a scheduled post after asking', async () => {
    const api = fakeApi({
      [`GET ${path}`]: [
        answer([scheduled], 'scheduled'),
        answer([{ ...scheduled, status: 'cancelled' }], 'cancelled'),
      ],
      [`POST /api/posts/${postId}/cancel`]: {
        status: 200,
        body: { cancelledVariantIds: [scheduled.variantId] },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PublicationsPanel postId={postId} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Batalkan unggahan' }))
    const dialog = await screen.findByRole('dialog')
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Batalkan unggahan' }))
    })
    expect(await screen.findByText('Dibatalkan')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/cancel'))).toBe(true)
  })

  it('keeps itself fresh only while something goes out now or within minutes', () => {
    const now = Date.parse('2026-12-01T05:00:00.000Z')
    const at = (iso: string) => ({ ...scheduled, nextAttemptAt: iso })
    expect(isOnItsWay(at('2026-12-01T05:03:00.000Z'), now)).toBe(true)
    expect(isOnItsWay(at('2026-12-08T05:00:00.000Z'), now)).toBe(false)
    expect(isOnItsWay({ ...scheduled, status: 'publishing' }, now)).toBe(true)
    expect(isOnItsWay({ ...scheduled, status: 'unconfirmed' }, now)).toBe(true)
    expect(isOnItsWay(published, now)).toBe(false)
    expect(isOnItsWay(failed, now)).toBe(false)
    expect(isOnItsWay({ ...failed, status: 'pending', nextAttemptAt: null }, now)).toBe(false)
  })
})
