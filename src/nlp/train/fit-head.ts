// Fits one linear head: k-fold out-of-fold scores give the calibration temperature (and an honest estimate),
// then the final weights are trained on all rows.
import type { FloatHead } from '../models/model-file.ts'
import { stratifiedFolds } from './metrics.ts'
import { createRng } from './rng.ts'
import { subset, type SparseDataset } from './sparse-dataset.ts'
import { trainNbLogistic } from './train-nb-logistic.ts'
import { scoreSparse, trainSoftmax, type SoftmaxOptions, type SoftmaxWeights } from './train-softmax.ts'

export function trainLinear(
  data: SparseDataset,
  options: SoftmaxOptions,
  algorithm: HeadTrainingOptions['algorithm'],
): SoftmaxWeights {
  if (algorithm === 'nb-logistic') return trainNbLogistic(data, options)
  if (algorithm === 'softmax') return trainSoftmax(data, options)
  return averageLogits(trainNbLogistic(data, options), trainSoftmax(data, options))
}

/**
 * The ensemble of two linear models that averages their logits is itself a linear model with the averaged weights,
 * so it costs nothing at run time.
 */
function averageLogits(a: SoftmaxWeights, b: SoftmaxWeights): SoftmaxWeights {
  const weights = new Float32Array(a.weights.length)
  for (let i = 0; i < weights.length; i++) weights[i] = (a.weights[i]! + b.weights[i]!) / 2
  const bias = new Float32Array(a.bias.length)
  for (let i = 0; i < bias.length; i++) bias[i] = (a.bias[i]! + b.bias[i]!) / 2
  return { classes: a.classes, dim: a.dim, weights, bias }
}

export interface HeadTrainingOptions {
  /**
   * Plain softmax regression, NB-weighted one-vs-rest logistic regression (better on sentiment in CV), or the
   * average of the two models' logits (better on intent in CV).
   */
  algorithm: 'softmax' | 'nb-logistic' | 'nb-logistic+softmax'
  epochs: number
  lambda: number
  learningRate: number
  balance: boolean
  seed: number
  calibrationFolds: number
  /**
   * Binary heads: the probability of the uncalibrated model at which the label flips (default 0.5). Applied as a
   * shift of the positive class's bias before calibration, so the shipped score crosses 0.5 at that point.
   */
  decisionThreshold?: number
  quantBits: 8 | 16
}

/** What the learners (trainSoftmax, trainNbLogistic) read from a head's settings. */
export function learnerOptions(options: HeadTrainingOptions, classes: number, dim: number): SoftmaxOptions {
  return {
    classes,
    dim,
    epochs: options.epochs,
    lambda: options.lambda,
    learningRate: options.learningRate,
    seed: options.seed,
    balance: options.balance,
  }
}

// Chosen by 5-fold CV on SmSA train+valid (docs/nlp/evaluation.md): NB weighting +1.3 macro-F1 over plain softmax.
export const DEFAULT_HEAD_OPTIONS: HeadTrainingOptions = {
  algorithm: 'nb-logistic',
  epochs: 10,
  lambda: 3e-6,
  learningRate: 0.5,
  balance: false,
  seed: 20261122,
  calibrationFolds: 3,
  quantBits: 8,
}

/** Temperature minimising the negative log-likelihood of held-out logits (grid search; 1-D and convex enough). */
export function fitTemperature(logits: Float64Array[], labels: ArrayLike<number>): number {
  let best = 1
  let bestLoss = Infinity
  for (let t = 0.25; t <= 4.0001; t *= 1.05) {
    let loss = 0
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i]!
      let max = -Infinity
      for (const v of z) if (v > max) max = v
      let sum = 0
      for (const v of z) sum += Math.exp((v - max) / t)
      loss -= (z[labels[i]!]! - max) / t - Math.log(sum)
    }
    if (loss < bestLoss) {
      bestLoss = loss
      best = t
    }
  }
  return best
}

export interface FittedHead {
  head: FloatHead
  /** Out-of-fold logits for every training row (for threshold studies and reports). */
  outOfFold: Float64Array[]
}

export function fitHead(
  name: string,
  labels: readonly string[],
  data: SparseDataset,
  dim: number,
  options: HeadTrainingOptions,
): FittedHead {
  const C = labels.length
  const softmax = learnerOptions(options, C, dim)
  const outOfFold: Float64Array[] = Array.from({ length: data.length }, () => new Float64Array(C))
  let temperature = 1
  if (options.calibrationFolds > 1 && data.length >= options.calibrationFolds * 5) {
    const folds = stratifiedFolds(
      Array.from(data.labels, String),
      options.calibrationFolds,
      createRng(options.seed ^ 0x9e37),
    )
    for (let f = 0; f < options.calibrationFolds; f++) {
      const trainRows: number[] = []
      const testRows: number[] = []
      folds.forEach((fold, row) => (fold === f ? testRows : trainRows).push(row))
      const model = trainLinear(subset(data, trainRows), softmax, options.algorithm)
      for (const row of testRows) {
        scoreSparse(
          model,
          data.indices,
          data.values,
          data.offsets[row]!,
          data.offsets[row + 1]!,
          outOfFold[row]!,
        )
      }
    }
  }
  const shift =
    C === 2 && options.decisionThreshold !== undefined
      ? Math.log(options.decisionThreshold / (1 - options.decisionThreshold))
      : 0
  if (shift !== 0) for (const z of outOfFold) z[1] = z[1]! - shift
  if (options.calibrationFolds > 1 && data.length >= options.calibrationFolds * 5) {
    temperature = fitTemperature(outOfFold, data.labels)
  }
  const model = trainLinear(data, softmax, options.algorithm)
  if (shift !== 0) model.bias[1] = model.bias[1]! - shift
  return {
    head: {
      name,
      labels: [...labels],
      temperature,
      quantBits: options.quantBits,
      weights: model.weights,
      bias: model.bias,
    },
    outOfFold,
  }
}
