// `warta nlp train`: rebuilds every product model from the data and writes src/nlp/models/*.bin and their cards.
// Deterministic: the same data and seed give byte-identical files.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createFeatureExtractor,
  DEFAULT_FEATURES,
  type FeatureExtractor,
} from '../vectorise/feature-extractor.ts'
import {
  argmax,
  decodeModel,
  encodeModel,
  headProbabilities,
  MODEL_NAMES,
  committedModelsDir,
  type FloatHead,
  type LinearModel,
  type ModelName,
} from '../models/model-file.ts'
import { INTENT_LABELS, SENTIMENT_LABELS } from '../types.ts'
import { CATEGORY_CLASSES, loadDkkUnlabelled, TARGET_CLASSES } from './datasets.ts'
import {
  DEFAULT_HEAD_OPTIONS,
  fitHead,
  learnerOptions,
  trainLinear,
  type HeadTrainingOptions,
} from './fit-head.ts'
import { macroF1 } from './metrics.ts'
import { writeModelCard } from './model-cards.ts'
import { buildSparseDataset, type SparseDataset } from './sparse-dataset.ts'
import { scoreSparse, softmaxInPlace } from './train-softmax.ts'
import { buildTrainingSets, type Row } from './training-sets.ts'

export interface HeadSummary {
  model: ModelName
  head: string
  rows: number
  outOfFoldMacroF1: number
  temperature: number
  /** Share of probe texts where the int8 head picks the same label as the float head. */
  int8Agreement?: number
  /** Rows added by self-training. */
  pseudoRows?: number
  seconds: number
}

export interface TrainOptions {
  seed?: number
  outDir?: string
  /** Train the abusive and hate-speech models on the CC BY-NC-SA sets too (never for the committed models). */
  includeNoncommercial?: boolean
  onProgress?: (done: number, total: number, label: string) => void
}

interface HeadSpec {
  name: string
  labels: readonly string[]
  rows: Row<string | boolean>[]
  options?: Partial<HeadTrainingOptions>
  /** Example weights by origin; the default is IN_DOMAIN_WEIGHT for gov-comments and 1 for public sets. */
  weights?: { inDomain: number; public: number }
  /** Self-training: unlabelled in-domain comments the first model labels with probability ≥ threshold are added. */
  selfTrain?: { pool: readonly string[]; threshold: number; weight: number }
}

function pseudoLabelled(
  extractor: FeatureExtractor,
  spec: HeadSpec,
  data: SparseDataset,
  options: HeadTrainingOptions,
): Row<string>[] {
  const self = spec.selfTrain!
  const model = trainLinear(
    data,
    learnerOptions(options, spec.labels.length, 1 << extractor.config.bits),
    options.algorithm,
  )
  const out = new Float64Array(spec.labels.length)
  const rows: Row<string>[] = []
  for (const text of self.pool) {
    const v = extractor.extract(text)
    scoreSparse(model, v.indices, v.values, 0, v.size, out)
    softmaxInPlace(out, 1)
    const best = argmax(out, spec.labels.length)
    if (out[best]! >= self.threshold)
      rows.push({ text, label: spec.labels[best]!, weight: self.weight, source: 'dkk-unlabelled-pseudo' })
  }
  return rows
}

function trainHeads(
  extractor: FeatureExtractor,
  model: ModelName,
  specs: HeadSpec[],
  seed: number,
  summaries: HeadSummary[],
  progress: (label: string) => void,
): FloatHead[] {
  return specs.map((spec) => {
    const started = performance.now()
    const labelIndex = (label: string | boolean): number =>
      typeof label === 'boolean' ? (label ? 1 : 0) : spec.labels.indexOf(label)
    const headOptions: HeadTrainingOptions = { ...DEFAULT_HEAD_OPTIONS, seed, ...spec.options }
    const build = (rows: Row<string | boolean>[]): SparseDataset =>
      buildSparseDataset(
        extractor,
        rows.map((r) => r.text),
        rows.map((r) => labelIndex(r.label)),
        rows.map((r) =>
          spec.weights === undefined
            ? r.weight
            : r.source === 'gov-comments'
              ? spec.weights.inDomain
              : spec.weights.public,
        ),
      )
    let rows = spec.rows
    let pseudoRows: number | undefined
    if (spec.selfTrain) {
      const pseudo = pseudoLabelled(extractor, spec, build(rows), headOptions)
      rows = [...rows, ...pseudo]
      pseudoRows = pseudo.length
    }
    const data = build(rows)
    const fitted = fitHead(spec.name, spec.labels, data, 1 << extractor.config.bits, headOptions)
    const predicted = fitted.outOfFold.map((z) => z.indexOf(Math.max(...z)))
    summaries.push({
      model,
      head: spec.name,
      rows: rows.length,
      pseudoRows,
      outOfFoldMacroF1: macroF1(Array.from(data.labels), predicted, spec.labels.length),
      temperature: fitted.head.temperature,
      seconds: (performance.now() - started) / 1000,
    })
    progress(`${model}/${spec.name}`)
    return fitted.head
  })
}

function quantisationAgreement(
  extractor: FeatureExtractor,
  floats: FloatHead[],
  quantised: LinearModel,
  texts: readonly string[],
): Record<string, number> {
  const result: Record<string, number> = {}
  const out = new Float64Array(16)
  for (const head of floats) {
    const q = quantised.heads.find((h) => h.name === head.name)!
    const C = head.labels.length
    let same = 0
    for (const text of texts) {
      const v = extractor.extract(text)
      headProbabilities(q, v.indices, v.values, v.size, out)
      const z = new Float64Array(C)
      scoreSparse(
        { classes: C, dim: head.weights.length / C, weights: head.weights, bias: head.bias },
        v.indices,
        v.values,
        0,
        v.size,
        z,
      )
      if (argmax(out, C) === argmax(z, C)) same++
    }
    result[head.name] = same / Math.max(1, texts.length)
  }
  return result
}

export function trainAllModels(options: TrainOptions = {}): HeadSummary[] {
  const seed = options.seed ?? DEFAULT_HEAD_OPTIONS.seed
  const outDir = options.outDir ?? committedModelsDir
  const sets = buildTrainingSets({ includeNoncommercial: options.includeNoncommercial ?? false })
  const extractor = createFeatureExtractor(DEFAULT_FEATURES)
  const summaries: HeadSummary[] = []
  const total = 7
  let done = 0
  const progress = (label: string): void => options.onProgress?.(++done, total, label)
  options.onProgress?.(0, total, 'data')
  const binary = ['false', 'true'] as const
  // Unlabelled in-domain comments: a label-free check that int8 weights decide like the float ones.
  const probe = loadDkkUnlabelled().slice(0, 3000)

  // Per-head choices come from 5-fold CV on the in-domain TRAIN rows (src/nlp/train/select-in-domain.ts); the
  // numbers are in docs/nlp/evaluation.md. The Twitter hate-speech labels follow other definitions, hence their
  // low weight there.
  const models: Record<ModelName, HeadSpec[]> = {
    sentiment: [
      {
        name: 'sentiment',
        labels: SENTIMENT_LABELS,
        rows: sets.sentiment,
        selfTrain: { pool: sets.unlabelledPool, threshold: 0.9, weight: 0.5 },
      },
    ],
    abusive: [{ name: 'abusive', labels: binary, rows: sets.abusive, options: { balance: true } }],
    'hate-speech': [
      {
        name: 'hate_speech',
        labels: binary,
        rows: sets.hate,
        options: { algorithm: 'softmax', balance: true, decisionThreshold: 0.6 },
        weights: { inDomain: 5, public: 0.3 },
      },
      { name: 'target', labels: TARGET_CLASSES, rows: sets.hateTarget, options: { algorithm: 'softmax' } },
      {
        name: 'category',
        labels: CATEGORY_CLASSES,
        rows: sets.hateCategory,
        options: { algorithm: 'softmax', balance: true },
      },
    ],
    intent: [
      {
        name: 'intent',
        labels: INTENT_LABELS,
        rows: sets.intent,
        options: { algorithm: 'nb-logistic+softmax', balance: true, epochs: 20 },
      },
    ],
  }
  for (const name of MODEL_NAMES) {
    const heads = trainHeads(extractor, name, models[name], seed, summaries, progress)
    const bytes = encodeModel(name, extractor.config, heads)
    const agreement = quantisationAgreement(extractor, heads, decodeModel(bytes), probe)
    for (const s of summaries) {
      if (s.model !== name) continue
      s.int8Agreement = agreement[s.head] ?? 1
      if (s.pseudoRows !== undefined)
        sets.counts.sentiment = { ...sets.counts.sentiment, 'dkk-unlabelled-pseudo': s.pseudoRows }
    }
    writeFileSync(join(outDir, `${name}.bin`), bytes)
    writeModelCard(
      outDir,
      name,
      sets.counts,
      summaries.filter((s) => s.model === name),
      bytes.length,
    )
  }
  return summaries
}
