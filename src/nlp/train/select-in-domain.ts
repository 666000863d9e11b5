// Model selection without the test split: 5-fold CV over the in-domain TRAIN rows (gov-comments split=train),
// each fold trained on the public rows plus the other in-domain folds. Run:
//   npx tsx src/nlp/train/select-in-domain.ts '[{"algorithm":"softmax"},{"algorithm":"nb-logistic"}]'
import { createFeatureExtractor, DEFAULT_FEATURES } from '../features/feature-extractor.ts'
import { hateCues, institutionOnly } from '../features/hate-rules.ts'
import { INTENTS, SENTIMENTS } from './datasets.ts'
import { DEFAULT_HEAD_OPTIONS, trainLinear, type HeadTrainingOptions } from './fit-head.ts'
import { binaryF1, macroF1, stratifiedFolds } from './metrics.ts'
import { createRng } from './rng.ts'
import { buildSparseDataset, subset } from './sparse-dataset.ts'
import { scoreSparse } from './train-softmax.ts'
import { buildTrainingSets, type Row } from './training-sets.ts'

interface Trial extends Partial<HeadTrainingOptions> {
  tasks?: string[]
  inDomainWeight?: number
  publicWeight?: number
  institutionRule?: boolean
  identityRule?: boolean
  threshold?: number
}

const trials = JSON.parse(process.argv[2] ?? '[{}]') as Trial[]
const sets = buildTrainingSets()
const fx = createFeatureExtractor(DEFAULT_FEATURES)
const dim = 1 << DEFAULT_FEATURES.bits

const tasks: Record<
  string,
  { rows: Row<string | boolean>[]; labels: readonly string[]; metric: 'macro' | 'binary' }
> = {
  sentiment: { rows: sets.sentiment, labels: SENTIMENTS, metric: 'macro' },
  abusive: { rows: sets.abusive, labels: ['false', 'true'], metric: 'binary' },
  hate: { rows: sets.hate, labels: ['false', 'true'], metric: 'binary' },
  intent: { rows: sets.intent, labels: INTENTS, metric: 'macro' },
}

for (const [task, spec] of Object.entries(tasks)) {
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
      const model = trainLinear(
        train,
        {
          classes: spec.labels.length,
          dim,
          epochs: options.epochs,
          lambda: options.lambda,
          learningRate: options.learningRate,
          seed: options.seed,
          balance: options.balance,
        },
        options.algorithm,
      )
      const out = new Float64Array(spec.labels.length)
      for (const row of held) {
        scoreSparse(model, data.indices, data.values, data.offsets[row]!, data.offsets[row + 1]!, out)
        let best = 0
        for (let c = 1; c < spec.labels.length; c++) if (out[c]! > out[best]!) best = c
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
