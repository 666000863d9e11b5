import { describe, expect, it } from 'vitest'
import { PLATFORM_RULES } from './platform-rules.ts'
import { POSTING_PLATFORMS } from './platforms.ts'
import { validateVariant } from './validate-variant.ts'

const keys = (verdict: ReturnType<typeof validateVariant>) => verdict.problems.map((found) => found.key)

describe('validateVariant', () => {
  it('has a rule for every posting platform', () => {
    expect(Object.keys(PLATFORM_RULES).sort()).toEqual([...POSTING_PLATFORMS].sort())
  })

  it('refuses X text over 280 weighted characters and spans the whole text', () => {
    const text = 'a'.repeat(281)
    const verdict = validateVariant({ platform: 'x', text, media: [] })
    expect(verdict).toMatchObject({ length: 281, limit: 280 })
    expect(verdict.problems[0]).toMatchObject({ key: 'posts.too_long_x_weighted', start: 0, end: 281 })
  })

  it('counts Bluesky in graphemes: 300 emoji families fit', () => {
    const verdict = validateVariant({ platform: 'bluesky', text: '👩‍👩‍👧'.repeat(300), media: [] })
    expect(verdict.length).toBe(300)
    expect(verdict.problems).toEqual([])
  })

  it('counts Mastodon as the instance does: a long link is 23, so 577 code points fit and one more does not', () => {
    const link = `https://dinkes.example.go.id/${'a'.repeat(71)}`
    const fits = validateVariant({ platform: 'mastodon', text: `${'a'.repeat(476)} ${link}`, media: [] })
    expect(fits).toMatchObject({ length: 500, limit: 500, problems: [] })
    const over = validateVariant({ platform: 'mastodon', text: `${'a'.repeat(477)} ${link}`, media: [] })
    expect(over.problems[0]).toMatchObject({ key: 'posts.too_long_mastodon', params: { length: 501 } })
  })

  it('counts TikTok in UTF-16 units and YouTube in bytes, as their APIs do', () => {
    expect(validateVariant({ platform: 'tiktok', text: '😀'.repeat(1100), media: [] }).length).toBe(2200)
    const youtube = validateVariant({ platform: 'youtube', text: `Judul\n${'é'.repeat(2500)}`, media: [] })
    expect(keys(youtube)).toContain('posts.too_long_utf8_bytes')
  })

  it('counts Threads emoji as their UTF-8 bytes: 125 of them fill the 500, one more is over', () => {
    expect(validateVariant({ platform: 'threads', text: '😀'.repeat(125), media: [] })).toMatchObject({
      length: 500,
      problems: [],
    })
    const over = validateVariant({ platform: 'threads', text: '😀'.repeat(126), media: [] })
    expect(over.problems[0]).toMatchObject({
      key: 'posts.too_long_emoji_bytes',
      params: { platform: 'Threads', length: 504, limit: 500 },
    })
  })

  it('takes a Threads carousel of 20 and refuses 21', () => {
    const images = (count: number) =>
      Array.from({ length: count }, () => ({ kind: 'image' as const, altText: 'Foto' }))
    expect(keys(validateVariant({ platform: 'threads', text: 'Galeri', media: images(20) }))).toEqual([])
    expect(keys(validateVariant({ platform: 'threads', text: 'Galeri', media: images(21) }))).toEqual([
      'posts.too_many_images',
    ])
  })

  it('requires alt text for images where the platform shows it, not where it does not', () => {
    const media = [{ kind: 'image' as const, altText: ' ' }]
    expect(validateVariant({ platform: 'bluesky', text: 'Foto kegiatan', media }).problems).toEqual([
      expect.objectContaining({ field: 'media.0.altText', key: 'posts.alt_text_required' }),
    ])
    expect(keys(validateVariant({ platform: 'telegram', text: 'Foto kegiatan', media }))).toEqual([])
  })

  it('limits the number of images and refuses images where only video is taken', () => {
    const five = Array.from({ length: 5 }, () => ({ kind: 'image' as const, altText: 'Foto' }))
    expect(keys(validateVariant({ platform: 'x', text: 'Foto', media: five }))).toEqual([
      'posts.too_many_images',
    ])
    expect(keys(validateVariant({ platform: 'youtube', text: 'Video', media: five.slice(0, 1) }))).toEqual([
      'posts.images_not_allowed',
      'posts.video_required',
    ])
  })

  it('needs media on Instagram', () => {
    expect(keys(validateVariant({ platform: 'instagram', text: 'Hanya teks', media: [] }))).toEqual([
      'posts.media_required',
    ])
  })

  it('checks hashtag and mention syntax as the platform reads them', () => {
    const text = 'Selamat #HariBatik2026! Bersama @humas_kota dan #2026 serta @nama-dengan-strip.'
    const verdict = validateVariant({ platform: 'x', text, media: [] })
    expect(verdict.problems.map((found) => [found.key, text.slice(found.start, found.end)])).toEqual([
      ['posts.hashtag_invalid', '#2026'],
      ['posts.mention_invalid', '@nama-dengan-strip'],
    ])
    // A Bluesky handle is a domain name; an e-mail address is not a mention.
    expect(
      keys(
        validateVariant({
          platform: 'bluesky',
          text: 'Ikuti @humas.bsky.social atau surel humas@kota.go.id',
          media: [],
        }),
      ),
    ).toEqual([])
  })

  it('refuses more than 30 hashtags on Instagram', () => {
    const text = Array.from({ length: 31 }, (_, index) => `#tagar${index}`).join(' ')
    expect(
      keys(validateVariant({ platform: 'instagram', text, media: [{ kind: 'image', altText: 'Foto' }] })),
    ).toEqual(['posts.too_many_hashtags'])
  })
})
