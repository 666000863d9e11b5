// The learner every protocol trains in memory: the product's features and head trainer with the default settings,
// so a protocol score says what the product's recipe reaches on that benchmark.
import { argmax } from '../models/model-file.ts'
import {
  DEFAULT_HEAD_OPTIONS,
  learnerOptions,
  trainLinear,
  type HeadTrainingOptions,
} from '../train/fit-head.ts'
import type { SparseDataset } from '../train/sparse-dataset.ts'
import { scoreSparse, type SoftmaxWeights } from '../train/train-softmax.ts'
import { SENTIMENT_LABELS, type SentimentLabel } from '../types.ts'
import {
  createFeatureExtractor,
  DEFAULT_FEATURES,
  type FeatureExtractor,
} from '../vectorise/feature-extractor.ts'

export const protocolExtractor = (): FeatureExtractor => createFeatureExtractor(DEFAULT_FEATURES)

export function trainProtocolModel(
  data: SparseDataset,
  classes: number,
  seed: number,
  balance = false,
  algorithm: HeadTrainingOptions['algorithm'] = DEFAULT_HEAD_OPTIONS.algorithm,
): SoftmaxWeights {
  return trainLinear(
    data,
    learnerOptions({ ...DEFAULT_HEAD_OPTIONS, seed, balance }, classes, 1 << DEFAULT_FEATURES.bits),
    algorithm,
  )
}

/** The most probable class of each row (all rows, or the given ones). */
export function predictLabels(
  model: SoftmaxWeights,
  data: SparseDataset,
  rows?: readonly number[],
): number[] {
  const out = new Float64Array(model.classes)
  return (rows ?? Array.from({ length: data.length }, (_, i) => i)).map((r) => {
    scoreSparse(model, data.indices, data.values, data.offsets[r]!, data.offsets[r + 1]!, out)
    return argmax(out, model.classes)
  })
}

export const sentimentIndex = (label: string): number => SENTIMENT_LABELS.indexOf(label as SentimentLabel)
