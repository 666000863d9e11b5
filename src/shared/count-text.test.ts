import twitterText from 'twitter-text'
import { describe, expect, it } from 'vitest'
import { countText } from './count-text.ts'

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
