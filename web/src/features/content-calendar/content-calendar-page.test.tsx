import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { CalendarYear } from '../calendar/calendar-types.ts'
import type { CalendarPost, CalendarPosts } from './content-calendar-types.ts'

const pj: Me = testMe({
  allowedActions: ['unit.read', 'calendar.read', 'account.read', 'post.read', 'post.approve'],
})

const UNIT = '0b7a3c8e-5d41-4f2a-9c1e-2a3b4c5d6e7f'

function calendarPost(overrides: Partial<CalendarPost> = {}): CalendarPost {
  return {
    id: 'f0c1a2b3-0000-4000-8000-000000000001',
    title: 'Vaksinasi gratis',
    status: 'scheduled',
    unit: { id: UNIT, name: 'Dinas Kesehatan' },
    crisis: false,
    version: 3,
    scheduledAt: '2027-01-12T02:00:00.000Z',
    publishedAt: null,
    at: '2027-01-12T02:00:00.000Z',
    movable: true,
    variants: [
      {
        id: 'v1',
        accountId: 'a1',
        platform: 'x',
        handle: '@DinkesKota',
        status: 'scheduled',
      },
    ],
    ...overrides,
  }
}

function posts(items: CalendarPost[]): CalendarPosts {
  return { from: '2027-01-10T17:00:00.000Z', to: '2027-01-17T17:00:00.000Z', items, truncated: false }
}

function holidays(year: number): CalendarYear {
  return {
    year,
    hasTable: false,
    source: null,
    declaredComplete: false,
    settings: { cutiBersamaIsWorkingDay: false, extraYearsWithTable: [], weekendDays: [0, 6] },
    missingTables: [],
    days: [
      {
        date: '2027-01-15',
        kind: 'regional_holiday',
        name: 'Hari Jadi Kota',
        source: 'instansi',
        removed: false,
      },
    ],
  }
}

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: pj },
    '/api/calendar': { status: 200, body: holidays(2027) },
    '/api/units': {
      status: 200,
      body: {
        items: [
          {
            id: UNIT,
            parentId: null,
            code: 'DINKES',
            name: 'Dinas Kesehatan',
            kind: 'dinas',
            path: `/${UNIT}/`,
            archivedAt: null,
            attributes: {},
          },
        ],
      },
    },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const LIST = '/kalender-konten?view=list&date=2027-01-11'
/** The page's code (FullCalendar) loads lazily: on a busy machine the first render takes longer than 1 s. */
const LOADED = { timeout: 10_000 }

describe('content calendar page', () => {
  it('lists the posts with the time in the chosen zone and the status in words, and the libur daerah', async () => {
    serve({ '/api/posts/calendar': { status: 200, body: posts([calendarPost()]) } })
    renderAppAt(LIST)
    const post = await screen.findByTestId('calendar-post', {}, LOADED)
    expect(post.textContent).toBe('09.00 Terjadwal Vaksinasi gratis · X')
    expect(await screen.findByText(/Tabel hari libur nasional 2027 belum ada/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Kalender hari kerja dan hari libur' })).toBeTruthy()
  })

  it('asks the API again with the filter chosen, and keeps it in the address', async () => {
    const calls = serve({ '/api/posts/calendar': { status: 200, body: posts([calendarPost()]) } })
    const { router } = renderAppAt(LIST)
    await screen.findByTestId('calendar-post', {}, LOADED)
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'in_review' } })
    })
    await waitFor(() =>
      expect(
        calls.some(
          (call) => call.path.includes('/api/posts/calendar') && call.path.includes('status=in_review'),
        ),
      ).toBe(true),
    )
    expect(router.state.location.search).toMatchObject({ status: 'in_review', view: 'list' })
  })

  it('reschedules from the post dialog and says it went back for approval', async () => {
    const calls = serve({
      '/api/posts/calendar': { status: 200, body: posts([calendarPost()]) },
      [`POST /api/posts/${calendarPost().id}/reschedule`]: {
        status: 200,
        body: {
          id: calendarPost().id,
          title: 'Vaksinasi gratis',
          status: 'in_review',
          scheduledAt: '2027-01-13T03:30:00.000Z',
        },
      },
    })
    renderAppAt(`${LIST}&tz=WITA`)
    fireEvent.click(await screen.findByTestId('calendar-post', {}, LOADED))
    const dialog = await screen.findByRole('dialog')
    const input = within(dialog).getByLabelText('Waktu tayang baru (WITA)')
    expect((input as HTMLInputElement).value).toBe('2027-01-12T10:00')
    fireEvent.change(input, { target: { value: '2027-01-13T11:30' } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Jadwalkan ulang' }))
    })
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true))
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      version: 3,
      scheduledAt: '2027-01-13T03:30:00.000Z',
    })
    expect(
      await screen.findByText(/"Vaksinasi gratis" dijadwalkan ulang ke .* dan kembali ke persetujuan/),
    ).toBeTruthy()
  })

  it('says in words why a move was refused', async () => {
    serve({
      '/api/posts/calendar': { status: 200, body: posts([calendarPost()]) },
      [`POST /api/posts/${calendarPost().id}/reschedule`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            key: 'posts.version_conflict',
            params: {},
            message: 'Unggahan ini baru saja diubah orang lain; muat ulang lalu ulangi perubahan Anda.',
          },
        },
      },
    })
    renderAppAt(LIST)
    fireEvent.click(await screen.findByTestId('calendar-post', {}, LOADED))
    const dialog = await screen.findByRole('dialog')
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Jadwalkan ulang' }))
    })
    expect((await within(dialog).findByRole('alert')).textContent).toContain('baru saja diubah orang lain')
  })

  it('offers no new time for a post that cannot be moved', async () => {
    serve({
      '/api/posts/calendar': {
        status: 200,
        body: posts([
          calendarPost({ status: 'published', movable: false, publishedAt: '2027-01-12T02:01:00.000Z' }),
        ]),
      },
    })
    renderAppAt(LIST)
    expect((await screen.findByTestId('calendar-post', {}, LOADED)).textContent).toContain('Terbit')
    fireEvent.click(screen.getByTestId('calendar-post'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).queryByRole('button', { name: 'Jadwalkan ulang' })).toBeNull()
    expect(within(dialog).getByText(/Hanya unggahan yang sudah disetujui/)).toBeTruthy()
  })
})
