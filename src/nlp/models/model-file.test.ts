import { describe, it, expect } from 'vitest'
import { DEFAULT_FEATURES } from '../vectorise/feature-extractor.ts'
import { decodeModel, encodeModel, headProbabilities } from './model-file.ts'

describe('model file', () => {
  it('round-trips heads and scores close to the float weights', () => {
    const dim = 1 << DEFAULT_FEATURES.bits
    const weights = new Float32Array(dim * 3)
    weights[5 * 3 + 0] = 2
    weights[5 * 3 + 2] = -1.5
    weights[9 * 3 + 1] = 0.75
    const bias = Float32Array.from([0.1, 0, -0.1])
    const bytes = encodeModel('sentiment', DEFAULT_FEATURES, [
      {
        name: 'sentiment',
        labels: ['positif', 'netral', 'negatif'],
        temperature: 1.5,
        quantBits: 8,
        weights,
        bias,
      },
    ])
    const model = decodeModel(bytes)
    expect(model.task).toBe('sentiment')
    expect(model.features).toEqual(DEFAULT_FEATURES)
    const head = model.heads[0]!
    expect(head.labels).toEqual(['positif', 'netral', 'negatif'])
    const out = new Float64Array(3)
    headProbabilities(head, Int32Array.from([5, 9]), Float32Array.from([0.6, 0.8]), 2, out)
    const z = [0.1 + 2 * 0.6, 0.75 * 0.8, -0.1 - 1.5 * 0.6].map((v) => Math.exp(v / 1.5))
    const sum = z.reduce((a, b) => a + b)
    z.forEach((v, c) => expect(out[c]).toBeCloseTo(v / sum, 2))
  })

  it('rejects a file that is not a model', () => {
    expect(() => decodeModel(new Uint8Array(16))).toThrow(/not a Warta model/)
  })
})
