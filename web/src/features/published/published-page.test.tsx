import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { SessionProvider } from '../../app/session.tsx'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { EMPTY_PUBLISHED_FILTERS, publishedQueryString } from './published-queries.ts'
import { PublishedPage } from './published-page.tsx'
import type { PublishedItem, PublishedPage as Page } from './published-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const published: PublishedItem = {
  variantId: 'v1',
  postId: 'p1',
  title: 'Vaksinasi gratis',
  text: 'Vaksinasi gratis di puskesmas.',
  tags: ['kesehatan'],
  campaign: 'Sehat 2026',
  unit: { id: 'u1', name: 'Dinas Kesehatan' },
  account: { id: 'a1', platform: 'bluesky', handle: 'dinkes.bsky.social' },
  author: { id: 'w1', name: 'Budi Santoso' },
  status: 'published',
  at: '2026-03-01T03:00:00.000Z',
  publishedAt: '2026-03-01T03:00:00.000Z',
  url: 'https://bsky.app/profile/dinkes/post/1',
  lastErrorKind: null,
  metrics: { likes: 12345, shares: 7, replies: 3, quotes: 0, views: null },
  metricsAt: '2026-03-01T04:00:00.000Z',
}
const unconfirmed: PublishedItem = {
  ...published,
  variantId: 'v2',
  account: { id: 'a2', platform: 'sandbox', handle: 'humas.latihan' },
  status: 'unconfirmed',
  url: null,
  publishedAt: null,
  metrics: null,
  metricsAt: null,
}
const page: Page = {
  items: [published, unconfirmed],
  total: 2,
  totals: { posts: 1, likes: 12345, shares: 7, replies: 3, views: 0 },
}

/** A pengelola of the Dinas Kesehatan: they read its posts, not the Sekretariat's. */
const me = testMe({
  grants: [{ role: 'pengelola', unitId: 'u1', unitName: 'Dinas Kesehatan', unitPath: '/root/u1/' }],
})
const units = {
  items: [
    {
      id: 'root',
      parentId: null,
      code: 'SETDA',
      name: 'Sekretariat Daerah',
      path: '/root/',
      archivedAt: null,
    },
    {
      id: 'u1',
      parentId: 'root',
      code: 'DINKES',
      name: 'Dinas Kesehatan',
      path: '/root/u1/',
      archivedAt: null,
    },
  ],
}

function renderPage(locale: 'id' | 'en' = 'id') {
  return renderWithProviders(
    <SessionProvider me={me}>
      <PublishedPage />
    </SessionProvider>,
    { locale },
  )
}

describe('the published registry page', () => {
  it('shows each publication with its place, time in WIB, author, link, metrics and the totals', async () => {
    const api = fakeApi({ 'GET /api/published': { status: 200, body: page } })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage()
    const table = await screen.findByTestId('published-table')
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    const first = within(rows[1]!)
    expect(first.getByText('Vaksinasi gratis')).toBeTruthy()
    expect(first.getByText('dinkes.bsky.social')).toBeTruthy()
    expect(first.getByText('1 Mar 2026 10.00 WIB')).toBeTruthy()
    expect(first.getByText('Budi Santoso')).toBeTruthy()
    expect(first.getByRole('link', { name: 'Buka' }).getAttribute('href')).toBe(published.url)
    expect(first.getByText('12.345 suka · 7 dibagikan · 3 balasan')).toBeTruthy()
    const second = within(rows[2]!)
    expect(second.getByText('Belum pasti')).toBeTruthy()
    expect(second.queryByRole('link', { name: 'Buka' })).toBeNull()
    const totals = within(screen.getByTestId('published-totals'))
    expect(totals.getByText('12.345')).toBeTruthy()
  })

  it('asks the API again with the chosen filters, from the first page', async () => {
    const api = fakeApi({ 'GET /api/published': { status: 200, body: page } })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage('en')
    await screen.findByTestId('published-table')
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } })
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'likes' } })
    await waitFor(() =>
      expect(
        api.calls.some((call) => call.path.includes('status=failed') && call.path.includes('sort=likes')),
      ).toBe(true),
    )
  })

  it('offers in the unit filter only the units whose posts the person reads', async () => {
    const api = fakeApi({
      'GET /api/published': { status: 200, body: page },
      'GET /api/units': { status: 200, body: units },
    })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage()
    const select = screen.getByLabelText('Unit kerja')
    await waitFor(() => expect(within(select).queryByText(/Dinas Kesehatan/)).toBeTruthy())
    expect(within(select).queryByText(/Sekretariat Daerah/)).toBeNull()
  })

  it('writes the filters as the API reads them, WIB days as typed', () => {
    expect(
      publishedQueryString(
        { ...EMPTY_PUBLISHED_FILTERS, q: ' banjir ', from: '2026-03-01', to: '2026-03-31', tag: 'bencana' },
        50,
      ),
    ).toBe('?q=banjir&from=2026-03-01&to=2026-03-31&tag=bencana&limit=50&offset=50')
  })
})
