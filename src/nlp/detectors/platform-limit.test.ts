import { describe, it, expect } from 'vitest'
import twitterText from 'twitter-text'
import { countText } from '../../shared/count-text.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { POSTING_PLATFORMS } from '../../shared/platforms.ts'
import { checkPlatformLimit, measureForPlatform } from './platform-limit.ts'

describe('measureForPlatform', () => {
  it('counts X text exactly as twitter-text parseTweet does, URLs as 23 and emoji as 2', () => {
    const text = 'Info vaksin 😀 https://www.kemkes.go.id/article/view/very/long/path/to/page'
    expect(measureForPlatform('x', text)).toBe(twitterText.parseTweet(text).weightedLength)
    expect(measureForPlatform('x', 'a😀')).toBe(3)
    expect(measureForPlatform('x', 'https://example.com/a/b/c/d/e/f/g')).toBe(23)
  })

  it('counts Bluesky in graphemes, so a family emoji is one', () => {
    expect(measureForPlatform('bluesky', '👨‍👩‍👧‍👦')).toBe(1)
    expect(measureForPlatform('bluesky', 'é')).toBe(1)
  })
})

describe('checkPlatformLimit', () => {
  it('accepts exactly 280 Latin characters on X and rejects 281', () => {
    expect(checkPlatformLimit('x', 'a'.repeat(280)).fits).toBe(true)
    expect(checkPlatformLimit('x', 'a'.repeat(281)).fits).toBe(false)
  })

  it('rejects 141 CJK characters on X because each weighs 2', () => {
    expect(checkPlatformLimit('x', '字'.repeat(141)).fits).toBe(false)
  })

  it('accepts 300 emoji graphemes on Bluesky but not 301', () => {
    expect(checkPlatformLimit('bluesky', '👍🏽'.repeat(300)).fits).toBe(true)
    expect(checkPlatformLimit('bluesky', '👍🏽'.repeat(301)).fits).toBe(false)
  })

  it('applies the platforms.md limits to the other platforms', () => {
    expect(checkPlatformLimit('mastodon', 'a'.repeat(501)).fits).toBe(false)
    expect(
      checkPlatformLimit('mastodon', `${'a'.repeat(470)} https://example.com/${'x'.repeat(100)}`).fits,
    ).toBe(true)
    expect(checkPlatformLimit('instagram', 'a'.repeat(2200)).fits).toBe(true)
    expect(checkPlatformLimit('instagram', 'a'.repeat(2201)).fits).toBe(false)
    expect(checkPlatformLimit('tiktok', 'a'.repeat(2201)).fits).toBe(false)
    expect(checkPlatformLimit('telegram', 'a'.repeat(4097)).fits).toBe(false)
    expect(checkPlatformLimit('facebook', 'a'.repeat(63206)).fits).toBe(true)
    expect(checkPlatformLimit('youtube', 'é'.repeat(2501)).fits).toBe(false)
    expect(checkPlatformLimit('threads', 'a'.repeat(501)).fits).toBe(false)
    expect(checkPlatformLimit('threads', `${'a'.repeat(496)}😀`)).toMatchObject({ length: 500, fits: true })
    expect(checkPlatformLimit('threads', `${'a'.repeat(497)}😀`).fits).toBe(false)
  })

  it('counts Mastodon as the instance does: every link 23, a remote mention without its domain', () => {
    const link = `https://dinkes.example.go.id/${'a'.repeat(71)}`
    expect(checkPlatformLimit('mastodon', `${'a'.repeat(476)} ${link}`)).toEqual({
      length: 500,
      limit: 500,
      counting: 'mastodon',
      fits: true,
    })
    expect(checkPlatformLimit('mastodon', `${'a'.repeat(477)} ${link}`).fits).toBe(false)
    expect(measureForPlatform('mastodon', 'cc @humas@mastodon.go.id')).toBe('cc @humas'.length)
    // Without its scheme a domain is no link on Mastodon: every letter counts.
    expect(measureForPlatform('mastodon', `cek ${link.slice(8)}`)).toBe(4 + 92)
  })
})

describe('the shared table of platform rules', () => {
  const sample = 'Info 😀 café https://dinkes.example.go.id/layanan/vaksinasi?tahap=2 @humas@mastodon.go.id'

  it.each(POSTING_PLATFORMS)('gives %s the limit and the count the composer shows', (platform) => {
    const rule = PLATFORM_RULES[platform]
    expect(checkPlatformLimit(platform, sample)).toMatchObject({
      length: countText(sample, rule.textCounting),
      limit: rule.maxTextLength,
      counting: rule.textCounting,
    })
  })
})
