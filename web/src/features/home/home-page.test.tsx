import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { Attention, AttentionList } from './home-types.ts'

const admin: Me = testMe({
  allowedActions: [
    'unit.read',
    'unit.manage',
    'user.read',
    'user.manage',
    'account.read',
    'naming.manage',
    'calendar.read',
    'calendar.manage',
    'settings.manage',
  ],
})

function attention(overrides: Partial<Attention> = {}): Attention {
  return {
    checklist: [
      { step: 'units', done: true, count: 2 },
      { step: 'naming', done: false, count: 0 },
      { step: 'accounts', done: true, count: 4 },
      { step: 'users', done: true, count: 3 },
      { step: 'two_factor', done: false, count: 1 },
    ],
    counts: [
      { item: 'naming', count: 1 },
      { item: 'platform_two_factor', count: 2 },
      { item: 'surat_tugas', count: 0 },
      { item: 'credential_rotation', count: 3 },
    ],
    accounts: 4,
    settings: { credentialRotationDays: 90 },
    rotationCutoff: '2026-07-14',
    calendarMissingYears: [],
    ...overrides,
  }
}

function serve(routes: Parameters<typeof fakeApi>[0], me: Me = admin) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('home page', () => {
  it('lists the getting-started steps, each not done with a link to the page that does it', async () => {
    serve({ '/api/home/attention': { status: 200, body: attention() } })
    renderAppAt('/')
    const checklist = await screen.findByTestId('checklist')
    const items = within(checklist).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      '✓Buat unit kerja di bawah unit teratas Selesai',
      'Atur pola nama akun BelumBuka Pola nama akun',
      '✓Daftarkan akun resmi Selesai',
      '✓Tambahkan pengguna: pengelola dan penanggung jawab Selesai',
      'Verifikasi dua langkah aktif untuk setiap admin dan penanggung jawab Belum1 orang belum mengaktifkannyaBuka Pengguna & peran',
    ])
    expect(within(checklist).getByRole('link', { name: 'Buka Pola nama akun' }).getAttribute('href')).toBe(
      '/naming',
    )
    expect(screen.getByText(/3 dari 5 selesai/)).toBeTruthy()
  })

  it('hides the checklist once every step is done', async () => {
    serve({
      '/api/home/attention': {
        status: 200,
        body: attention({
          checklist: attention().checklist!.map((step) => ({ ...step, done: true })),
        }),
      },
    })
    renderAppAt('/')
    await screen.findByTestId('attention-counts')
    expect(screen.queryByTestId('checklist')).toBeNull()
  })

  it('links every count that is not zero to its list, and names the rotation period', async () => {
    serve({ '/api/home/attention': { status: 200, body: attention() } })
    renderAppAt('/')
    const counts = await screen.findByTestId('attention-counts')
    const links = within(counts).getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/attention/naming',
      '/attention/platform_two_factor',
      '/attention/credential_rotation',
    ])
    expect(counts.textContent).toContain('Kata sandi akun belum diganti lebih dari 90 hari')
    expect(within(counts).getByText('Pengelola tanpa surat tugas').closest('li')?.textContent).toBe(
      '0Pengelola tanpa surat tugasTidak ada',
    )
  })

  it('warns about a missing holiday table and lets the admin change the rotation period', async () => {
    const calls = serve({
      '/api/home/attention': {
        status: 200,
        body: attention({ calendarMissingYears: [2027] }),
      },
      'PUT /api/home/attention/settings': { status: 200, body: { credentialRotationDays: 60 } },
    })
    renderAppAt('/')
    const warning = (await screen.findByText(/Belum ada tabel hari libur untuk tahun 2027/)).closest(
      '[data-tone="warning"]',
    )
    expect(warning).not.toBeNull()
    expect(
      within(warning as HTMLElement)
        .getByRole('link', { name: 'Impor tabel hari libur' })
        .getAttribute('href'),
    ).toBe('/calendar/import?year=2027')
    const period = screen.getByLabelText('Periode penggantian kata sandi akun resmi')
    fireEvent.change(period, { target: { value: '60' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan periode' }))
    })
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ credentialRotationDays: 60 }),
    )
  })

  it('shows someone without the checklist only their counts, and all clear when nothing is wrong', async () => {
    serve(
      {
        '/api/home/attention': {
          status: 200,
          body: attention({
            checklist: null,
            counts: attention().counts.map((entry) => ({ ...entry, count: 0 })),
          }),
        },
      },
      { ...admin, allowedActions: ['unit.read', 'account.read', 'calendar.read'] },
    )
    renderAppAt('/')
    expect(await screen.findByText('Tidak ada yang perlu ditindaklanjuti pada akun resmi Anda.')).toBeTruthy()
    expect(screen.queryByTestId('checklist')).toBeNull()
    expect(screen.queryByLabelText('Periode penggantian kata sandi akun resmi')).toBeNull()
  })
})

describe('home page of a new office', () => {
  it('does not call an office without any account all clear', async () => {
    serve({
      '/api/home/attention': {
        status: 200,
        body: attention({ accounts: 0, counts: attention().counts.map((entry) => ({ ...entry, count: 0 })) }),
      },
    })
    renderAppAt('/')
    await screen.findByTestId('attention-counts')
    expect(screen.queryByText('Tidak ada yang perlu ditindaklanjuti pada akun resmi Anda.')).toBeNull()
  })
})

describe('attention list', () => {
  const list: AttentionList = {
    total: 1,
    items: [
      {
        accountId: 'a1',
        platform: 'instagram',
        handle: 'dinkes_official',
        status: 'active',
        unit: { id: 'u1', code: 'DINKES', name: 'Dinas Kesehatan' },
        platformTwoFactor: false,
        credentialRotatedOn: null,
        naming: { pattern: 'humas_{unit}', expected: 'humas_dinkes' },
        pengelola: null,
      },
    ],
  }

  it('shows the accounts behind a count with what to fix', async () => {
    const calls = serve({
      '/api/home/attention': { status: 200, body: attention() },
      '/api/home/attention/naming': { status: 200, body: list },
    })
    renderAppAt('/attention/naming')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Akun yang menyalahi pola nama' }),
    ).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Akun yang menyalahi pola nama' })
    expect(await within(table).findByText('dinkes_official')).toBeTruthy()
    expect(within(table).getByText('humas_dinkes')).toBeTruthy()
    expect(calls.some((call) => call.path === '/api/home/attention/naming?limit=50&offset=0')).toBe(true)
  })

  it('says the page does not exist for an unknown list', async () => {
    serve({ '/api/home/attention': { status: 200, body: attention() } })
    renderAppAt('/attention/everything')
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeTruthy()
  })
})
