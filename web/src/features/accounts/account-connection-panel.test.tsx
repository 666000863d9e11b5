import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  id: '77777777-7777-4777-8777-777777777777',
  platform: 'sandbox',
  handle: 'humas.latihan',
} as unknown as Account

const base: ConnectionHealth = {
  accountId: account.id,
  platform: 'sandbox',
  connectable: true,
  needsCredentials: false,
  state: 'not_connected',
  platformAccountId: null,
  platformHandle: null,
  connectedAt: null,
  lastSuccessAt: null,
  lastError: null,
  capabilities: null,
  oauth: { offered: false, unavailableReason: 'not_oauth' },
  tokenExpiresAt: null,
  refreshExpiresAt: null,
  reconnectBy: null,
  grantedScopes: null,
  missingFeatures: [],
}

const path = `/api/accounts/${account.id}/connection`

describe('the connection panel', () => {
  it('connects a sandbox account with one click and shows it connected', async () => {
    const api = fakeApi({
      [`GET ${path}`]: { status: 200, body: base },
      [`POST ${path}`]: {
        status: 200,
        body: {
          ...base,
          state: 'connected',
          platformHandle: 'humas.latihan',
          lastSuccessAt: '2026-03-01T01:00:00.000Z',
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<AccountConnectionPanel account={account} canManage onClose={() => undefined} />)
    expect(await screen.findByText('Belum terhubung')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hubungkan' }))
    })
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'POST' && call.path === path)).toBe(true)
  })

  it('shows why an account needs reconnecting, in the language on screen, and offers no actions to a reader', async () => {
    const api = fakeApi({
      [`GET ${path}`]: {
        status: 200,
        body: {
          ...base,
          state: 'needs_reconnect',
          lastError: {
            kind: 'auth_expired',
            message: 'invalid_token: the access token is not valid',
            at: '2026-03-01T01:00:00.000Z',
            explanation: {
              key: 'connections.error.auth_expired',
              message: 'Sesi akun kedaluwarsa atau izinnya dicabut; hubungkan ulang.',
            },
          },
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(
      <AccountConnectionPanel account={account} canManage={false} onClose={() => undefined} />,
      {
        locale: 'en',
      },
    )
    expect(await screen.findByText('Needs reconnecting')).toBeTruthy()
    expect(screen.getByText(/The account session expired or its access was revoked/)).toBeTruthy()
    expect(screen.getByText(/invalid_token/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Reconnect' })).toBeNull()
  })
})
