import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { PasswordChangeForm } from './password-change-form.tsx'

function fill(current: string, next: string, repeat: string) {
  fireEvent.change(screen.getByLabelText('Kata sandi saat ini'), { target: { value: current } })
  fireEvent.change(screen.getByLabelText('Kata sandi baru'), { target: { value: next } })
  fireEvent.change(screen.getByLabelText('Ulangi kata sandi baru'), { target: { value: repeat } })
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Ganti kata sandi' }))
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('PasswordChangeForm (the forced change after an admin reset)', () => {
  it('catches a short or mismatched new password before asking the server', async () => {
    const api = fakeApi({})
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<PasswordChangeForm />)
    fill('sementara-123', 'pendek', 'lain')
    await submit()
    expect(screen.getByLabelText('Kata sandi baru').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByLabelText('Ulangi kata sandi baru').getAttribute('aria-invalid')).toBe('true')
    expect(api.calls).toEqual([])
  })

  it('sends the current and the new password, then carries on', async () => {
    const api = fakeApi({ 'POST /api/me/password': { status: 200, body: { revokedSessions: 0 } } })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    const onChanged = vi.fn(async () => {})
    renderWithProviders(<PasswordChangeForm onChanged={onChanged} />)
    fill('sementara-123', 'kata-sandi-baru-panjang', 'kata-sandi-baru-panjang')
    await submit()
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1))
    expect(api.calls[0]?.body).toEqual({
      currentPassword: 'sementara-123',
      newPassword: 'kata-sandi-baru-panjang',
    })
  })

  it('puts a wrong current password under its field', async () => {
    const api = fakeApi({
      'POST /api/me/password': {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            key: 'common.text',
            params: { text: 'Kata sandi saat ini salah.' },
            message: 'Kata sandi saat ini salah.',
            details: {
              currentPassword: {
                key: 'common.text',
                params: { text: 'Kata sandi saat ini salah.' },
                message: 'Kata sandi saat ini salah.',
              },
            },
          },
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    const onChanged = vi.fn(async () => {})
    renderWithProviders(<PasswordChangeForm onChanged={onChanged} />)
    fill('salah', 'kata-sandi-baru-panjang', 'kata-sandi-baru-panjang')
    await submit()
    const current = screen.getByLabelText('Kata sandi saat ini')
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = (current.getAttribute('aria-describedby') ?? '').split(' ')
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Kata sandi saat ini salah.',
    )
    expect(onChanged).not.toHaveBeenCalled()
  })
})
