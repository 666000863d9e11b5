// `warta nlp eval`: the protocols of ../shared/data/BASELINES.md plus the in-domain test splits. Protocol models are
// trained here, in memory, with the same features and trainer as the product models; the product models
// (src/nlp/models) are scored on the in-domain tests. No test split is used for any choice.
import { classify, loadClassifier } from '../classify.ts'
import { createFeatureExtractor, DEFAULT_FEATURES } from '../vectorise/feature-extractor.ts'
import { normalise } from '../text/normalise.ts'
import {
  dedupeKey,
  HATE_CATEGORIES,
  IBROHIM_LABELS,
  INTENTS,
  loadDkk,
  loadGovComments,
  loadIbrohim,
  loadIndolem,
  loadSmsa,
  SENTIMENTS,
  sharedDataDir,
} from './datasets.ts'
import { DEFAULT_HEAD_OPTIONS, trainLinear } from './fit-head.ts'
import { accuracy, binaryF1, macroF1, perClass, stratifiedFolds } from './metrics.ts'
import { createRng } from './rng.ts'
import { buildSparseDataset, subset, type SparseDataset } from './sparse-dataset.ts'
import { buildTrainingSets, type Row } from './training-sets.ts'
import { scoreSparse, type SoftmaxWeights } from './train-softmax.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface EvalRow {
  protocol: string
  metric: string
  value: number
  n: number
  note?: string
}

export interface EvalOptions {
  seed?: number
  onProgress?: (done: number, total: number, label: string) => void
  only?: string[]
}

const extractor = () => createFeatureExtractor(DEFAULT_FEATURES)
const dim = 1 << DEFAULT_FEATURES.bits

function train(
  data: SparseDataset,
  classes: number,
  seed: number,
  balance = false,
  algorithm = DEFAULT_HEAD_OPTIONS.algorithm,
): SoftmaxWeights {
  return trainLinear(
    data,
    {
      classes,
      dim,
      epochs: DEFAULT_HEAD_OPTIONS.epochs,
      lambda: DEFAULT_HEAD_OPTIONS.lambda,
      learningRate: DEFAULT_HEAD_OPTIONS.learningRate,
      seed,
      balance,
    },
    algorithm,
  )
}

function predict(model: SoftmaxWeights, data: SparseDataset, rows?: readonly number[]): number[] {
  const out = new Float64Array(model.classes)
  return (rows ?? Array.from({ length: data.length }, (_, i) => i)).map((r) => {
    scoreSparse(model, data.indices, data.values, data.offsets[r]!, data.offsets[r + 1]!, out)
    let best = 0
    for (let c = 1; c < model.classes; c++) if (out[c]! > out[best]!) best = c
    return best
  })
}

function smsa(seed: number): EvalRow[] {
  const fx = extractor()
  const trainRows = loadSmsa('train')
  const validRows = loadSmsa('valid')
  const test = loadSmsa('test')
  const label = (l: string): number => SENTIMENTS.indexOf(l as (typeof SENTIMENTS)[number])
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map((r) => label(r.label)),
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
      rowsIn.map((r) => label(r.label)),
    )
    const pred = predict(train(data, 3, seed), testData)
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

function ibrohim(seed: number, progress: (label: string) => void): EvalRow[] {
  const seen = new Set<string>()
  const all = loadIbrohim().filter((r) => {
    const key = dedupeKey(r.text)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const fx = extractor()
  const base = buildSparseDataset(
    fx,
    all.map((r) => r.text),
    all.map(() => 0),
  )
  const withLabels = (labels: number[]): SparseDataset => ({ ...base, labels: Int32Array.from(labels) })
  const hs = withLabels(all.map((r) => (r.hs ? 1 : 0)))
  const ab = withLabels(all.map((r) => (r.abusive ? 1 : 0)))
  const tg = withLabels(all.map((r) => (r.target === 'kelompok' ? 1 : 0)))
  const cat = withLabels(
    all.map((r) => Math.max(0, HATE_CATEGORIES.indexOf(r.category as (typeof HATE_CATEGORIES)[number]))),
  )
  const folds = stratifiedFolds(
    all.map((r) => `${r.hs}${r.abusive}`),
    10,
    createRng(seed),
  )
  const predicted: Record<string, boolean>[] = all.map(() => ({}))
  const categoryLabel: Record<string, string> = {
    agama: 'HS_Religion',
    ras_suku: 'HS_Race',
    fisik: 'HS_Physical',
    gender: 'HS_Gender',
    lainnya: 'HS_Other',
  }
  for (let f = 0; f < 10; f++) {
    const trainRows: number[] = []
    const testRows: number[] = []
    folds.forEach((fold, i) => (fold === f ? testRows : trainRows).push(i))
    const hateRows = trainRows.filter((i) => all[i]!.hs)
    const hsPred = predict(train(subset(hs, trainRows), 2, seed), hs, testRows)
    const abPred = predict(train(subset(ab, trainRows), 2, seed), ab, testRows)
    const tgPred = predict(train(subset(tg, hateRows), 2, seed), tg, testRows)
    const catPred = predict(train(subset(cat, hateRows), 5, seed, true), cat, testRows)
    testRows.forEach((row, k) => {
      const isHate = hsPred[k] === 1
      const p: Record<string, boolean> = { HS: isHate, Abusive: abPred[k] === 1 }
      p.HS_Individual = isHate && tgPred[k] === 0
      p.HS_Group = isHate && tgPred[k] === 1
      for (const [c, name] of Object.entries(categoryLabel))
        p[name] = isHate && HATE_CATEGORIES[catPred[k]!] === c
      predicted[row] = p
    })
    progress(`Ibrohim & Budi fold ${f + 1}/10`)
  }
  const rows: EvalRow[] = []
  const f1s: number[] = []
  for (const label of IBROHIM_LABELS) {
    const f1 = binaryF1(
      all.map((r) => r.raw[label]!),
      predicted.map((p) => p[label]!),
    )
    f1s.push(f1)
    rows.push({ protocol: 'Ibrohim & Budi 2019, 10-fold', metric: `F1 ${label}`, value: f1, n: all.length })
  }
  rows.push({
    protocol: 'Ibrohim & Budi 2019, 10-fold',
    metric: 'macro-F1 (9 labels)',
    value: f1s.reduce((a, b) => a + b) / f1s.length,
    n: all.length,
  })
  let exampleAcc = 0
  let hsAbAcc = 0
  all.forEach((r, i) => {
    const jaccard = (labels: readonly string[]): number => {
      let inter = 0
      let union = 0
      for (const l of labels) {
        const g = r.raw[l]!
        const p = predicted[i]![l]!
        if (g && p) inter++
        if (g || p) union++
      }
      return union === 0 ? 1 : inter / union
    }
    exampleAcc += jaccard(IBROHIM_LABELS)
    hsAbAcc += jaccard(['HS', 'Abusive'])
  })
  rows.push({
    protocol: 'Ibrohim & Budi 2019, 10-fold',
    metric: 'example-based accuracy (9 labels)',
    value: exampleAcc / all.length,
    n: all.length,
  })
  rows.push({
    protocol: 'Ibrohim & Budi 2019, 10-fold',
    metric: 'example-based accuracy (HS + Abusive)',
    value: hsAbAcc / all.length,
    n: all.length,
  })
  return rows
}

function indolem(seed: number): EvalRow[] {
  const f1s: number[] = []
  const chosen: string[] = []
  const fx = extractor()
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
    // As the protocol says: tune on dev{k}. The one choice made here is the learner.
    let best: { f1: number; model: SoftmaxWeights; name: string } | undefined
    for (const algorithm of ['softmax', 'nb-logistic'] as const) {
      const model = train(data, 2, seed, false, algorithm)
      const f1 = binaryF1(
        fold.dev.map((r) => r.positive),
        predict(model, dev).map((p) => p === 1),
      )
      if (!best || f1 > best.f1) best = { f1, model, name: algorithm }
    }
    chosen.push(best!.name)
    f1s.push(
      binaryF1(
        fold.test.map((r) => r.positive),
        predict(best!.model, test).map((p) => p === 1),
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

function dkk(seed: number): EvalRow[] {
  const trainRows = loadDkk('train')
  const trainKeys = new Set(trainRows.map((r) => dedupeKey(r.text)))
  const test = loadDkk('test').filter((r) => !trainKeys.has(dedupeKey(r.text)))
  const fx = extractor()
  const label = (l: string): number => SENTIMENTS.indexOf(l as (typeof SENTIMENTS)[number])
  const data = buildSparseDataset(
    fx,
    trainRows.map((r) => r.text),
    trainRows.map((r) => label(r.label)),
  )
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map((r) => label(r.label)),
  )
  const gold = Array.from(testData.labels)
  const own = predict(train(data, 3, seed), testData)
  const product = test.map((r) => label(classify(r.text).sentiment.label))
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

function inDomain(): EvalRow[] {
  const test = loadGovComments().filter((r) => r.split === 'test')
  const preds = test.map((r) => classify(r.text))
  const p = 'gov-comments test (product models)'
  const n = test.length
  const hateRows = test
    .map((r, i) => [r, preds[i]!] as const)
    .filter(([r, c]) => r.hate_speech && c.hate_speech.label)
  const intentGold = test.map((r) => INTENTS.indexOf(r.intent))
  const intentPred = preds.map((c) => INTENTS.indexOf(c.intent.label))
  const rows: EvalRow[] = [
    {
      protocol: p,
      metric: 'sentiment macro-F1',
      value: macroF1(
        test.map((r) => SENTIMENTS.indexOf(r.sentiment)),
        preds.map((c) => SENTIMENTS.indexOf(c.sentiment.label)),
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
    { protocol: p, metric: 'intent macro-F1', value: macroF1(intentGold, intentPred, INTENTS.length), n },
  ]
  perClass(intentGold, intentPred, INTENTS.length).forEach((r, c) =>
    rows.push({ protocol: p, metric: `intent F1 ${INTENTS[c]}`, value: r.f1, n: r.support }),
  )
  return rows
}

/** The same learner trained on the public sets only (reviews, tweets), scored on the in-domain test: the gap. */
function publicOnly(seed: number): EvalRow[] {
  const sets = buildTrainingSets({ relabelInstitutions: false })
  const test = sets.govTest
  const fx = extractor()
  const p = 'gov-comments test, public data only (no in-domain rows, no rules)'
  const testData = buildSparseDataset(
    fx,
    test.map((r) => r.text),
    test.map(() => 0),
  )
  const pub = <L>(rows: Row<L>[]): Row<L>[] => rows.filter((r) => r.source !== 'gov-comments')
  const sentimentRows = pub(sets.sentiment)
  const sentimentModel = train(
    buildSparseDataset(
      fx,
      sentimentRows.map((r) => r.text),
      sentimentRows.map((r) => SENTIMENTS.indexOf(r.label)),
    ),
    3,
    seed,
  )
  const binaryModel = (rows: Row<boolean>[]): SoftmaxWeights =>
    train(
      buildSparseDataset(
        fx,
        rows.map((r) => r.text),
        rows.map((r) => (r.label ? 1 : 0)),
      ),
      2,
      seed,
    )
  const abusivePred = predict(binaryModel(pub(sets.abusive)), testData)
  const hatePred = predict(binaryModel(pub(sets.hate)), testData)
  return [
    {
      protocol: p,
      metric: 'sentiment macro-F1 (SmSA + DKK)',
      value: macroF1(
        test.map((r) => SENTIMENTS.indexOf(r.sentiment)),
        predict(sentimentModel, testData),
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

/** Normaliser against the formal rewrites of STIF test: token F1 of normalised vs raw informal text. */
function stif(): EvalRow[] {
  const dir = join(sharedDataDir(), 'stif-indonesia')
  const inf = readFileSync(join(dir, 'test.inf'), 'utf8').split('\n')
  const ref = readFileSync(join(dir, 'test.for'), 'utf8').split('\n')
  const tokenF1 = (hyp: string, gold: string): number => {
    const g = new Map<string, number>()
    const gt = gold.split(/\s+/).filter(Boolean)
    const ht = hyp.split(/\s+/).filter(Boolean)
    for (const t of gt) g.set(t, (g.get(t) ?? 0) + 1)
    let match = 0
    for (const t of ht) {
      const c = g.get(t) ?? 0
      if (c > 0) {
        match++
        g.set(t, c - 1)
      }
    }
    return match === 0 ? 0 : (2 * match) / (gt.length + ht.length)
  }
  let raw = 0
  let norm = 0
  let n = 0
  inf.forEach((line, i) => {
    if (line.trim() === '' || ref[i] === undefined) return
    raw += tokenF1(line, ref[i])
    norm += tokenF1(normalise(line.replace(/xxx(number|user)xxx/g, 'xxx$1xxx')), ref[i])
    n++
  })
  return [
    {
      protocol: 'STIF test (normaliser)',
      metric: 'token F1 vs formal, raw informal text',
      value: raw / n,
      n,
    },
    {
      protocol: 'STIF test (normaliser)',
      metric: 'token F1 vs formal, after normalise()',
      value: norm / n,
      n,
    },
  ]
}

export const EVAL_PROTOCOLS = ['smsa', 'ibrohim', 'indolem', 'dkk', 'gov', 'stif', 'check-hoax'] as const

export function evaluateAll(options: EvalOptions = {}): EvalRow[] {
  const seed = options.seed ?? DEFAULT_HEAD_OPTIONS.seed
  const only = new Set(options.only ?? EVAL_PROTOCOLS)
  // check-hoax is reported as text by the CLI (formatCheckHoaxEvaluation), not as rows here.
  const steps =
    (only.has('ibrohim') ? 10 : 0) + [...only].filter((p) => p !== 'ibrohim' && p !== 'check-hoax').length
  let done = 0
  const progress = (label: string): void => options.onProgress?.(++done, steps, label)
  options.onProgress?.(0, steps, 'start')
  loadClassifier()
  const rows: EvalRow[] = []
  const run = (name: string, fn: () => EvalRow[]): void => {
    if (!only.has(name)) return
    rows.push(...fn())
    if (name !== 'ibrohim') progress(name)
  }
  run('smsa', () => smsa(seed))
  run('indolem', () => indolem(seed))
  run('dkk', () => dkk(seed))
  run('gov', () => [...inDomain(), ...publicOnly(seed)])
  run('stif', () => stif())
  run('ibrohim', () => ibrohim(seed, progress))
  return rows
}
