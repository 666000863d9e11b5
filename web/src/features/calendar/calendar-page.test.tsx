import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { CalendarYear } from './calendar-types.ts'

const admin: Me = testMe({
  allowedActions: ['unit.read', 'calendar.read', 'calendar.manage', 'account.read'],
})

const year = new Date().getFullYear()

function calendarYear(overrides: Partial<CalendarYear> = {}): CalendarYear {
  return {
    year,
    hasTable: true,
    source: 'SKB',
    declaredComplete: false,
    settings: { cutiBersamaIsWorkingDay: false, extraYearsWithTable: [], weekendDays: [0, 6] },
    missingTables: [],
    days: [
      {
        date: `${year}-08-17`,
        kind: 'holiday',
        name: 'Hari Kemerdekaan',
        source: 'national',
        removed: false,
      },
      {
        date: `${year}-12-25`,
        kind: 'working_day',
        name: 'Hari Raya Natal',
        source: 'instansi',
        replaces: { kind: 'holiday', name: 'Hari Raya Natal' },
        removed: true,
      },
    ],
    ...overrides,
  }
}

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: admin },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('calendar page', () => {
  it('shows a removed national holiday by its name and restores it without asking', async () => {
    const calls = serve({
      '/api/calendar': { status: 200, body: calendarYear() },
      [`POST /api/calendar/days/${year}-12-25/reset`]: {
        status: 200,
        body: { date: `${year}-12-25`, day: null },
      },
    })
    renderAppAt('/calendar')
    const table = await screen.findByRole('table', { name: `Hari libur dan cuti bersama ${year}` })
    const row = (await within(table).findByText('Dihapus: Hari Raya Natal')).closest('tr')!
    expect(within(row).getByText('Dihapus instansi')).toBeTruthy()
    expect(within(row).queryByRole('button', { name: /^Hapus/ })).toBeNull()
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: /^Pulihkan Hari Raya Natal/ }))
    })
    await waitFor(() =>
      expect(calls.some((call) => call.method === 'POST' && call.path.endsWith(`${year}-12-25/reset`))).toBe(
        true,
      ),
    )
    expect(await screen.findByText(/Hari Raya Natal \(25 Desember \d{4}\) dipulihkan/)).toBeTruthy()
  })

  it('asks before removing a national holiday and says it stays listed', async () => {
    const calls = serve({
      '/api/calendar': { status: 200, body: calendarYear() },
      [`DELETE /api/calendar/days/${year}-08-17`]: {
        status: 200,
        body: { date: `${year}-08-17`, removed: true },
      },
    })
    renderAppAt('/calendar')
    fireEvent.click(await screen.findByRole('button', { name: /^Hapus Hari Kemerdekaan/ }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('Dihapus: Hari Kemerdekaan')
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Jadikan hari kerja' }))
    })
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true))
  })

  it('says a replacement working day was added, not a holiday', async () => {
    const calls = serve({
      '/api/calendar': { status: 200, body: calendarYear() },
      'POST /api/calendar/days': {
        status: 200,
        body: {
          date: `${year}-01-03`,
          kind: 'working_day',
          name: 'Pengganti',
          source: 'instansi',
          removed: false,
        },
      },
    })
    renderAppAt('/calendar')
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah hari libur' }))
    const form = await screen.findByRole('region', { name: 'Tambah hari libur' })
    fireEvent.change(within(form).getByLabelText('Keterangan'), {
      target: { value: 'Pengganti cuti bersama' },
    })
    fireEvent.change(within(form).getByLabelText('Jenis'), { target: { value: 'working_day' } })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }))
    })
    expect(await screen.findByText(/^Hari kerja pengganti ditambahkan: 1 Januari/)).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({ kind: 'working_day' })
  })

  it('warns in yellow, with the warning sign, when next year has no table yet', async () => {
    serve({ '/api/calendar': { status: 200, body: calendarYear({ missingTables: [year + 1] }) } })
    renderAppAt('/calendar')
    const warning = (await screen.findByText(/Belum ada tabel hari libur untuk tahun/)).closest(
      '[data-tone="warning"]',
    )
    expect(warning).not.toBeNull()
    expect(warning!.querySelector('svg')).not.toBeNull()
    expect(warning!.textContent).toMatch(/^Peringatan:/)
    expect(within(warning as HTMLElement).getByRole('link', { name: `Impor tabel ${year + 1}` })).toBeTruthy()
  })
})
