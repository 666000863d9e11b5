// BASELINES.md protocol 1, IndoNLU SmSA: the fixed splits; the test scored by macro-F1 and accuracy, once for a
// model trained on train and once for one trained on train+valid (valid is never used to choose anything).
import { accuracy, macroF1 } from '../train/metrics.ts'
import { loadSmsa } from '../train/datasets.ts'
import { buildSparseDataset } from '../train/sparse-dataset.ts'
import type { EvalRow } from './eval-row.ts'
import { predictLabels, protocolExtractor, sentimentIndex, trainProtocolModel } from './protocol-model.ts'

export function evaluateSmsa(seed: number): EvalRow[] {
  const fx = protocolExtractor()
  const trainRows = loadSmsa('train')
  const validRows = loadSmsa('valid')
  const test = loadSmsa('test')
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map((r) => sentimentIndex(r.label)),
  )
  const gold = Array.from(testData.labels)
  const rows: EvalRow[] = []
  for (const [name, rowsIn] of [
    ['train', trainRows],
    ['train+valid', [...trainRows, ...validRows]],
  ] as const) {
    const data = buildSparseDataset(
      fx,
      rowsIn.map((r) => r.text),
      rowsIn.map((r) => sentimentIndex(r.label)),
    )
    const pred = predictLabels(trainProtocolModel(data, 3, seed), testData)
    rows.push({
      protocol: 'SmSA test',
      metric: `macro-F1 (trained on ${name})`,
      value: macroF1(gold, pred, 3),
      n: test.length,
    })
    rows.push({
      protocol: 'SmSA test',
      metric: `accuracy (trained on ${name})`,
      value: accuracy(gold, pred),
      n: test.length,
    })
  }
  return rows
}
