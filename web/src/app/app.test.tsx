import { describe, it, expect, afterEach, vi } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { I18nProvider } from '../i18n/i18n.tsx'
import { App } from './app.tsx'
import { RouterProvider } from './router.tsx'
import type { Me } from './session.tsx'

function me(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: 'u1',
      name: 'Budi Santoso',
      email: 'budi@kota.go.id',
      twoFactorEnabled: false,
      mustChangePassword: false,
    },
    instansi: { id: 'i1', name: 'Pemerintah Kota Contoh', slug: 'kotacontoh' },
    roles: [{ role: 'pengelola', unitId: 'unit1', unitName: 'Dinas Kesehatan' }],
    allowedActions: [
      'unit.read',
      'calendar.read',
      'account.read',
      'post.read',
      'post.create',
      'inbox.read',
      'inbox.reply',
    ],
    csrfToken: 'csrf',
    mustEnrolTwoFactor: false,
    twoFactorPending: false,
    ...overrides,
  }
}

/** A fake API answering by path; anything else is an empty list. */
function serve(routes: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = input.split('?')[0]!
      const answer = routes[path] ?? { status: 200, body: { items: [] } }
      return new Response(JSON.stringify(answer.body), { status: answer.status })
    }),
  )
}

function renderAt(path: string) {
  window.history.replaceState(null, '', path)
  render(
    <I18nProvider initialLocale="id">
      <RouterProvider>
        <App />
      </RouterProvider>
    </I18nProvider>,
  )
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('App', () => {
  it('opens the first-run wizard when the deployment has no instansi', async () => {
    serve({ '/api/setup': { status: 200, body: { needed: true } } })
    renderAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Penyiapan pertama' })).toBeTruthy()
  })

  it('asks to sign in when there is no session', async () => {
    serve({
      '/api/setup': { status: 200, body: { needed: false } },
      '/api/auth/me': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Silakan masuk.' } },
      },
    })
    renderAt('/accounts')
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk ke Warta' })).toBeTruthy()
  })

  it('holds an admin without 2FA at the enrolment step', async () => {
    serve({
      '/api/setup': { status: 200, body: { needed: false } },
      '/api/auth/me': { status: 200, body: me({ mustEnrolTwoFactor: true }) },
    })
    renderAt('/users')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' }),
    ).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  it('asks for a new password after an admin reset before anything else', async () => {
    serve({
      '/api/setup': { status: 200, body: { needed: false } },
      '/api/auth/me': { status: 200, body: me({ user: { ...me().user, mustChangePassword: true } }) },
    })
    renderAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Ganti kata sandi' })).toBeTruthy()
  })

  it('shows a pengelola only the pages their roles open, and refuses an admin page reached by its address', async () => {
    serve({
      '/api/setup': { status: 200, body: { needed: false } },
      '/api/auth/me': { status: 200, body: me() },
    })
    renderAt('/users')
    expect(await screen.findByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeTruthy()
    const links = screen.getByRole('navigation', { name: 'Navigasi utama' }).querySelectorAll('a')
    expect([...links].map((link) => link.textContent)).toEqual([
      'Beranda',
      'Unit kerja',
      'Akun resmi',
      'Kalender hari kerja',
      'Profil saya',
    ])
  })

  it('says so when an address does not exist', async () => {
    serve({
      '/api/setup': { status: 200, body: { needed: false } },
      '/api/auth/me': { status: 200, body: me() },
    })
    renderAt('/tidak-ada')
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeTruthy()
  })
})
