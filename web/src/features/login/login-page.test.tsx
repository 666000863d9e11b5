import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Locale } from '../../i18n/i18n.tsx'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { LoginPage } from './login-page.tsx'

function serveLogin(
  answers: { status: number; body: unknown }[],
  options: { oidc: null; passwordReset?: boolean } = { oidc: null },
  extra: Parameters<typeof fakeApi>[0] = {},
) {
  const api = fakeApi({
    '/api/auth/options': { status: 200, body: options },
    '/api/auth/login': answers,
    ...extra,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return {
    logins: () => api.calls.filter((call) => call.path === '/api/auth/login'),
    calls: api.calls,
  }
}

function renderLogin(locale: Locale = 'id') {
  const onLoggedIn = vi.fn(async () => {})
  renderWithProviders(<LoginPage onLoggedIn={onLoggedIn} />, { locale })
  return onLoggedIn
}

async function submitPassword(
  email: string,
  password: string,
  labels = { email: 'Alamat e-mail', password: 'Kata sandi', submit: 'Masuk' },
) {
  fireEvent.change(screen.getByLabelText(labels.email), { target: { value: email } })
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: password } })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: labels.submit }))
  })
}

const twoFactorRequired = {
  status: 401,
  body: { error: { code: 'two_factor_required', key: 'auth.verify_two_factor', message: 'Masukkan kode.' } },
}

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

describe('LoginPage', () => {
  it('asks for the authenticator code when the account has 2FA, then signs in with e-mail, password and code', async () => {
    const { logins } = serveLogin([twoFactorRequired, { status: 200, body: {} }])
    const onLoggedIn = renderLogin()
    await submitPassword('admin@kota.go.id', 'kata-sandi-panjang')
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Verifikasi dua langkah')
    expect(screen.queryByRole('alert')).toBeNull()

    fireEvent.change(screen.getByLabelText('Kode autentikator'), { target: { value: '123 456' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }))
    })
    expect(logins()[1]?.body).toEqual({
      email: 'admin@kota.go.id',
      password: 'kata-sandi-panjang',
      totp: '123456',
    })
    expect(onLoggedIn).toHaveBeenCalledTimes(1)
  })

  it('sends a recovery code instead when the user switches to it', async () => {
    const { logins } = serveLogin([twoFactorRequired, { status: 200, body: {} }])
    renderLogin()
    await submitPassword('admin@kota.go.id', 'kata-sandi-panjang')
    fireEvent.click(await screen.findByRole('button', { name: 'Pakai kode pemulihan' }))
    fireEvent.change(screen.getByLabelText('Kode pemulihan'), { target: { value: 'abcd-efgh' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }))
    })
    expect(logins()[1]?.body).toEqual({
      email: 'admin@kota.go.id',
      password: 'kata-sandi-panjang',
      recoveryCode: 'abcd-efgh',
    })
  })

  it('shows a refusal in the language on screen, from its message key, and stays on the password step', async () => {
    serveLogin([
      {
        status: 403,
        body: {
          error: {
            code: 'forbidden',
            key: 'auth.token_invalid',
            message: 'Token API tidak valid, sudah dicabut, atau kedaluwarsa.',
          },
        },
      },
    ])
    const onLoggedIn = renderLogin('en')
    await submitPassword('admin@kota.go.id', 'wrong', {
      email: 'E-mail address',
      password: 'Password',
      submit: 'Sign in',
    })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The API token is not valid, was revoked, or has expired.',
    )
    expect(screen.getByLabelText('Password')).toBeTruthy()
    expect(onLoggedIn).not.toHaveBeenCalled()
  })

  it("falls back to the server's own words for a message this build does not know", async () => {
    serveLogin([
      {
        status: 423,
        body: {
          error: {
            code: 'locked',
            key: 'auth.locked_until',
            params: { until: '2026-10-12T03:15:00Z' },
            message: 'Akun dikunci sementara. Coba lagi pukul 10.15 WIB.',
          },
        },
      },
    ])
    renderLogin()
    await submitPassword('admin@kota.go.id', 'salah')
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Akun dikunci sementara. Coba lagi pukul 10.15 WIB.',
    )
  })

  it('ties a field problem from the API to its field, in the language on screen', async () => {
    serveLogin([
      {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            key: 'common.check_fields',
            params: { summary: 'email: Tulis alamat e-mail lengkap' },
            message: 'Periksa isian: email: …',
            details: {
              email: {
                key: 'validation.email',
                message: 'Tulis alamat e-mail lengkap, misalnya nama@instansi.go.id.',
              },
            },
          },
        },
      },
    ])
    renderLogin('en')
    await submitPassword('bukan-email', 'x', {
      email: 'E-mail address',
      password: 'Password',
      submit: 'Sign in',
    })
    const input = screen.getByLabelText('E-mail address')
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ')
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Enter a complete e-mail address, for example name@agency.go.id.',
    )
    const banner = screen.getByRole('alert').textContent ?? ''
    expect(banner).not.toContain('email:')
  })

  it('says the server cannot be reached when the network fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        if (input === '/api/auth/options') return new Response('{"oidc":null}')
        throw new TypeError('Failed to fetch')
      }),
    )
    renderLogin()
    await submitPassword('admin@kota.go.id', 'kata-sandi-panjang')
    expect((await screen.findByRole('alert')).textContent).toContain('Server tidak dapat dihubungi')
  })

  it('offers "Lupa kata sandi?" when the server can mail a link, and answers alike whatever the address', async () => {
    const { calls } = serveLogin(
      [],
      { oidc: null, passwordReset: true },
      {
        'POST /api/auth/password-reset/request': { status: 200, body: { ok: true } },
      },
    )
    renderLogin()
    fireEvent.change(screen.getByLabelText('Alamat e-mail'), { target: { value: 'sari@kota.go.id' } })
    fireEvent.click(await screen.findByRole('button', { name: 'Lupa kata sandi?' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Lupa kata sandi' })).toBeTruthy()
    // The address typed on the sign-in form comes along.
    expect(screen.getByLabelText<HTMLInputElement>('Alamat e-mail').value).toBe('sari@kota.go.id')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kirim tautan atur ulang' }))
    })
    expect((await screen.findByRole('status')).textContent).toContain(
      'Bila sari@kota.go.id terdaftar di Warta, tautan untuk membuat kata sandi baru sudah dikirim',
    )
    expect(calls.find((call) => call.path === '/api/auth/password-reset/request')?.body).toEqual({
      email: 'sari@kota.go.id',
    })
    fireEvent.click(screen.getByRole('button', { name: 'Kembali ke halaman masuk' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk ke Warta' })).toBeTruthy()
  })

  it('says to ask an admin when the server sends no mail, and offers no link', async () => {
    serveLogin([], { oidc: null, passwordReset: false })
    renderLogin()
    expect(
      await screen.findByText('Lupa kata sandi? Minta admin instansi Anda mengatur ulang kata sandi Anda.'),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Lupa kata sandi?' })).toBeNull()
  })

  it('explains why single sign-on sent the browser back, a lock included', async () => {
    window.history.replaceState(null, '', '/login?sso_error=locked')
    serveLogin([])
    renderLogin('en')
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The account is locked for a while after too many failed attempts, single sign-on included.',
    )
  })
})
