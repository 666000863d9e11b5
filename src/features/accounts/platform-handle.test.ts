import { describe, expect, it } from 'vitest'
import { defaultAccountUrl, HANDLE_RULES, normaliseHandle, ruledLength } from './platform-handle.ts'

describe('normaliseHandle', () => {
  it('drops a leading @ and lower-cases the compared form, keeping the casing as typed for display', () => {
    expect(normaliseHandle('x', ' @HumasBandung ')).toEqual({
      ok: true,
      handle: 'humasbandung',
      display: 'HumasBandung',
    })
  })

  it('refuses an X handle longer than 15 characters or with a dot', () => {
    expect(normaliseHandle('x', 'humaskotabandung1').ok).toBe(false)
    expect(normaliseHandle('x', 'humas.bdg').ok).toBe(false)
  })

  it('accepts Instagram dots but not at the ends or doubled', () => {
    expect(normaliseHandle('instagram', 'humas.bandung').ok).toBe(true)
    expect(normaliseHandle('instagram', '.humas').ok).toBe(false)
    expect(normaliseHandle('instagram', 'humas..bdg').ok).toBe(false)
  })

  it('needs at least five characters for a Facebook page name and a letter first on Telegram', () => {
    expect(normaliseHandle('facebook', 'bdg').ok).toBe(false)
    expect(normaliseHandle('telegram', '1humas').ok).toBe(false)
    expect(normaliseHandle('telegram', 'humas_bdg').ok).toBe(true)
  })

  it('takes a domain on Bluesky and user@server on Mastodon', () => {
    expect(normaliseHandle('bluesky', 'humas.bandung.go.id')).toMatchObject({
      ok: true,
      handle: 'humas.bandung.go.id',
    })
    expect(normaliseHandle('bluesky', 'humas').ok).toBe(false)
    expect(normaliseHandle('mastodon', '@Humas@mastodon.social')).toEqual({
      ok: true,
      handle: 'humas@mastodon.social',
      display: 'Humas@mastodon.social',
    })
    expect(normaliseHandle('mastodon', 'humas').ok).toBe(false)
  })

  it('stores a WhatsApp number in E.164 whatever way it was written', () => {
    expect(normaliseHandle('whatsapp', '0812-3456-7890')).toMatchObject({
      ok: true,
      handle: '+6281234567890',
    })
    expect(normaliseHandle('whatsapp', '+62 812 3456 7890')).toMatchObject({
      ok: true,
      handle: '+6281234567890',
    })
    expect(normaliseHandle('whatsapp', '12345').ok).toBe(false)
  })

  it('names the platform rule broken as a message key with the handle typed', () => {
    expect(normaliseHandle('x', 'humas bandung')).toEqual({
      ok: false,
      problem: { key: 'accounts.handle_invalid.x', params: { handle: 'humas bandung' } },
    })
    expect(normaliseHandle('tiktok', '')).toEqual({ ok: false, problem: { key: 'accounts.handle_required' } })
  })
})

describe('HANDLE_RULES', () => {
  it('knows the longest handle of each platform, counting only the name part of a Mastodon handle', () => {
    expect(HANDLE_RULES.x.maxLength).toBe(15)
    expect(HANDLE_RULES.instagram.maxLength).toBe(30)
    expect(ruledLength('mastodon', 'humas@mastodon.social')).toBe(5)
    expect(HANDLE_RULES.x.character.test('-')).toBe(false)
    expect(HANDLE_RULES.instagram.character.test('.')).toBe(true)
  })
})

describe('defaultAccountUrl', () => {
  it('builds the public address of each platform', () => {
    expect(defaultAccountUrl('tiktok', 'humasbdg')).toBe('https://www.tiktok.com/@humasbdg')
    expect(defaultAccountUrl('mastodon', 'humas@mastodon.social')).toBe('https://mastodon.social/@humas')
    expect(defaultAccountUrl('whatsapp', '+6281234567890')).toBe('https://wa.me/6281234567890')
    expect(defaultAccountUrl('sandbox', 'humas.latihan')).toBe('https://sandbox.warta.invalid/@humas.latihan')
  })
})

describe('the sandbox platform (Mode Latihan)', () => {
  it('takes Instagram-like handles, lower-cased, and refuses spaces', () => {
    expect(normaliseHandle('sandbox', '@Humas.Latihan')).toEqual({
      ok: true,
      handle: 'humas.latihan',
      display: 'Humas.Latihan',
    })
    expect(normaliseHandle('sandbox', 'humas latihan')).toEqual({
      ok: false,
      problem: { key: 'accounts.handle_invalid.sandbox', params: { handle: 'humas latihan' } },
    })
  })
})
