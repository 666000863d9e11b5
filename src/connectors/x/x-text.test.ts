// X's weighted length (the shared count of the NFC form, platforms.md §3.3 item 9) and the per-post price shown
// before publishing (platforms.md §3.3 item 7, §7 pitfall 6).
import { describe, expect, it } from 'vitest'
import { estimateXCost } from './x-cost.ts'
import { xWeightedLength } from './x-text.ts'

describe('X weighted length', () => {
  it('counts Latin as 1, CJK as 2, an emoji as 2 and any URL as 23', () => {
    expect(xWeightedLength('Halo warga')).toBe(10)
    expect(xWeightedLength('日本')).toBe(4)
    expect(xWeightedLength('👍🏽')).toBe(2)
    expect(xWeightedLength('🇮🇩')).toBe(2)
    expect(
      xWeightedLength('Info: https://kominfo.example.go.id/berita/2026/12/07/sangat-panjang-sekali'),
    ).toBe(6 + 23)
  })

  it('counts the NFC form (a decomposed é is one character)', () => {
    expect(xWeightedLength('Cafe\u0301')).toBe(4)
  })
})

describe('estimateXCost', () => {
  it('is US$0.015 for a post and US$0.200 for a post with a URL', () => {
    expect(estimateXCost({ text: 'Pelayanan KTP buka Sabtu' })).toEqual({ usd: 0.015, basis: 'post' })
    expect(estimateXCost({ text: 'Baca di https://kominfo.example.go.id/x' })).toEqual({
      usd: 0.2,
      basis: 'post_with_url',
    })
    expect(estimateXCost({ text: 'Kunjungi diskominfo.go.id' })).toEqual({ usd: 0.2, basis: 'post_with_url' })
  })
})
