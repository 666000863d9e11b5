import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'
import { instanceFromHandle } from './mastodon-credentials-form.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  id: '99999999-9999-4999-8999-999999999999',
  platform: 'mastodon',
  handle: '@humas@mastodon.kotacontoh.go.id',
} as unknown as Account

const base: ConnectionHealth = {
  accountId: account.id,
  platform: 'mastodon',
  connectable: true,
  needsCredentials: true,
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

function open(routes: Parameters<typeof fakeApi>[0], locale: 'id' | 'en' = 'id') {
  const api = fakeApi({ [`GET ${path}`]: { status: 200, body: base }, ...routes })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  renderWithProviders(<AccountConnectionPanel account={account} canManage onClose={() => undefined} />, {
    locale,
  })
  return api.calls
}

describe('connecting a Mastodon account', () => {
  it('reads the instance from a handle', () => {
    expect(instanceFromHandle('@humas@mastodon.go.id')).toBe('https://mastodon.go.id')
    expect(instanceFromHandle('humas@social.example')).toBe('https://social.example')
    expect(instanceFromHandle('@humas')).toBe('')
  })

  it('connects with the instance from the handle and an access token, and shows the connected state', async () => {
    const calls = open({
      [`POST ${path}`]: {
        status: 200,
        body: { ...base, state: 'connected', platformHandle: '@humas@mastodon.kotacontoh.go.id' },
      },
    })
    const form = await screen.findByRole('form', { name: 'Hubungkan dengan token akses Mastodon' })
    expect(within(form).getByLabelText<HTMLInputElement>(/^Alamat server/).value).toBe(
      'https://mastodon.kotacontoh.go.id',
    )
    expect(form.textContent).toContain('Preferensi → Pengembangan → Aplikasi baru')
    fireEvent.change(within(form).getByLabelText(/^Token akses/), { target: { value: ' tok-123 ' } })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Hubungkan' }))
    })
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      credentials: { instanceUrl: 'https://mastodon.kotacontoh.go.id', accessToken: 'tok-123' },
    })
  })

  it('asks for the token and an https address before sending anything, in English too', async () => {
    const calls = open({}, 'en')
    const form = await screen.findByRole('form', { name: 'Connect with a Mastodon access token' })
    fireEvent.change(within(form).getByLabelText(/^Server address/), {
      target: { value: 'http://mastodon.example' },
    })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Connect' }))
    })
    expect(form.textContent).toContain("Enter the access token created in Mastodon's settings.")
    expect(form.textContent).toContain("Write the Mastodon server's https address")
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
  })
})
