// BASELINES.md protocol 2, IndoLEM sentiment: for k = 0..4 train on train{k}, tune on dev{k}, test on test{k};
// the mean of the five test F1 scores of the positive class. The one choice tuned on dev is the learner.
import { loadIndolem } from '../train/datasets.ts'
import { binaryF1 } from '../train/metrics.ts'
import { buildSparseDataset, type SparseDataset } from '../train/sparse-dataset.ts'
import type { SoftmaxWeights } from '../train/train-softmax.ts'
import type { EvalRow } from './eval-row.ts'
import { predictLabels, protocolExtractor, trainProtocolModel } from './protocol-model.ts'

export function evaluateIndolem(seed: number): EvalRow[] {
  const f1s: number[] = []
  const chosen: string[] = []
  const fx = protocolExtractor()
  for (let k = 0; k < 5; k++) {
    const fold = loadIndolem(k)
    const build = (rows: { text: string; positive: boolean }[]): SparseDataset =>
      buildSparseDataset(
        fx,
        rows.map((r) => r.text),
        rows.map((r) => (r.positive ? 1 : 0)),
      )
    const data = build(fold.train)
    const dev = build(fold.dev)
    const test = build(fold.test)
    let best: { f1: number; model: SoftmaxWeights; name: string } | undefined
    for (const algorithm of ['softmax', 'nb-logistic'] as const) {
      const model = trainProtocolModel(data, 2, seed, false, algorithm)
      const f1 = binaryF1(
        fold.dev.map((r) => r.positive),
        predictLabels(model, dev).map((p) => p === 1),
      )
      if (!best || f1 > best.f1) best = { f1, model, name: algorithm }
    }
    chosen.push(best!.name)
    f1s.push(
      binaryF1(
        fold.test.map((r) => r.positive),
        predictLabels(best!.model, test).map((p) => p === 1),
      ),
    )
  }
  return [
    {
      protocol: 'IndoLEM sentiment, 5 folds',
      metric: 'mean F1 of the positive class',
      value: f1s.reduce((a, b) => a + b) / 5,
      n: 5,
      note: `learner chosen on dev per fold: ${chosen.join(', ')}`,
    },
  ]
}
