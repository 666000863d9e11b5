import { describe, it, expect } from 'vitest'
import { createFeatureExtractor } from '../vectorise/feature-extractor.ts'
import { fitTemperature } from './fit-head.ts'
import { accuracy, binaryF1, macroF1, stratifiedFolds } from './metrics.ts'
import { createRng } from './rng.ts'
import { buildSparseDataset } from './sparse-dataset.ts'
import { trainNbLogistic } from './train-nb-logistic.ts'
import { scoreSparse, trainSoftmax, type SoftmaxOptions, type SoftmaxWeights } from './train-softmax.ts'

const texts = [
  'pelayanan bagus sekali terima kasih',
  'mantap cepat dan ramah',
  'terima kasih admin sangat membantu',
  'pelayanan buruk lambat sekali',
  'kecewa antre lama tidak ada kabar',
  'parah petugas jutek dan lambat',
]
const labels = [0, 0, 0, 1, 1, 1]
const options: SoftmaxOptions = {
  classes: 2,
  dim: 1 << 18,
  epochs: 30,
  lambda: 1e-5,
  learningRate: 0.5,
  seed: 7,
  balance: false,
}

const predictText = (model: SoftmaxWeights, text: string): number => {
  const v = createFeatureExtractor().extract(text)
  const out = new Float64Array(2)
  scoreSparse(model, v.indices, v.values, 0, v.size, out)
  return out[1]! > out[0]! ? 1 : 0
}

describe('linear learners', () => {
  const data = buildSparseDataset(createFeatureExtractor(), texts, labels)

  it('learn a small sentiment set and generalise to unseen wording', () => {
    for (const train of [trainSoftmax, trainNbLogistic]) {
      const model = train(data, options)
      expect(predictText(model, 'ramah dan bagus')).toBe(0)
      expect(predictText(model, 'lambat dan buruk')).toBe(1)
    }
  })

  it('are deterministic for a seed', () => {
    const a = trainSoftmax(data, options)
    const b = trainSoftmax(data, options)
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true)
  })
})

describe('calibration', () => {
  it('softens over-confident logits with a temperature above one', () => {
    const logits = [0, 1, 0, 1, 0, 1, 0, 1].map((l, i) =>
      Float64Array.from(i % 4 === 3 ? [8, 0] : l ? [0, 8] : [8, 0]),
    )
    const gold = [0, 1, 0, 1, 0, 1, 0, 1]
    expect(fitTemperature(logits, gold)).toBeGreaterThan(1)
  })
})

describe('metrics', () => {
  it('compute macro-F1, binary F1 and accuracy as sklearn does', () => {
    expect(macroF1([0, 0, 1, 1], [0, 1, 1, 1], 2)).toBeCloseTo((2 / 3 + 0.8) / 2, 6)
    expect(binaryF1([true, false, true], [true, true, false])).toBeCloseTo(0.5, 6)
    expect(accuracy(['a', 'b'], ['a', 'c'])).toBe(0.5)
  })

  it('spread every stratum evenly over the folds', () => {
    const strata = Array.from({ length: 100 }, (_, i) => (i < 30 ? 'x' : 'y'))
    const folds = stratifiedFolds(strata, 10, createRng(1))
    for (let f = 0; f < 10; f++) {
      expect(folds.filter((x, i) => x === f && strata[i] === 'x')).toHaveLength(3)
    }
  })
})
