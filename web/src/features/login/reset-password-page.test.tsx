import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { ResetPasswordPage, tokenFromHash } from './reset-password-page.tsx'

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd'

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

async function choose(password: string, repeat = password) {
  fireEvent.change(screen.getByLabelText('Kata sandi baru'), { target: { value: password } })
  fireEvent.change(screen.getByLabelText('Ulangi kata sandi baru'), { target: { value: repeat } })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi baru' }))
  })
}

describe('ResetPasswordPage', () => {
  it('reads the token from the address fragment', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN)
    expect(tokenFromHash('')).toBe('')
  })

  it('sends the token with the new password, takes the token out of the address, and says it is done', async () => {
    window.history.replaceState(null, '', `/reset-password#token=${TOKEN}`)
    const api = fakeApi({ 'POST /api/auth/password-reset': { status: 200, body: { lockedUntil: null } } })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    const onDone = vi.fn()
    renderWithProviders(<ResetPasswordPage onDone={onDone} />)
    expect(window.location.hash).toBe('')
    await choose('batik-kopi-sawah-77')
    expect(api.calls[0]?.body).toEqual({ token: TOKEN, password: 'batik-kopi-sawah-77' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Kata sandi diganti' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Ke halaman masuk' }))
    expect(onDone).toHaveBeenCalled()
  })

  it('says when a running lock ends', async () => {
    window.history.replaceState(null, '', `/reset-password#token=${TOKEN}`)
    const api = fakeApi({
      'POST /api/auth/password-reset': { status: 200, body: { lockedUntil: '2026-10-12T07:30:00Z' } },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<ResetPasswordPage onDone={() => {}} />)
    await choose('batik-kopi-sawah-77')
    expect(await screen.findByText(/setelah pukul 14\.30 WIB/)).toBeTruthy()
  })

  it('catches a mismatch before asking the server, and shows a used link as one to ask again for', async () => {
    window.history.replaceState(null, '', `/reset-password#token=${TOKEN}`)
    const api = fakeApi({
      'POST /api/auth/password-reset': {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            key: 'auth.reset_link_invalid',
            message: 'Tautan tidak berlaku.',
            details: { token: { key: 'auth.reset_link_invalid_field', message: 'Tautan tidak berlaku.' } },
          },
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<ResetPasswordPage onDone={() => {}} />)
    await choose('batik-kopi-sawah-77', 'lain')
    expect(screen.getByLabelText('Ulangi kata sandi baru').getAttribute('aria-invalid')).toBe('true')
    expect(api.calls).toEqual([])
    await choose('batik-kopi-sawah-77')
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Tautan tidak berlaku; minta tautan baru.',
    )
    expect(screen.getByRole('button', { name: 'Minta tautan baru' })).toBeTruthy()
  })

  it('says the link is incomplete when the address carries no token', () => {
    renderWithProviders(<ResetPasswordPage onDone={() => {}} />)
    expect(screen.getByRole('alert').textContent).toContain('Tautan ini tidak lengkap')
  })
})
