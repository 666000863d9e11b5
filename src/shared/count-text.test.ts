import twitterText from 'twitter-text'
import { describe, expect, it } from 'vitest'
import { countGraphemes, countText } from './count-text.ts'

describe('countText', () => {
  it.each([
    'Vaksinasi gratis di Puskesmas pada Sabtu pukul 08.00 WIB.',
    'Info lengkap: https://dinkes.example.go.id/layanan/vaksinasi-gratis-tahap-dua?ref=x',
    'Selamat Hari Batik Nasional 🇮🇩👩‍👩‍👧 #HariBatik',
    '日本語のテキストと English',
    'Kutipan “resmi” — dan tanda hubung – serta elipsis…',
  ])('counts %s as twitter-text weighs it for X', (text) => {
    expect(countText(text, 'x_weighted')).toBe(twitterText.parseTweet(text).weightedLength)
  })

  it('counts graphemes for Bluesky, so a family emoji is one character', () => {
    expect(countText('Halo 👩‍👩‍👧', 'graphemes')).toBe(6)
  })

  it('counts an emoji as its UTF-8 bytes for Threads, and the rest as code points', () => {
    expect(countText('Halo 😀', 'emoji_bytes')).toBe(5 + 4)
    expect(countText('Merdeka 🇮🇩', 'emoji_bytes')).toBe(8 + 8)
    expect(countText('Keluarga 👩‍👩‍👧', 'emoji_bytes')).toBe(9 + 18)
    expect(countText('Layanan publik — gratis', 'emoji_bytes')).toBe(23)
    expect(countText('日本語', 'emoji_bytes')).toBe(3)
  })

  it('counts code points elsewhere, so an emoji outside the BMP is one and not two UTF-16 units', () => {
    expect(countText('Halo 😀', 'code_points')).toBe(6)
  })
})

// Mastodon's server (StatusLengthValidator) rewrites every link it extracts (twitter-text's extractor, scheme
// required) to 23 characters and every remote mention to its local part, then counts graphemes; the docs say links
// "must begin with http:// or https://" (docs.joinmastodon.org/user/posting).
describe("countText 'mastodon'", () => {
  const longUrl = `https://dinkes.example.go.id/${'a'.repeat(71)}` // 100 characters
  const body = 'Vaksinasi gratis di Puskesmas Sabtu pukul 08.00 WIB, bawa KTP dan kartu vaksin. '

  it('fits a toot with a 100-character link in 500 as Mastodon counts, even at 577 code points', () => {
    expect(longUrl).toHaveLength(100)
    const toot = `${body.repeat(5).slice(0, 379)} ${longUrl}`
    expect([...toot]).toHaveLength(480)
    expect(countText(toot, 'mastodon')).toBe(379 + 1 + 23)
    expect(countText(`${'a'.repeat(476)} ${longUrl}`, 'mastodon')).toBe(500)
    expect(countText(`${'a'.repeat(477)} ${longUrl}`, 'mastodon')).toBe(501)
  })

  it('counts a short link as 23 too, whatever its length', () => {
    expect(countText('https://a.id', 'mastodon')).toBe(23)
  })

  it('counts http:// and https:// links alike', () => {
    expect(countText(`Info http://${longUrl.slice(8)}`, 'mastodon')).toBe(5 + 23)
    expect(countText(`Info ${longUrl}`, 'mastodon')).toBe(5 + 23)
    expect(countText('HTTPS://DINKES.GO.ID/JADWAL', 'mastodon')).toBe(23)
  })

  it('does not take a bare domain without a scheme for a link: it counts letter by letter', () => {
    const text = 'Info lengkap di dinkes.example.go.id/layanan/vaksinasi-gratis'
    expect(countText(text, 'mastodon')).toBe([...text].length)
  })

  it('leaves a closing parenthesis or trailing punctuation outside the link, and keeps balanced ones inside', () => {
    expect(countText(`(lihat ${longUrl})`, 'mastodon')).toBe('(lihat '.length + 23 + 1)
    expect(countText(`Sumber: ${longUrl}.`, 'mastodon')).toBe('Sumber: '.length + 23 + 1)
    expect(countText(`${longUrl}, ${longUrl}!`, 'mastodon')).toBe(23 + 2 + 23 + 1)
    expect(countText('https://id.wikipedia.org/wiki/Batik_(kain)', 'mastodon')).toBe(23)
  })

  it('counts a remote mention as its local part and a local mention as written, not an e-mail address', () => {
    expect(countText('cc @humas@mastodon.go.id', 'mastodon')).toBe('cc @humas'.length)
    expect(countText('@diskominfo.kota@social.example.id terima kasih', 'mastodon')).toBe(
      '@diskominfo.kota terima kasih'.length,
    )
    expect(countText('cc @humas', 'mastodon')).toBe('cc @humas'.length)
    expect(countText('surel humas@kominfo.go.id', 'mastodon')).toBe('surel humas@kominfo.go.id'.length)
  })

  it('counts emoji as the graphemes a person sees, as the instance does', () => {
    expect(countText('Halo 👋🏽', 'mastodon')).toBe(6)
    expect(countText('Selamat Hari Batik 🇮🇩👩‍👩‍👧', 'mastodon')).toBe('Selamat Hari Batik '.length + 2)
  })

  it.each([
    `Info: ${'https://dinkes.example.go.id/layanan/vaksinasi-gratis-tahap-dua?ref=x'}.`,
    'lihat (https://pemda.example.go.id/berita/a-b) ya',
    'http://kemkes.go.id, dan https://www.kemkes.go.id/article/view/2026?id=7&lang=id!',
    'xhttps://a.go.id/b tidak dimulai di batas kata',
    'https://contoh.tidakada/jalur/panjang domain tingkat atas yang tidak dikenal',
    'cek kominfo.go.id/abc sekarang',
    '«https://bsre.go.id/a» https://grå.org/ x',
  ])('finds the links twitter-text finds with the scheme required, as the instance does: %s', (text) => {
    const links = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
    let expected = text
    for (const link of [...links].reverse())
      expected = expected.slice(0, link.indices[0]) + 'x'.repeat(23) + expected.slice(link.indices[1])
    expect(countText(text, 'mastodon')).toBe(countGraphemes(expected))
  })
})

describe('countText, the other units', () => {
  it('counts UTF-16 units for TikTok, so an emoji outside the BMP is two', () => {
    expect(countText('Halo 😀', 'utf16_units')).toBe(7)
  })

  it('counts UTF-8 bytes for YouTube, so an accented letter is two', () => {
    expect(countText('Café', 'utf8_bytes')).toBe(5)
  })
})
