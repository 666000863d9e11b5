// Model selection without the test split: 5-fold CV over the in-domain TRAIN rows (gov-comments split=train),
// each fold trained on the public rows plus the other in-domain folds. Run:
//   npx tsx src/nlp/train/select-in-domain.ts '[{"algorithm":"softmax"},{"algorithm":"nb-logistic"}]'
import { createFeatureExtractor, DEFAULT_FEATURES } from '../vectorise/feature-extractor.ts'
import { hateCues, institutionOnly } from '../rules/hate-rules.ts'
import { INTENT_LABELS, SENTIMENT_LABELS } from '../types.ts'
import { dedupeKey, loadDkkUnlabelled, loadGovComments } from './datasets.ts'
import { argmax } from '../models/model-file.ts'
import { DEFAULT_HEAD_OPTIONS, learnerOptions, trainLinear, type HeadTrainingOptions } from './fit-head.ts'
import { binaryF1, macroF1, stratifiedFolds } from './metrics.ts'
import { createRng } from './rng.ts'
import { buildSparseDataset, subset, type SparseDataset } from './sparse-dataset.ts'
import { scoreSparse, softmaxInPlace, type SoftmaxWeights } from './train-softmax.ts'
import { buildTrainingSets, type Row } from './training-sets.ts'

interface Trial extends Partial<HeadTrainingOptions> {
  tasks?: string[]
  inDomainWeight?: number
  publicWeight?: number
  institutionRule?: boolean
  identityRule?: boolean
  threshold?: number
  emojiWords?: number
  boundaryWords?: number
  /** Self-training: add unlabelled DKK comments the fold model labels with probability ≥ threshold, at `weight`. */
  selfTrain?: { threshold: number; weight: number; limit: number }
}

function pseudoLabel(
  model: SoftmaxWeights,
  pool: SparseDataset,
  threshold: number,
  limit: number,
): { rows: number[]; labels: number[] } {
  const rows: number[] = []
  const labels: number[] = []
  const out = new Float64Array(model.classes)
  for (let r = 0; r < pool.length && rows.length < limit; r++) {
    scoreSparse(model, pool.indices, pool.values, pool.offsets[r]!, pool.offsets[r + 1]!, out)
    softmaxInPlace(out, 1)
    const best = argmax(out, model.classes)
    if (out[best]! >= threshold) {
      rows.push(r)
      labels.push(best)
    }
  }
  return { rows, labels }
}

function concat(a: SparseDataset, b: SparseDataset, bLabels: number[], bWeight: number): SparseDataset {
  const offsets = new Int32Array(a.length + b.length + 1)
  offsets.set(a.offsets)
  const base = a.offsets[a.length]!
  for (let i = 1; i <= b.length; i++) offsets[a.length + i] = base + b.offsets[i]!
  const indices = new Int32Array(base + b.indices.length)
  indices.set(a.indices)
  indices.set(b.indices, base)
  const values = new Float32Array(base + b.values.length)
  values.set(a.values)
  values.set(b.values, base)
  return {
    offsets,
    indices,
    values,
    labels: Int32Array.from([...a.labels, ...bLabels]),
    weights: Float32Array.from([...a.weights, ...bLabels.map(() => bWeight)]),
    length: a.length + b.length,
  }
}

const trials = JSON.parse(process.argv[2] ?? '[{}]') as Trial[]
const sets = buildTrainingSets()
const dim = 1 << DEFAULT_FEATURES.bits

const tasks: Record<
  string,
  { rows: Row<string | boolean>[]; labels: readonly string[]; metric: 'macro' | 'binary' }
> = {
  sentiment: { rows: sets.sentiment, labels: SENTIMENT_LABELS, metric: 'macro' },
  abusive: { rows: sets.abusive, labels: ['false', 'true'], metric: 'binary' },
  hate: { rows: sets.hate, labels: ['false', 'true'], metric: 'binary' },
  intent: { rows: sets.intent, labels: INTENT_LABELS, metric: 'macro' },
}

// The pool never contains a labelled in-domain text (train or test): pseudo-labelling a held-out text would leak.
const labelledKeys = new Set(loadGovComments().map((r) => dedupeKey(r.text)))
const pool = loadDkkUnlabelled().filter((t) => !labelledKeys.has(dedupeKey(t)))

for (const [task, spec] of Object.entries(tasks)) {
  const featureKey = (t: Trial): string =>
    `${t.emojiWords ?? DEFAULT_FEATURES.emojiWords ?? 0}/${t.boundaryWords ?? DEFAULT_FEATURES.boundaryWords ?? 0}`
  for (const key of [...new Set(trials.map(featureKey))]) {
    const [emojiWords, boundaryWords] = key.split('/').map(Number)
    const fx = createFeatureExtractor({ ...DEFAULT_FEATURES, emojiWords, boundaryWords })
    const poolData = buildSparseDataset(
      fx,
      pool,
      pool.map(() => 0),
    )
    const toIndex = (l: string | boolean): number =>
      typeof l === 'boolean' ? (l ? 1 : 0) : spec.labels.indexOf(l)
    const data = buildSparseDataset(
      fx,
      spec.rows.map((r) => r.text),
      spec.rows.map((r) => toIndex(r.label)),
    )
    const inDomain = spec.rows.map((r, i) => (r.source === 'gov-comments' ? i : -1)).filter((i) => i >= 0)
    const folds = stratifiedFolds(
      inDomain.map((i) => String(data.labels[i])),
      5,
      createRng(11),
    )
    for (const trial of trials) {
      if (trial.tasks && !trial.tasks.includes(task)) continue
      if (featureKey(trial) !== key) continue
      const options = {
        ...DEFAULT_HEAD_OPTIONS,
        ...(task === 'intent' ? { balance: true, epochs: 20 } : {}),
        ...trial,
      }
      const gold: number[] = []
      const pred: number[] = []
      for (let f = 0; f < 5; f++) {
        const held = new Set(inDomain.filter((_, k) => folds[k] === f))
        const trainRows = spec.rows.map((_, i) => i).filter((i) => !held.has(i))
        const train = subset(data, trainRows)
        train.weights = Float32Array.from(trainRows, (i) =>
          spec.rows[i]!.source === 'gov-comments' ? (trial.inDomainWeight ?? 3) : (trial.publicWeight ?? 1),
        )
        const softmaxOptions = learnerOptions(options, spec.labels.length, dim)
        let model = trainLinear(train, softmaxOptions, options.algorithm)
        if (trial.selfTrain) {
          const pseudo = pseudoLabel(model, poolData, trial.selfTrain.threshold, trial.selfTrain.limit)
          const merged = concat(train, subset(poolData, pseudo.rows), pseudo.labels, trial.selfTrain.weight)
          model = trainLinear(merged, softmaxOptions, options.algorithm)
          if (f === 0) process.stderr.write(`${task}: ${pseudo.rows.length} pseudo-labelled rows\n`)
        }
        const out = new Float64Array(spec.labels.length)
        for (const row of held) {
          scoreSparse(model, data.indices, data.values, data.offsets[row]!, data.offsets[row + 1]!, out)
          let best = argmax(out, spec.labels.length)
          if (spec.metric === 'binary') {
            const margin = out[1]! - out[0]!
            const p = 1 / (1 + Math.exp(-margin))
            best = p >= (trial.threshold ?? 0.5) ? 1 : 0
            if (
              task === 'hate' &&
              trial.institutionRule &&
              best === 1 &&
              institutionOnly(hateCues(spec.rows[row]!.text))
            )
              best = 0
            if (
              task === 'hate' &&
              trial.identityRule &&
              best === 0 &&
              hateCues(spec.rows[row]!.text).hostileIdentity
            )
              best = 1
          }
          gold.push(data.labels[row]!)
          pred.push(best)
        }
      }
      const score =
        spec.metric === 'binary'
          ? binaryF1(
              gold.map((g) => g === 1),
              pred.map((p) => p === 1),
            )
          : macroF1(gold, pred, spec.labels.length)
      process.stdout.write(`${task}\t${JSON.stringify(trial)}\t${score.toFixed(4)}\tn=${gold.length}\n`)
    }
  }
}
