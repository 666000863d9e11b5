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
  ppid: {
    received: 14,
    byStatus: {
      open: 3,
      extended: 2,
      decided: { granted: 5, partially_granted: 1, refused: 1, not_held: 0 },
      objection: 2,
    },
    decidedWithinNotice: 6,
    decidedWithinExtension: 2,
    decidedLate: 1,
    overdueNow: 1,
    medianWorkingDaysToDecision: 8.5,
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

  it('shows the PPID cases of the period by status against the KIP clock, in both languages', async () => {
    const api = fakeApi({ 'GET /api/inbox-numbers': { status: 200, body: report } })
    vi.stubGlobal('fetch', api.fetchMock)
    const { unmount } = renderPage()
    const ppid = within(await screen.findByTestId('inbox-numbers-ppid'))
    const figure = (label: string) => ppid.getByText(label).nextElementSibling?.textContent
    expect(figure('Permohonan diterima')).toBe('14')
    expect(figure('Diperpanjang')).toBe('2')
    expect(figure('Diputus: Diterima')).toBe('5')
    expect(figure('Diputus ≤ 10 hari kerja')).toBe('6')
    expect(ppid.getByText('66,7% dari yang diputus')).toBeTruthy()
    expect(figure('Diputus dalam perpanjangan (≤ 17 hari kerja)')).toBe('2')
    expect(figure('Lewat tenggat sekarang')).toBe('1')
    expect(figure('Median sampai putusan')).toBe('8,5 hari kerja')
    unmount()

    renderPage('en')
    const english = within(await screen.findByTestId('inbox-numbers-ppid'))
    expect(english.getByText('Decided within 10 working days').nextElementSibling?.textContent).toBe('6')
    expect(english.getByText('Median to decision').nextElementSibling?.textContent).toBe('8.5 working days')
  })

  it('says so when no PPID case was received in the period', async () => {
    const none = { ...report, ppid: { ...report.ppid, received: 0 } }
    const api = fakeApi({ 'GET /api/inbox-numbers': { status: 200, body: none } })
    vi.stubGlobal('fetch', api.fetchMock)
    renderPage()
    expect((await screen.findByTestId('inbox-numbers-ppid')).textContent).toMatch(
      /Tidak ada permohonan informasi/,
    )
  })
})
