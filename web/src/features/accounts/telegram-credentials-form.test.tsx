import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'
import { channelOf } from './telegram-credentials-form.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  id: '99999999-9999-4999-8999-999999999999',
  platform: 'telegram',
  handle: 'dinkeskota',
} as unknown as Account

const base: ConnectionHealth = {
  accountId: account.id,
  platform: 'telegram',
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
const TOKEN = '7000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'

function open(routes: Parameters<typeof fakeApi>[0], locale: 'id' | 'en' = 'id') {
  const api = fakeApi({ [`GET ${path}`]: { status: 200, body: base }, ...routes })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  renderWithProviders(<AccountConnectionPanel account={account} canManage onClose={() => undefined} />, {
    locale,
  })
  return api.calls
}

describe('connecting a Telegram channel', () => {
  it('explains @BotFather and the admin rights, and connects with the bot token and the channel', async () => {
    const calls = open({
      [`POST ${path}`]: { status: 200, body: { ...base, state: 'connected', platformHandle: '@dinkeskota' } },
    })
    const form = await screen.findByRole('form', { name: 'Hubungkan kanal Telegram dengan bot' })
    expect(form.textContent).toContain('@BotFather')
    expect(form.textContent).toContain('Tambah admin')
    expect(form.textContent).toContain('grup diskusi')
    expect(screen.queryByText(/lewat API/)).toBeNull()
    expect(within(form).getByLabelText<HTMLInputElement>(/^Kanal/).value).toBe('@dinkeskota')
    fireEvent.change(within(form).getByLabelText(/^Token bot/), { target: { value: ` ${TOKEN} ` } })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Hubungkan' }))
    })
    expect(await screen.findByText('Terhubung')).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      credentials: { botToken: TOKEN, channel: '@dinkeskota' },
    })
  })

  it('asks for a real token and a channel name or id before calling the API', async () => {
    const calls = open({}, 'en')
    const form = await screen.findByRole('form', { name: 'Connect a Telegram channel through a bot' })
    fireEvent.change(within(form).getByLabelText(/^Bot token/), { target: { value: 'my-password' } })
    fireEvent.change(within(form).getByLabelText(/^Channel/), { target: { value: '12345' } })
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Connect' }))
    })
    expect(within(form).getByText(/That is not a bot token/)).toBeTruthy()
    expect(within(form).getByText(/Write the channel's @name/)).toBeTruthy()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
  })

  it('reads a channel as @name, t.me link or -100 id', () => {
    expect(channelOf('dinkeskota')).toBe('@dinkeskota')
    expect(channelOf('https://t.me/dinkeskota')).toBe('@dinkeskota')
    expect(channelOf('-1001234567890')).toBe('-1001234567890')
    expect(channelOf('-12')).toBeNull()
  })
})
