import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { SetupWizard } from './setup-wizard.tsx'

const built = {
  instansiId: 'i1',
  rootUnitId: 'r1',
  userId: 'u1',
  csrfToken: 'csrf',
  mustEnrolTwoFactor: true,
  counts: { units: 7, users: 2, accounts: 4, posts: 60, published: 50, scheduled: 5, inReview: 3, drafts: 3 },
  logins: [
    {
      email: 'admin@kab-sukamaju.example',
      name: 'Rina Wulandari',
      role: 'admin',
      unitName: 'Pemerintah Kabupaten Sukamaju',
      password: 'rahasia-sekali-12345',
      trainingMode: false,
      twoFactorRequired: true,
    },
    {
      email: 'dimas@kab-sukamaju.example',
      name: 'Dimas Pratama',
      role: 'pengelola',
      unitName: 'Kecamatan Cibeureum',
      password: 'rahasia-lain-67890',
      trainingMode: true,
      twoFactorRequired: false,
    },
  ],
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the wizard’s demo path', () => {
  it('builds the demo with one request, shows every sign-in once, then goes on', async () => {
    const api = fakeApi({ 'POST /api/setup/demo': { status: 200, body: built } })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    const onDone = vi.fn(async () => {})
    renderWithProviders(<SetupWizard onDone={onDone} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Coba dengan data contoh' }))
    })
    await screen.findByRole('heading', { name: 'Data contoh siap' })
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/setup/demo'])
    expect(screen.getAllByTestId('demo-password').map((node) => node.textContent)).toEqual([
      'rahasia-sekali-12345',
      'rahasia-lain-67890',
    ])
    expect(screen.getByText(/Dimas Pratama · Mode Latihan/)).toBeTruthy()
    expect(onDone).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Saya sudah menyalin, lanjutkan' }))
    expect(onDone).toHaveBeenCalledOnce()
  })

  it('shows the refusal in words when the deployment is no longer empty', async () => {
    const api = fakeApi({
      'POST /api/setup/demo': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            key: 'demo.deployment_not_empty',
            params: {},
            message: 'Data contoh hanya dapat dibuat pada instalasi yang masih kosong.',
          },
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<SetupWizard onDone={async () => {}} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Coba dengan data contoh' }))
    })
    expect((await screen.findByRole('alert')).textContent).toContain('instalasi yang masih kosong')
  })
})
