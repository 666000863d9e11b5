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
  publishingQuota: null,
  dailyUnits: null,
  inbox: null,
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

  it('shows the quota Instagram reports, in Indonesian, in the usual colour below 80 %', async () => {
    const api = fakeApi({
      [`GET ${path}`]: {
        status: 200,
        body: {
          ...base,
          platform: 'instagram',
          state: 'connected',
          publishingQuota: {
            used: 12,
            total: 100,
            windowSeconds: 86_400,
            checkedAt: '2026-12-07T03:00:00.000Z',
          },
        },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(
      <AccountConnectionPanel
        account={{ ...account, platform: 'instagram' }}
        canManage={false}
        onClose={() => undefined}
      />,
    )
    const line = await screen.findByTestId('connection-publishing-quota')
    expect(line.textContent).toContain('Kuota terbit 24 jam: 12 dari 100 terpakai')
    expect(line.textContent).toContain('Angka dari Instagram, dibaca Senin, 7 Des 2026 10.00 WIB')
    expect(line.getAttribute('data-level')).toBe('ok')
    expect(screen.queryByTestId('connection-daily-units')).toBeNull()
  })

  it('shows YouTube’s daily units for the whole deployment with numbers and the reset time per locale, warning at 80 %', async () => {
    const youtube = (used: number) =>
      fakeApi({
        [`GET ${path}`]: {
          status: 200,
          body: {
            ...base,
            platform: 'youtube',
            state: 'connected',
            dailyUnits: { used, total: 10_000, resetsAt: '2026-12-08T08:00:00.000Z' },
          },
        },
      })
    const yt = { ...account, platform: 'youtube' }
    vi.stubGlobal('fetch', vi.fn(youtube(1650).fetchMock))
    const first = renderWithProviders(
      <AccountConnectionPanel account={yt} canManage={false} onClose={() => undefined} />,
    )
    const id = await screen.findByTestId('connection-daily-units')
    expect(id.textContent).toContain(
      'Kuota harian YouTube (seluruh Warta): 1.650 dari 10.000 unit, direset pukul 15.00 WIB',
    )
    expect(id.textContent).toContain('semua akun YouTube di semua instansi')
    expect(id.getAttribute('data-level')).toBe('ok')
    first.unmount()

    vi.stubGlobal('fetch', vi.fn(youtube(8200).fetchMock))
    renderWithProviders(<AccountConnectionPanel account={yt} canManage={false} onClose={() => undefined} />, {
      locale: 'en',
    })
    const en = await screen.findByTestId('connection-daily-units')
    expect(en.textContent).toContain(
      'YouTube daily quota (all of Warta): 8,200 of 10,000 units, resets at 15:00 WIB · nearly used up',
    )
    expect(en.getAttribute('data-level')).toBe('nearLimit')
  })

  it('says since when the inbox is behind the account, in both languages, and nothing while it keeps up', async () => {
    const inbox = (behindSince: string | null) => ({
      lastPolledAt: '2026-03-01T02:00:00.000Z',
      lastSuccessAt: '2026-03-01T01:00:00.000Z',
      behindSince,
      failures: behindSince ? 3 : 0,
      lastError: behindSince ? 'unavailable: 503' : null,
      backfilledAt: '2026-03-01T00:00:00.000Z',
    })
    const health = (behindSince: string | null) =>
      fakeApi({
        [`GET ${path}`]: { status: 200, body: { ...base, state: 'connected', inbox: inbox(behindSince) } },
      })
    vi.stubGlobal('fetch', vi.fn(health('2026-03-01T01:05:00.000Z').fetchMock))
    const first = renderWithProviders(
      <AccountConnectionPanel account={account} canManage={false} onClose={() => undefined} />,
    )
    const id = await screen.findByTestId('connection-inbox-behind')
    expect(id.textContent).toContain('Kotak masuk tertinggal sejak')
    expect(id.textContent).toContain('3 kali gagal membaca berturut-turut')
    first.unmount()

    vi.stubGlobal('fetch', vi.fn(health('2026-03-01T01:05:00.000Z').fetchMock))
    const second = renderWithProviders(
      <AccountConnectionPanel account={account} canManage={false} onClose={() => undefined} />,
      { locale: 'en' },
    )
    expect((await screen.findByTestId('connection-inbox-behind')).textContent).toContain('Inbox behind since')
    second.unmount()

    vi.stubGlobal('fetch', vi.fn(health(null).fetchMock))
    renderWithProviders(
      <AccountConnectionPanel account={account} canManage={false} onClose={() => undefined} />,
    )
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(screen.queryByTestId('connection-inbox-behind')).toBeNull()
  })
})
