import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { CalendarImport, CalendarYear, Deadline } from './calendar-types.ts'
import { templateCsv } from './calendar-import-page.tsx'
import { jakartaToday } from './deadline-page.tsx'

function me(actions: string[]): Me {
  return testMe({ allowedActions: actions })
}
const ADMIN = ['unit.read', 'calendar.read', 'calendar.manage', 'account.read']

function serve(routes: Parameters<typeof fakeApi>[0], actions = ADMIN) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me(actions) },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const provisional: Deadline = {
  start: '2026-12-21',
  workingDays: 10,
  date: '2027-01-06',
  provisional: true,
  provisionalYears: [2027],
  cutiBersamaIsWorkingDay: false,
  skipped: [
    { date: '2026-12-24', reason: 'cuti_bersama', name: 'Cuti bersama Hari Raya Natal' },
    { date: '2026-12-25', reason: 'holiday', name: 'Hari Raya Natal' },
    { date: '2026-12-26', reason: 'weekend', name: null },
  ],
}

describe('deadline calculator', () => {
  it('asks the API for the preset deadline and shows the due date, the skipped days and why it is provisional', async () => {
    const calls = serve({ '/api/calendar/deadline': { status: 200, body: provisional } })
    renderAppAt('/calendar/deadline')
    await screen.findByRole('heading', { level: 1, name: 'Hitung tenggat' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'UU KIP: pemberitahuan tertulis (10)' }))
    })
    expect((await screen.findByTestId('deadline-due')).textContent).toBe('Jatuh tempo Rabu, 6 Jan 2027')
    const request = calls.find((call) => call.path.startsWith('/api/calendar/deadline'))!
    expect(request.path).toBe(`/api/calendar/deadline?start=${jakartaToday()}&workingDays=10`)
    const warning = screen
      .getByText(/^Sementara: hitungan melewati tahun 2027/)
      .closest('[data-tone="warning"]')
    expect(warning).not.toBeNull()
    const skipped = screen.getByRole('table', { name: 'Hari yang dilewati (3)' })
    expect(within(skipped).getByText('Libur nasional: Hari Raya Natal')).toBeTruthy()
    expect(within(skipped).getByText('Libur mingguan')).toBeTruthy()
  })

  it('refuses a number of working days that is not a whole number before asking', async () => {
    const calls = serve({})
    renderAppAt('/calendar/deadline')
    const days = await screen.findByLabelText('Jumlah hari kerja')
    fireEvent.change(days, { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Hitung' }))
    expect(await screen.findByText('Tulis bilangan bulat 0–1000.')).toBeTruthy()
    expect(calls.some((call) => call.path.startsWith('/api/calendar/deadline'))).toBe(false)
  })

  it('takes the Jakarta date, a day ahead of UTC late in the evening', () => {
    expect(jakartaToday(new Date('2026-03-12T17:30:00Z'))).toBe('2026-03-13')
  })
})

const year = new Date().getFullYear()
const calendarYear: CalendarYear = {
  year,
  hasTable: true,
  source: 'SKB',
  declaredComplete: false,
  settings: { cutiBersamaIsWorkingDay: false, extraYearsWithTable: [2031], weekendDays: [0, 6] },
  missingTables: [],
  days: [],
}

describe('calendar settings', () => {
  it("sends the admin's choices: cuti bersama counted, Saturday worked, a year declared complete", async () => {
    const calls = serve({
      '/api/calendar': { status: 200, body: calendarYear },
      'PUT /api/calendar/settings': {
        status: 200,
        body: { cutiBersamaIsWorkingDay: true, extraYearsWithTable: [2031, 2032], weekendDays: [0] },
      },
    })
    renderAppAt('/calendar/settings')
    await screen.findByRole('heading', { level: 1, name: 'Pengaturan kalender' })
    fireEvent.click(
      await screen.findByRole(
        'switch',
        { name: /Hitung cuti bersama sebagai hari kerja/ },
        { timeout: 4000 },
      ),
    )
    fireEvent.click(screen.getByLabelText('Sabtu'))
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2032' } })
    fireEvent.click(screen.getByRole('button', { name: 'Tambah tahun' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan pengaturan' }))
    })
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({
        cutiBersamaIsWorkingDay: true,
        weekendDays: [0],
        extraYearsWithTable: [2031, 2032],
      }),
    )
    expect(await screen.findByText('Pengaturan kalender disimpan.')).toBeTruthy()
  })

  it('shows the settings read-only to someone who may not change them', async () => {
    serve({ '/api/calendar': { status: 200, body: calendarYear } }, ['calendar.read'])
    renderAppAt('/calendar/settings')
    expect(await screen.findByText('Hanya admin instansi yang dapat mengubah pengaturan ini.')).toBeTruthy()
    const saturday = await screen.findByLabelText('Sabtu', undefined, { timeout: 4000 })
    expect((saturday as HTMLInputElement).disabled).toBe(true)
    expect(screen.queryByRole('button', { name: 'Simpan pengaturan' })).toBeNull()
    // The import is the admin's: no link to it.
    expect(screen.queryByRole('link', { name: 'Impor tabel hari libur' })).toBeNull()
  })
})

function importAnswer(overrides: Partial<CalendarImport>): CalendarImport {
  return {
    year: 2031,
    dryRun: true,
    saved: false,
    dataRows: 2,
    rows: [],
    errors: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    hadTable: false,
    declaresComplete: true,
    ...overrides,
  }
}

async function chooseFile(text: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement
  const file = new File([text], 'libur-2031.csv', { type: 'text/csv' })
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } })
  })
}

describe('calendar import', () => {
  it('previews the file, shows each row error in the language on screen, and offers no save', async () => {
    const calls = serve({
      'POST /api/calendar/import': {
        status: 200,
        body: importAnswer({
          rows: [
            {
              row: 2,
              date: '2031-01-01',
              kind: 'holiday',
              name: 'Tahun Baru',
              action: 'create',
              before: null,
            },
          ],
          created: 1,
          errors: [
            {
              row: 3,
              column: 'jenis',
              key: 'calendar.import.kind_invalid',
              params: { value: 'libur panjang' },
              message: 'server text',
            },
          ],
        }),
      },
    })
    renderAppAt('/calendar/import?year=2031')
    await screen.findByRole('heading', { level: 1, name: 'Impor tabel hari libur' })
    expect(screen.getByLabelText<HTMLInputElement>('Tahun tabel').value).toBe('2031')
    await chooseFile(
      'tanggal,jenis,keterangan\n2031-01-01,libur nasional,Tahun Baru\n2031-01-02,libur panjang,x\n',
    )
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({ year: 2031, dryRun: true }),
    )
    const errors = await screen.findByRole('table', { name: 'Baris yang perlu diperbaiki' })
    expect(within(errors).getByText(/^Jenis "libur panjang" tidak dikenal/)).toBeTruthy()
    expect(screen.getByText(/^1 baris perlu diperbaiki/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Simpan tabel/ })).toBeNull()
  })

  it('saves a clean file after the preview, declaring the year complete', async () => {
    const calls = serve({
      'POST /api/calendar/import': [
        {
          status: 200,
          body: importAnswer({
            rows: [
              {
                row: 2,
                date: '2031-01-01',
                kind: 'holiday',
                name: 'Tahun Baru',
                action: 'create',
                before: null,
              },
            ],
            created: 1,
            dataRows: 1,
          }),
        },
        { status: 200, body: importAnswer({ saved: true, dryRun: false, created: 1, dataRows: 1 }) },
      ],
    })
    renderAppAt('/calendar/import?year=2031')
    await screen.findByRole('heading', { level: 1, name: 'Impor tabel hari libur' })
    await chooseFile('tanggal,jenis,keterangan\n2031-01-01,libur nasional,Tahun Baru\n')
    expect(await screen.findByTestId('import-counts')).toBeTruthy()
    expect(screen.getByTestId('import-counts').textContent).toBe(
      '1 baris data: 1 baru, 0 diubah, 0 tidak berubah.',
    )
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan tabel 2031' }))
    })
    await waitFor(() =>
      expect(calls.filter((call) => call.method === 'POST')[1]?.body).toMatchObject({
        year: 2031,
        dryRun: false,
        declareComplete: true,
      }),
    )
    expect(await screen.findByText('Tabel 2031 diimpor: 1 baru, 0 diubah.')).toBeTruthy()
  })

  it('offers a sample file in the form it reads', () => {
    const sample = templateCsv(2031)
    expect(sample.split('\r\n')[0]).toBe('tanggal;jenis;keterangan')
    expect(sample).toContain('01/01/2031;libur nasional;Tahun Baru Masehi')
  })
})
