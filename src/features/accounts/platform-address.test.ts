import { describe, expect, it } from 'vitest'
import {
  handleFromAddress,
  looksLikeAddress,
  normaliseAccountUrl,
  parseAddress,
  platformOfHost,
  readAccountAddress,
} from './platform-address.ts'
import type { Platform } from './platform-handle.ts'

function handleOf(platform: Platform, address: string): string | undefined {
  const reading = readAccountAddress(platform, address)
  return reading.ok ? reading.handle : `problem:${reading.problem.key}`
}

describe('reading the handle out of an address', () => {
  it('reads it on every platform, with or without https:// and www., keeping its casing', () => {
    expect(handleOf('instagram', 'instagram.com/HumasKota')).toBe('HumasKota')
    expect(handleOf('instagram', 'https://www.instagram.com/humas.kota/')).toBe('humas.kota')
    expect(handleOf('x', 'https://x.com/humaskota?lang=id')).toBe('humaskota')
    expect(handleOf('x', 'twitter.com/humaskota')).toBe('humaskota')
    expect(handleOf('threads', 'https://www.threads.net/@humas.kota')).toBe('humas.kota')
    expect(handleOf('facebook', 'm.facebook.com/HumasKotaContoh')).toBe('HumasKotaContoh')
    expect(handleOf('facebook', 'https://www.facebook.com/profile.php?id=100064123456789')).toBe(
      '100064123456789',
    )
    expect(handleOf('tiktok', 'https://www.tiktok.com/@humaskota')).toBe('humaskota')
    expect(handleOf('youtube', 'youtube.com/@HumasKota')).toBe('HumasKota')
    expect(handleOf('youtube', 'https://www.youtube.com/c/humaskota')).toBe('humaskota')
    expect(handleOf('bluesky', 'https://bsky.app/profile/humas.bsky.social')).toBe('humas.bsky.social')
    expect(handleOf('mastodon', 'https://mastodon.social/@humas')).toBe('humas@mastodon.social')
    expect(handleOf('telegram', 't.me/humaskota')).toBe('humaskota')
    expect(handleOf('whatsapp', 'wa.me/6281234567890')).toBe('+6281234567890')
    expect(handleOf('whatsapp', 'https://api.whatsapp.com/send?phone=6281234567890')).toBe('+6281234567890')
  })

  it('names no handle for a page of the platform that is not an account, or an address on another host', () => {
    expect(handleOf('instagram', 'https://www.instagram.com/p/C1a2b3/')).toBeUndefined()
    expect(handleOf('youtube', 'https://www.youtube.com/channel/UC123')).toBeUndefined()
    expect(handleOf('x', 'https://kotacontoh.go.id/medsos')).toBeUndefined()
  })

  it('refuses an address of another platform and one that is no web address', () => {
    expect(handleOf('instagram', 'https://x.com/humaskota')).toBe('problem:accounts.address_other_platform')
    expect(handleOf('x', 'bukan alamat')).toBe('problem:accounts.url_invalid')
  })

  it('tells an address from a handle, a Bluesky domain handle included', () => {
    expect(looksLikeAddress('instagram.com/humas')).toBe(true)
    expect(looksLikeAddress('https://bsky.app/profile/humas.bsky.social')).toBe(true)
    expect(looksLikeAddress('humas.bsky.social')).toBe(false)
    expect(looksLikeAddress('@humas')).toBe(false)
    expect(platformOfHost('web.facebook.com')).toBe('facebook')
    expect(platformOfHost('kotacontoh.go.id')).toBeUndefined()
    expect(handleFromAddress('tiktok', parseAddress('tiktok.com/humas')!)).toBeUndefined()
  })
})

describe('sandbox addresses', () => {
  it('reads the handle out of the address the registry gives a sandbox account', () => {
    expect(handleOf('sandbox', 'https://sandbox.warta.invalid/@Humas.Latihan')).toBe('Humas.Latihan')
    expect(platformOfHost('sandbox.warta.invalid')).toBe('sandbox')
  })
})

describe('normaliseAccountUrl', () => {
  it('adds https:// to an address typed without a scheme and keeps a full one as typed', () => {
    expect(normaliseAccountUrl('instagram.com/humas')).toEqual({
      ok: true,
      url: 'https://instagram.com/humas',
    })
    expect(normaliseAccountUrl('https://www.instagram.com/humas/')).toEqual({
      ok: true,
      url: 'https://www.instagram.com/humas/',
    })
  })

  it('refuses http:// and other schemes, and what is no address', () => {
    expect(normaliseAccountUrl('http://instagram.com/humas')).toMatchObject({
      ok: false,
      problem: { key: 'accounts.url_not_https' },
    })
    expect(normaliseAccountUrl('ftp://instagram.com/humas')).toMatchObject({ ok: false })
    expect(normaliseAccountUrl('bukan url')).toMatchObject({
      ok: false,
      problem: { key: 'accounts.url_invalid' },
    })
  })
})
