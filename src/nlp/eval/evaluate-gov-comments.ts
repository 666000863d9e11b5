// The in-domain test: every corpus/gov-comments row with split=test, scored with the committed product models; and
// the same learner trained on the public sets only (reviews, tweets), scored on the same rows, to show the gap the
// in-domain data and the rules close.
import { classify } from '../classify.ts'
import { loadGovComments } from '../train/datasets.ts'
import { accuracy, binaryF1, macroF1, perClass } from '../train/metrics.ts'
import { buildSparseDataset } from '../train/sparse-dataset.ts'
import type { SoftmaxWeights } from '../train/train-softmax.ts'
import { buildTrainingSets, type Row } from '../train/training-sets.ts'
import { INTENT_LABELS, SENTIMENT_LABELS } from '../types.ts'
import type { EvalRow } from './eval-row.ts'
import { predictLabels, protocolExtractor, trainProtocolModel } from './protocol-model.ts'

export function evaluateGovComments(seed: number): EvalRow[] {
  return [...productModels(), ...publicDataOnly(seed)]
}

function productModels(): EvalRow[] {
  const test = loadGovComments().filter((r) => r.split === 'test')
  const preds = test.map((r) => classify(r.text))
  const p = 'gov-comments test (product models)'
  const n = test.length
  const hateRows = test
    .map((r, i) => [r, preds[i]!] as const)
    .filter(([r, c]) => r.hate_speech && c.hate_speech.label)
  const intentGold = test.map((r) => INTENT_LABELS.indexOf(r.intent))
  const intentPred = preds.map((c) => INTENT_LABELS.indexOf(c.intent.label))
  const rows: EvalRow[] = [
    {
      protocol: p,
      metric: 'sentiment macro-F1',
      value: macroF1(
        test.map((r) => SENTIMENT_LABELS.indexOf(r.sentiment)),
        preds.map((c) => SENTIMENT_LABELS.indexOf(c.sentiment.label)),
        3,
      ),
      n,
    },
    {
      protocol: p,
      metric: 'abusive F1',
      value: binaryF1(
        test.map((r) => r.abusive),
        preds.map((c) => c.abusive.label),
      ),
      n,
    },
    {
      protocol: p,
      metric: 'hate-speech F1',
      value: binaryF1(
        test.map((r) => r.hate_speech),
        preds.map((c) => c.hate_speech.label),
      ),
      n,
    },
    {
      protocol: p,
      metric: 'hate target accuracy (true positives)',
      value: accuracy(
        hateRows.map(([r]) => r.hs_target),
        hateRows.map(([, c]) => c.hate_speech.target),
      ),
      n: hateRows.length,
    },
    {
      protocol: p,
      metric: 'hate category accuracy (true positives)',
      value: accuracy(
        hateRows.map(([r]) => r.hs_category),
        hateRows.map(([, c]) => c.hate_speech.category),
      ),
      n: hateRows.length,
    },
    {
      protocol: p,
      metric: 'intent macro-F1',
      value: macroF1(intentGold, intentPred, INTENT_LABELS.length),
      n,
    },
  ]
  perClass(intentGold, intentPred, INTENT_LABELS.length).forEach((r, c) =>
    rows.push({ protocol: p, metric: `intent F1 ${INTENT_LABELS[c]}`, value: r.f1, n: r.support }),
  )
  return rows
}

function publicDataOnly(seed: number): EvalRow[] {
  const sets = buildTrainingSets({ relabelInstitutions: false, includeNoncommercial: true })
  const test = sets.govTest
  const fx = protocolExtractor()
  const p = 'gov-comments test, public data only (no in-domain rows, no rules)'
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map(() => 0),
  )
  const pub = <L>(rows: Row<L>[]): Row<L>[] => rows.filter((r) => r.source !== 'gov-comments')
  const sentimentRows = pub(sets.sentiment)
  const sentimentModel = trainProtocolModel(
    buildSparseDataset(
      fx,
      sentimentRows.map((r) => r.text),
      sentimentRows.map((r) => SENTIMENT_LABELS.indexOf(r.label)),
    ),
    3,
    seed,
  )
  const binaryModel = (rows: Row<boolean>[]): SoftmaxWeights =>
    trainProtocolModel(
      buildSparseDataset(
        fx,
        rows.map((r) => r.text),
        rows.map((r) => (r.label ? 1 : 0)),
      ),
      2,
      seed,
    )
  const abusivePred = predictLabels(binaryModel(pub(sets.abusive)), testData)
  const hatePred = predictLabels(binaryModel(pub(sets.hate)), testData)
  return [
    {
      protocol: p,
      metric: 'sentiment macro-F1 (SmSA + DKK)',
      value: macroF1(
        test.map((r) => SENTIMENT_LABELS.indexOf(r.sentiment)),
        predictLabels(sentimentModel, testData),
        3,
      ),
      n: test.length,
    },
    {
      protocol: p,
      metric: 'abusive F1 (Ibrohim & Budi)',
      value: binaryF1(
        test.map((r) => r.abusive),
        abusivePred.map((x) => x === 1),
      ),
      n: test.length,
    },
    {
      protocol: p,
      metric: 'hate-speech F1 (Ibrohim & Budi)',
      value: binaryF1(
        test.map((r) => r.hate_speech),
        hatePred.map((x) => x === 1),
      ),
      n: test.length,
    },
  ]
}
