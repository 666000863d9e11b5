// BASELINES.md protocol 7, DKK Semarang: the repository's train / test split with the train∩test texts removed from
// test; macro-F1 of a model trained on DKK train alone and of the product sentiment model.
import { classify } from '../classify.ts'
import { dedupeKey, loadDkk } from '../train/datasets.ts'
import { macroF1 } from '../train/metrics.ts'
import { buildSparseDataset } from '../train/sparse-dataset.ts'
import type { EvalRow } from './eval-row.ts'
import { predictLabels, protocolExtractor, sentimentIndex, trainProtocolModel } from './protocol-model.ts'

export function evaluateDkkSemarang(seed: number): EvalRow[] {
  const trainRows = loadDkk('train')
  const trainKeys = new Set(trainRows.map((r) => dedupeKey(r.text)))
  const test = loadDkk('test').filter((r) => !trainKeys.has(dedupeKey(r.text)))
  const fx = protocolExtractor()
  const data = buildSparseDataset(
    fx,
    trainRows.map((r) => r.text),
    trainRows.map((r) => sentimentIndex(r.label)),
  )
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map((r) => sentimentIndex(r.label)),
  )
  const gold = Array.from(testData.labels)
  const own = predictLabels(trainProtocolModel(data, 3, seed), testData)
  const product = test.map((r) => sentimentIndex(classify(r.text).sentiment.label))
  return [
    {
      protocol: 'DKK Semarang test (train∩test removed)',
      metric: 'macro-F1, model trained on DKK train only',
      value: macroF1(gold, own, 3),
      n: test.length,
    },
    {
      protocol: 'DKK Semarang test (train∩test removed)',
      metric: 'macro-F1, product sentiment model',
      value: macroF1(gold, product, 3),
      n: test.length,
    },
  ]
}
