// `warta nlp train`: rebuilds every product model from the data and writes src/nlp/models/*.bin and their cards.
// Deterministic: the same data and seed give byte-identical files.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createFeatureExtractor,
  DEFAULT_FEATURES,
  type FeatureExtractor,
} from '../features/feature-extractor.ts'
import { encodeModel, type FloatHead } from '../models/model-file.ts'
import { HATE_CATEGORIES, HATE_TARGETS, INTENTS, SENTIMENTS } from './datasets.ts'
import { DEFAULT_HEAD_OPTIONS, fitHead, type HeadTrainingOptions } from './fit-head.ts'
import { macroF1 } from './metrics.ts'
import { writeModelCard } from './model-cards.ts'
import { buildSparseDataset } from './sparse-dataset.ts'
import { buildTrainingSets, type Row } from './training-sets.ts'

export const modelsDir = join(import.meta.dirname, '../models')

export const MODEL_FILES = ['sentiment', 'abusive', 'hate-speech', 'intent'] as const
export type ModelName = (typeof MODEL_FILES)[number]

export interface HeadSummary {
  model: ModelName
  head: string
  rows: number
  outOfFoldMacroF1: number
  temperature: number
  seconds: number
}

export interface TrainOptions {
  seed?: number
  outDir?: string
  onProgress?: (done: number, total: number, label: string) => void
}

interface HeadSpec {
  name: string
  labels: readonly string[]
  rows: Row<string | boolean>[]
  options?: Partial<HeadTrainingOptions>
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
    const data = buildSparseDataset(
      extractor,
      spec.rows.map((r) => r.text),
      spec.rows.map((r) => labelIndex(r.label)),
      spec.rows.map((r) => r.weight),
    )
    const fitted = fitHead(spec.name, spec.labels, data, 1 << extractor.config.bits, {
      ...DEFAULT_HEAD_OPTIONS,
      seed,
      ...spec.options,
    })
    const predicted = fitted.outOfFold.map((z) => z.indexOf(Math.max(...z)))
    summaries.push({
      model,
      head: spec.name,
      rows: spec.rows.length,
      outOfFoldMacroF1: macroF1(Array.from(data.labels), predicted, spec.labels.length),
      temperature: fitted.head.temperature,
      seconds: (performance.now() - started) / 1000,
    })
    progress(`${model}/${spec.name}`)
    return fitted.head
  })
}

export function trainAllModels(options: TrainOptions = {}): HeadSummary[] {
  const seed = options.seed ?? DEFAULT_HEAD_OPTIONS.seed
  const outDir = options.outDir ?? modelsDir
  const sets = buildTrainingSets()
  const extractor = createFeatureExtractor(DEFAULT_FEATURES)
  const summaries: HeadSummary[] = []
  const total = 7
  let done = 0
  const progress = (label: string): void => options.onProgress?.(++done, total, label)
  options.onProgress?.(0, total, 'data')
  const binary = ['false', 'true'] as const

  const models: Record<ModelName, HeadSpec[]> = {
    sentiment: [{ name: 'sentiment', labels: SENTIMENTS, rows: sets.sentiment }],
    abusive: [{ name: 'abusive', labels: binary, rows: sets.abusive }],
    'hate-speech': [
      { name: 'hate_speech', labels: binary, rows: sets.hate },
      { name: 'target', labels: HATE_TARGETS, rows: sets.hateTarget },
      { name: 'category', labels: HATE_CATEGORIES, rows: sets.hateCategory, options: { balance: true } },
    ],
    intent: [{ name: 'intent', labels: INTENTS, rows: sets.intent, options: { balance: true, epochs: 20 } }],
  }
  for (const name of MODEL_FILES) {
    const heads = trainHeads(extractor, name, models[name], seed, summaries, progress)
    const bytes = encodeModel(name, extractor.config, heads)
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
