import { describe, it, expect } from 'vitest'
import { createFeatureExtractor, DEFAULT_FEATURES } from './feature-extractor.ts'
import { fnv1a, mix } from './hash.ts'

const copy = (text: string): Map<number, number> => {
  const v = createFeatureExtractor().extract(text)
  return new Map(Array.from(v.indices.subarray(0, v.size), (index, k) => [index, v.values[k]!]))
}

describe('hashing', () => {
  it('hashes the same characters to the same value and different ones apart', () => {
    expect(fnv1a('banget')).toBe(fnv1a('xbanget', 1))
    expect(fnv1a('banget')).not.toBe(fnv1a('bangat'))
    expect(mix(1, 2)).not.toBe(mix(2, 1))
  })
})

describe('feature extractor', () => {
  it('returns an L2-normalised vector', () => {
    const v = createFeatureExtractor().extract('pelayanan tidak ramah 😡 @dinkes #vaksin')
    let norm = 0
    for (let k = 0; k < v.size; k++) norm += v.values[k]! ** 2
    expect(norm).toBeCloseTo(1, 5)
  })

  it('sees colloquial and standard spellings as the same words', () => {
    expect(copy('gak bgt')).toEqual(copy('tidak banget'))
  })

  it('marks words inside a negation scope differently from the same words outside it', () => {
    const plain = copy('pelayanan bagus')
    const negated = copy('pelayanan tidak bagus')
    const extra = [...negated.keys()].filter((k) => !plain.has(k))
    // tidak itself, its bigrams, its char n-grams, and the negated copy of "bagus"
    expect(extra.length).toBeGreaterThan(3)
  })

  it('keeps every index inside the hashed space', () => {
    const v = createFeatureExtractor().extract('a'.repeat(500) + ' 🙏🙏 https://x.id')
    for (let k = 0; k < v.size; k++) expect(v.indices[k]).toBeLessThan(1 << DEFAULT_FEATURES.bits)
  })
})
