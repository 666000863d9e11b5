import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { SessionProvider } from '../../app/session.tsx'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { InboxNumbersPage } from './inbox-numbers-page.tsx'
import type { InboxNumbers } from './inbox-numbers-queries.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const figures = (over: Partial<InboxNumbers['overall']> = {}): InboxNumbers['overall'] => ({
  received: 1250,
  answered: 1100,
  medianFirstResponseSeconds: 45 * 60,
  p90FirstResponseSeconds: 3 * 3600 + 20 * 60,
  withTarget: 1000,
  onTime: 700,
  breached: 300,
  pending: 12,
  ...over,
})

const report: InboxNumbers = {
  from: '2026-11-08',
  to: '2026-12-07',
  overall: figures(),
  byUnit: [
    { unitId: 'u1', unitName: 'Dinas Kesehatan', ...figures({ onTime: 98, breached: 2 }) },
    { unitId: 'u2', unitName: 'Dinas Pendidikan', ...figures({ onTime: 50, breached: 50 }) },
  ],
  byAccount: [{ accountId: 'a1', platform: 'instagram', handle: 'dinkes.sukamaju', ...figures() }],
  byIntent: [
    { intent: 'pertanyaan', count: 900 },
    { intent: 'keluhan', count: 300 },
    { intent: null, count: 50 },
  ],
  bySentiment: [{ sentiment: 'negatif', count: 400 }],
  backlog: {
    open: 15,
    oldestReceivedAt: '2026-12-01T03:00:00.000Z',
    byAge: { underHour: 5, hours1to8: 4, hours8to24: 3, days1to3: 1, overDays3: 2 },
  },
}

const me = testMe({
  grants: [{ role: 'analis', unitId: 'root', unitName: 'Sekretariat Daerah', unitPath: '/root/' }],
})

function renderPage(locale: 'id' | 'en' = 'id') {
  return renderWithProviders(
    <SessionProvider me={me}>
      <InboxNumbersPage />
    </SessionProvider>,
    { locale },
  )
}

describe('the inbox numbers page', () => {
  it('shows the period, first-response times, the share on time, the backlog and the volume', async () => {
    const api = fakeApi({ 'GET /api/inbox-numbers': { status: 200, body: report } })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage()
    const overall = within(await screen.findByTestId('inbox-numbers-overall'))
    expect(overall.getByText('1.250')).toBeTruthy()
    expect(overall.getByText('45 mnt')).toBeTruthy()
    expect(overall.getByText('3 j 20 mnt')).toBeTruthy()
    expect(overall.getByText('70%')).toBeTruthy()
    expect(screen.getByText('Periode 8 Nov 2026 s.d. 7 Des 2026')).toBeTruthy()
    expect(screen.getByText(/15 pesan menunggu jawaban/)).toBeTruthy()
    expect(screen.getByText('Dinas Pendidikan')).toBeTruthy()
    expect(screen.getByText('98%')).toBeTruthy()
    expect(screen.getByText('Keluhan')).toBeTruthy()
    expect(screen.getByText('Belum diklasifikasi')).toBeTruthy()
  })

  it('speaks English and asks again for the chosen period', async () => {
    const api = fakeApi({ 'GET /api/inbox-numbers': { status: 200, body: report } })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage('en')
    const overall = within(await screen.findByTestId('inbox-numbers-overall'))
    expect(overall.getByText('45 min')).toBeTruthy()
    expect(overall.getByText('700 on time, 300 late')).toBeTruthy()
    expect(screen.getByText('Complaint')).toBeTruthy()
    await waitFor(() =>
      expect(api.calls.some((call) => call.path.startsWith('/api/inbox-numbers'))).toBe(true),
    )
  })
})
