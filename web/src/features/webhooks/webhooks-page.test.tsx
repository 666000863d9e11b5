import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import type { WebhookActivity } from './webhooks-types.ts'
import { WebhooksPage } from './webhooks-page.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const ACTIVITY: WebhookActivity = {
  rejections: [],
  platforms: [
    {
      // Refused after its last accepted delivery: the secrets likely differ.
      platform: 'facebook',
      configured: true,
      received24h: 0,
      processed24h: 0,
      received7d: 3,
      processed7d: 3,
      waiting7d: 0,
      lastReceivedAt: '2026-12-01T02:00:00.000Z',
      rejections: [
        { reason: 'bad_signature', count: 40, lastAt: '2026-12-07T03:00:00.000Z' },
        { reason: 'stale', count: 2, lastAt: '2026-11-30T03:00:00.000Z' },
      ],
      rejected: 42,
      lastRejectedAt: '2026-12-07T03:00:00.000Z',
    },
    {
      platform: 'telegram',
      configured: true,
      received24h: 12,
      processed24h: 11,
      received7d: 80,
      processed7d: 79,
      waiting7d: 1,
      lastReceivedAt: '2026-12-07T04:00:00.000Z',
      rejections: [{ reason: 'stale', count: 1, lastAt: '2026-12-05T01:00:00.000Z' }],
      rejected: 1,
      lastRejectedAt: '2026-12-05T01:00:00.000Z',
    },
    {
      platform: 'tiktok',
      configured: false,
      received24h: 0,
      processed24h: 0,
      received7d: 0,
      processed7d: 0,
      waiting7d: 0,
      lastReceivedAt: null,
      rejections: [],
      rejected: 0,
      lastRejectedAt: null,
    },
  ],
}

function serve() {
  const api = fakeApi({ 'GET /api/webhook-rejections': { status: 200, body: ACTIVITY } })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api
}

describe('WebhooksPage', () => {
  it('shows each platform’s deliveries and refusals by reason, and says what rising refusals mean', async () => {
    serve()
    renderWithProviders(<WebhooksPage />)
    const table = await screen.findByTestId('webhook-activity', {}, { timeout: 5000 })
    const telegram = within(table).getByText('Telegram').closest('tr') as HTMLElement
    for (const words of ['12 diterima', '11 diproses', '80 diterima', '79 diproses', '1 menunggu diproses'])
      expect(telegram.textContent).toContain(words)
    expect(telegram.textContent).toContain('basi atau diulang: 1')
    const facebook = within(table).getByText('Facebook').closest('tr') as HTMLElement
    expect(facebook.textContent).toContain('tanda tangan salah: 40')
    expect(facebook.textContent).toContain('42')
    const tiktok = within(table).getByText('TikTok').closest('tr') as HTMLElement
    expect(tiktok.textContent).toContain('Belum diatur')
    expect(tiktok.textContent).toContain('Belum pernah')
    expect(screen.getByText(/ada pihak yang mengirim permintaan palsu/)).toBeTruthy()
    // Facebook's refusals came after its last accepted delivery; Telegram's did not.
    const warning = screen.getByText(/Kiriman terakhir dari/)
    expect(warning.textContent).toContain('Facebook')
    expect(warning.textContent).not.toContain('Telegram')
  })

  it('speaks English when the user chose it', async () => {
    serve()
    renderWithProviders(<WebhooksPage />, { locale: 'en' })
    const table = await screen.findByTestId('webhook-activity', {}, { timeout: 5000 })
    expect(within(table).getAllByText('wrong signature: 40')).toHaveLength(1)
    expect(within(table).getByText('Not set')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Platform webhooks')
    expect(screen.getByText(/the app secret in the platform's portal differs/)).toBeTruthy()
  })
})
