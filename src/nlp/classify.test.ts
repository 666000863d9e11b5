import { describe, it, expect } from 'vitest'
import { classify, classifyBatch } from './classify.ts'

// Loads the committed artifacts (no training): a smoke test that they are present and sane.
describe('classify with the committed models', () => {
  it('reads a thank-you for good service as positive appreciation', () => {
    const result = classify('pelayanannya bagus sekali, terima kasih')
    expect(result.sentiment.label).toBe('positif')
    expect(result.abusive.label).toBe(false)
    expect(result.hate_speech).toMatchObject({ label: false, target: 'none', category: 'none' })
    expect(result.intent.label).toBe('apresiasi')
  })

  it('flags a crude insult as abusive', () => {
    expect(classify('dasar goblok tolol lu, otak udang').abusive.label).toBe(true)
  })

  it('does not call an insult aimed only at an institution hate speech', () => {
    const result = classify('PLN goblok!!! listrik mati terus')
    expect(result.abusive.label).toBe(true)
    expect(result.hate_speech.label).toBe(false)
  })

  it('returns scores between 0 and 1 and one result per text, in order', () => {
    const results = classifyBatch(['kapan bansos cair min?', 'jalan rusak parah tolong diperbaiki'])
    expect(results).toHaveLength(2)
    for (const r of results) {
      for (const s of [r.sentiment.score, r.abusive.score, r.hate_speech.score, r.intent.score]) {
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
      }
    }
    expect(results[0]!.intent.label).toBe('pertanyaan')
  })
})
