import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'
import type { OAuthChoice } from './oauth-page-chooser.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  id: '77777777-7777-4777-8777-777777777777',
  platform: 'facebook',
  handle: 'humaskabcontoh',
} as unknown as Account
const choiceId = '88888888-8888-4888-8888-888888888888'

const health: ConnectionHealth = {
  accountId: account.id,
  platform: 'facebook',
  connectable: true,
  needsCredentials: true,
  state: 'not_connected',
  platformAccountId: null,
  platformHandle: null,
  connectedAt: null,
  lastSuccessAt: null,
  lastError: null,
  capabilities: null,
  oauth: { offered: true, unavailableReason: null },
  tokenExpiresAt: null,
  refreshExpiresAt: null,
  reconnectBy: null,
  grantedScopes: null,
  missingFeatures: [],
  publishingQuota: null,
  dailyUnits: null,
  inbox: null,
}

const choice: OAuthChoice = {
  choiceId,
  accountId: account.id,
  platform: 'facebook',
  expiresAt: '2026-12-07T05:30:00.000Z',
  options: [
    {
      platformAccountId: '1001',
      name: 'Pemerintah Kabupaten Contoh',
      handle: 'pemkabcontoh',
      category: 'Government organization',
      url: 'https://www.facebook.com/pemkabcontoh',
      suggested: false,
      usedBy: { accountId: '99999999-9999-4999-8999-999999999999', handle: 'pemkabcontoh' },
    },
    {
      platformAccountId: '1002',
      name: 'Bupati Contoh',
      handle: 'bupaticontoh',
      category: 'Public figure',
      url: 'https://www.facebook.com/bupaticontoh',
      suggested: true,
      usedBy: null,
    },
  ],
}

const connectionPath = `/api/accounts/${account.id}/connection`
const choicePath = `/api/accounts/${account.id}/oauth/choices/${choiceId}`

function open(routes: Parameters<typeof fakeApi>[0], locale: 'id' | 'en' = 'id') {
  const api = fakeApi({ [`GET ${connectionPath}`]: { status: 200, body: health }, ...routes })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  const onChoiceMade = vi.fn()
  renderWithProviders(
    <AccountConnectionPanel
      account={account}
      canManage
      oauthOutcome="choose_page"
      oauthChoice={choiceId}
      onChoiceMade={onChoiceMade}
      onClose={() => undefined}
    />,
    { locale },
  )
  return { ...api, onChoiceMade }
}

describe('choosing the Facebook Page', () => {
  it('lists the Pages with name, category, id and address, refuses the one in use, and connects the chosen one', async () => {
    const { calls, onChoiceMade } = open({
      [`GET ${choicePath}`]: { status: 200, body: choice },
      [`POST ${choicePath}`]: {
        status: 200,
        body: { ...health, state: 'connected', platformAccountId: '1002', platformHandle: 'bupaticontoh' },
      },
    })
    expect((await screen.findByTestId('oauth-outcome')).textContent).toBe(
      'Login Facebook ini mengelola beberapa Halaman. Pilih Halaman untuk akun ini di bawah; belum ada yang dihubungkan.',
    )
    const options = await screen.findAllByTestId('oauth-page-option')
    expect(options).toHaveLength(2)
    const [used, free] = options as [HTMLElement, HTMLElement]
    expect(within(used).getByText('Pemerintah Kabupaten Contoh')).toBeTruthy()
    expect(within(used).getByText('Government organization · ID 1001')).toBeTruthy()
    expect(within(used).getByRole('link', { name: 'facebook.com/pemkabcontoh' }).getAttribute('href')).toBe(
      'https://www.facebook.com/pemkabcontoh',
    )
    // One Page, one account: the Page in use is marked and cannot be chosen.
    expect(within(used).getByText('Sudah dipakai akun pemkabcontoh')).toBeTruthy()
    expect(within(used).queryByRole('button')).toBeNull()
    expect(within(free).getByText('Cocok dengan registri')).toBeTruthy()

    await act(async () => {
      fireEvent.click(within(free).getByRole('button', { name: 'Pilih Halaman ini: Bupati Contoh' }))
    })
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST' && call.path === choicePath)?.body).toEqual({
      platformAccountId: '1002',
    })
    expect(screen.queryByTestId('oauth-page-chooser')).toBeNull()
    expect(screen.getByTestId('oauth-outcome').textContent).toBe('Akun terhubung lewat Facebook.')
    expect(onChoiceMade).toHaveBeenCalledOnce()
  })

  it('says in the language on screen when the choice has expired', async () => {
    open(
      {
        [`GET ${choicePath}`]: {
          status: 412,
          body: {
            error: {
              code: 'precondition_failed',
              key: 'connections.oauth.choice_expired',
              params: { platform: 'Facebook', minutes: 30 },
              message: 'Waktu memilih Halaman (30 menit) sudah habis; hubungkan lagi lewat Facebook.',
            },
          },
        },
      },
      'en',
    )
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The time to choose a Page (30 minutes) has run out; connect through Facebook again.',
    )
    expect(screen.queryAllByTestId('oauth-page-option')).toHaveLength(0)
  })
})
