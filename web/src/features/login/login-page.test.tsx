import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nProvider } from '../../i18n/i18n.tsx'
import { LoginPage } from './login-page.tsx'

interface Call {
  url: string
  body: unknown
}

/** A fake API: answers /api/auth/login with the queued responses, in order. */
function fakeFetch(responses: { status: number; body: unknown }[]) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = input
    if (url === '/api/auth/options') return new Response(JSON.stringify({ oidc: null }), { status: 200 })
    calls.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined })
    const next = responses.shift() ?? { status: 500, body: {} }
    return new Response(JSON.stringify(next.body), {
      status: next.status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

function renderLogin(onLoggedIn = vi.fn(async () => {})) {
  render(
    <I18nProvider initialLocale="id">
      <LoginPage onLoggedIn={onLoggedIn} />
    </I18nProvider>,
  )
  return onLoggedIn
}

async function submitPassword(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Alamat e-mail'), { target: { value: email } })
  fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: password } })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }))
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('LoginPage', () => {
  it('asks for the authenticator code when the account has 2FA, then signs in with e-mail, password and code', async () => {
    const calls = fakeFetch([
      { status: 401, body: { error: { code: 'two_factor_required', message: 'Masukkan kode 6 angka.' } } },
      { status: 200, body: {} },
    ])
    const onLoggedIn = renderLogin()
    await submitPassword('admin@kota.go.id', 'kata-sandi-panjang')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Verifikasi dua langkah')

    fireEvent.change(screen.getByLabelText('Kode autentikator'), { target: { value: '123 456' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }))
    })
    expect(calls[1]).toEqual({
      url: '/api/auth/login',
      body: { email: 'admin@kota.go.id', password: 'kata-sandi-panjang', totp: '123456' },
    })
    expect(onLoggedIn).toHaveBeenCalledTimes(1)
  })

  it('sends a recovery code instead when the user switches to it', async () => {
    const calls = fakeFetch([
      { status: 401, body: { error: { code: 'two_factor_required', message: '…' } } },
      { status: 200, body: {} },
    ])
    renderLogin()
    await submitPassword('admin@kota.go.id', 'kata-sandi-panjang')
    fireEvent.click(screen.getByRole('button', { name: 'Pakai kode pemulihan' }))
    fireEvent.change(screen.getByLabelText('Kode pemulihan'), { target: { value: 'abcd-efgh' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }))
    })
    expect(calls[1]?.body).toEqual({
      email: 'admin@kota.go.id',
      password: 'kata-sandi-panjang',
      recoveryCode: 'abcd-efgh',
    })
  })

  it('shows the lockout message from the API as an alert and stays on the password step', async () => {
    fakeFetch([
      {
        status: 423,
        body: { error: { code: 'locked', message: 'Akun dikunci sementara. Coba lagi pukul 10.15 WIB.' } },
      },
    ])
    const onLoggedIn = renderLogin()
    await submitPassword('admin@kota.go.id', 'salah')
    expect(screen.getByRole('alert').textContent).toBe('Akun dikunci sementara. Coba lagi pukul 10.15 WIB.')
    expect(screen.getByLabelText('Kata sandi')).toBeTruthy()
    expect(onLoggedIn).not.toHaveBeenCalled()
  })

  it('ties a field error from the API to its field', async () => {
    fakeFetch([
      {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'Periksa isian',
            details: { email: 'Alamat e-mail tidak valid.' },
          },
        },
      },
    ])
    renderLogin()
    await submitPassword('bukan-email', 'x')
    const input = screen.getByLabelText('Alamat e-mail')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const describedBy = input.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(describedBy)?.textContent).toBe('Alamat e-mail tidak valid.')
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
    expect(screen.getByRole('alert').textContent).toContain('Server tidak dapat dihubungi')
  })
})
