import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, renderAppAt } from '../test-support/render-with-providers.tsx'
import type { Me } from './session-types.ts'
import { testMe } from '../test-support/me-fixture.ts'

function me(overrides: Partial<Me> = {}): Me {
  return {
    ...testMe({
      user: { name: 'Budi Santoso', email: 'budi@kota.go.id', twoFactorEnabled: false },
      grants: [{ role: 'pengelola', unitId: 'unit1', unitName: 'Dinas Kesehatan' }],
      allowedActions: [
        'unit.read',
        'calendar.read',
        'account.read',
        'post.read',
        'post.create',
        'inbox.read',
      ],
    }),
    ...overrides,
  }
}

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ '/api/setup': { status: 200, body: { needed: false } }, ...routes })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('App', () => {
  it('opens the first-run wizard when the deployment has no instansi', async () => {
    serve({ '/api/setup': { status: 200, body: { needed: true } } })
    renderAppAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Penyiapan pertama' })).toBeTruthy()
  })

  it('asks to sign in when there is no session, whatever the address', async () => {
    serve({
      '/api/auth/me': {
        status: 401,
        body: {
          error: { code: 'unauthenticated', key: 'common.unauthenticated', message: 'Silakan masuk.' },
        },
      },
    })
    renderAppAt('/accounts')
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk ke Warta' })).toBeTruthy()
  })

  it('holds an admin without 2FA at the enrolment step, without navigation', async () => {
    serve({ '/api/auth/me': { status: 200, body: me({ mustEnrolTwoFactor: true }) } })
    renderAppAt('/users')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' }),
    ).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  it('lets a person held at 2FA enrolment sign out, and then asks to sign in', async () => {
    const calls = serve({
      '/api/auth/me': { status: 200, body: me({ mustEnrolTwoFactor: true }) },
      'POST /api/auth/logout': { status: 200, body: { ok: true } },
    })
    renderAppAt('/')
    await screen.findByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keluar' }))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk ke Warta' })).toBeTruthy()
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/auth/logout')).toBe(true)
  })

  it('lets a person held at the forced password change sign out too', async () => {
    const calls = serve({
      '/api/auth/me': { status: 200, body: me({ user: { ...me().user, mustChangePassword: true } }) },
      'POST /api/auth/logout': { status: 200, body: { ok: true } },
    })
    renderAppAt('/')
    await screen.findByRole('heading', { level: 1, name: 'Ganti kata sandi' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keluar' }))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk ke Warta' })).toBeTruthy()
    expect(calls.filter((call) => call.path === '/api/auth/logout')).toHaveLength(1)
  })

  it('opens the page of an e-mailed reset link without asking to sign in', async () => {
    window.history.replaceState(null, '', '/')
    serve({})
    renderAppAt('/reset-password#token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd')
    expect(await screen.findByRole('heading', { level: 1, name: 'Buat kata sandi baru' })).toBeTruthy()
  })

  it('asks for a new password after an admin reset before anything else', async () => {
    serve({ '/api/auth/me': { status: 200, body: me({ user: { ...me().user, mustChangePassword: true } }) } })
    renderAppAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Ganti kata sandi' })).toBeTruthy()
  })

  it('shows a pengelola only the pages their roles open, and refuses an admin page reached by its address', async () => {
    serve({ '/api/auth/me': { status: 200, body: me() } })
    renderAppAt('/users')
    expect(await screen.findByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeTruthy()
    const links = within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getAllByRole('link')
    expect(links.map((link) => link.textContent)).toEqual([
      'Beranda',
      'Kotak masuk',
      'Unggahan saya',
      'Kalender konten',
      'Agenda digital',
      'Arsip terbit',
      'Rujukan SP4N-LAPOR!',
      'Unit kerja',
      'Akun resmi',
      'Kalender hari kerja',
      'Basis pengetahuan hoaks',
      'Jawaban baku',
      'Profil saya',
    ])
  })

  it('opens a page the roles allow and marks it as the current one in the navigation', async () => {
    serve({
      '/api/auth/me': { status: 200, body: me() },
      '/api/units': {
        status: 200,
        body: {
          items: [
            {
              id: 'unit1',
              parentId: null,
              code: 'DINKES',
              name: 'Dinas Kesehatan',
              path: 'unit1',
              archivedAt: null,
            },
          ],
        },
      },
    })
    renderAppAt('/units')
    expect(await screen.findByRole('heading', { level: 1, name: 'Unit kerja' })).toBeTruthy()
    expect(await screen.findByText('DINKES')).toBeTruthy()
    const current = within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getByRole('link', {
      current: 'page',
    })
    expect(current.textContent).toBe('Unit kerja')
  })

  it('says so when an address does not exist', async () => {
    serve({ '/api/auth/me': { status: 200, body: me() } })
    renderAppAt('/tidak-ada')
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeTruthy()
  })

  it("shows the signed-in user's saved language, not the one this device used before", async () => {
    window.localStorage.setItem('warta.locale', 'id')
    serve({ '/api/auth/me': { status: 200, body: me({ user: { ...me().user, locale: 'en' } }) } })
    renderAppAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Budi Santoso' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })

  it('saves a language switch to the profile', async () => {
    const calls = serve({
      '/api/auth/me': { status: 200, body: me() },
      'PATCH /api/me': { status: 200, body: me({ user: { ...me().user, locale: 'en' } }) },
    })
    renderAppAt('/')
    await screen.findByRole('heading', { level: 1, name: 'Selamat datang, Budi Santoso' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Budi Santoso' })).toBeTruthy()
    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ locale: 'en' }))
    expect(calls.find((call) => call.method === 'PATCH')?.headers['X-CSRF-Token']).toBe('csrf')
    expect(window.localStorage.getItem('warta.locale.unsaved')).toBeNull()
  })

  it('keeps the chosen language on this device when the profile cannot save it, also after a reload', async () => {
    serve({
      '/api/auth/me': { status: 200, body: me() },
      'PATCH /api/me': { status: 404, body: { error: { code: 'not_found', key: 'common.route_not_found' } } },
    })
    const first = renderAppAt('/')
    await screen.findByRole('heading', { level: 1, name: 'Selamat datang, Budi Santoso' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }))
    })
    await waitFor(() => expect(window.localStorage.getItem('warta.locale.unsaved')).toBe('u1'))
    first.unmount()

    // The profile still says Indonesian, but the person chose English here: their choice stays.
    renderAppAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Budi Santoso' })).toBeTruthy()
  })
})
