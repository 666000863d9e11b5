import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  id: '88888888-8888-4888-8888-888888888888',
  platform: 'bluesky',
  handle: 'dinkes.kotacontoh.go.id',
} as unknown as Account

const base: ConnectionHealth = {
  accountId: account.id,
  platform: 'bluesky',
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

describe('connecting a Bluesky account', () => {
  it("connects with the account's handle and an app password, on bsky.social unless told otherwise", async () => {
    const calls = open({
      [`POST ${path}`]: {
        status: 200,
        body: { ...base, state: 'connected', platformHandle: 'dinkes.kotacontoh.go.id' },
      },
    })
    const form = await screen.findByRole('form', { name: 'Hubungkan dengan sandi aplikasi Bluesky' })
    expect(within(form).getByLabelText<HTMLInputElement>('Handle').value).toBe('dinkes.kotacontoh.go.id')
    expect(form.textContent).toContain('Warta tidak pernah meminta sandi utama akun')
    expect(form.textContent).toContain('Pengaturan → Privasi dan keamanan → Sandi aplikasi')
    fireEvent.change(within(form).getByLabelText(/^Sandi aplikasi/), {
      target: { value: 'abcd-efgh-ijkl-mnop' },
    })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Hubungkan' }))
    })
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      credentials: { appPassword: 'abcd-efgh-ijkl-mnop', service: 'https://bsky.social' },
    })
  })

  it('sends the PDS given for an account on its own server', async () => {
    const calls = open({ [`POST ${path}`]: { status: 200, body: { ...base, state: 'connected' } } })
    const form = await screen.findByRole('form')
    fireEvent.change(within(form).getByLabelText(/^Sandi aplikasi/), {
      target: { value: 'abcd-efgh-ijkl-mnop' },
    })
    fireEvent.change(within(form).getByLabelText('Alamat server (PDS)'), {
      target: { value: 'https://pds.kotacontoh.go.id/' },
    })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Hubungkan' }))
    })
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      credentials: { appPassword: 'abcd-efgh-ijkl-mnop', service: 'https://pds.kotacontoh.go.id' },
    })
  })

  it('asks for the app password and an https server before calling the API', async () => {
    const calls = open({})
    const form = await screen.findByRole('form')
    fireEvent.change(within(form).getByLabelText('Alamat server (PDS)'), {
      target: { value: 'http://pds.example.org' },
    })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Hubungkan' }))
    })
    expect(within(form).getByText('Isi sandi aplikasi yang dibuat di pengaturan Bluesky.')).toBeTruthy()
    expect(within(form).getByText('Tulis alamat https, misalnya https://bsky.social.')).toBeTruthy()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
  })

  it("shows Bluesky's refusal in words beside the app password, in the language on screen", async () => {
    open(
      {
        [`POST ${path}`]: {
          status: 400,
          body: {
            error: {
              code: 'invalid_input',
              key: 'connections.credentials_refused',
              params: { reason: 'Invalid identifier or password' },
              message: 'Platform menolak kredensial ini: Invalid identifier or password',
              details: {
                credentials: {
                  key: 'connections.credentials_refused',
                  params: { reason: 'Invalid identifier or password' },
                  message: 'Platform menolak kredensial ini: Invalid identifier or password',
                },
              },
            },
          },
        },
      },
      'en',
    )
    const form = await screen.findByRole('form', { name: 'Connect with a Bluesky app password' })
    fireEvent.change(within(form).getByLabelText(/^App password/), { target: { value: 'salah-salah' } })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Connect' }))
    })
    expect(
      await within(form).findByText('The platform refused these credentials: Invalid identifier or password'),
    ).toBeTruthy()
    expect(
      within(form)
        .getByLabelText(/^App password/)
        .getAttribute('aria-invalid'),
    ).toBe('true')
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid identifier or password')
  })
})
