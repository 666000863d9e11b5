// Multinomial logistic regression on sparse hashed features, trained by SGD with L2 (Bottou's scaled-weights
// trick keeps each step O(nnz)) and averaging over the later epochs.
import { createRng, shuffleInPlace } from './rng.ts'
import type { SparseDataset } from './sparse-dataset.ts'

export interface SoftmaxOptions {
  classes: number
  dim: number
  epochs: number
  lambda: number
  learningRate: number
  seed: number
  /** Re-weight examples so each class carries the same total weight (macro-F1 targets). */
  balance: boolean
}

export interface SoftmaxWeights {
  classes: number
  dim: number
  /** Row-major [feature][class]: one feature's weights are adjacent in memory. */
  weights: Float32Array
  bias: Float32Array
}

export function trainSoftmax(data: SparseDataset, options: SoftmaxOptions): SoftmaxWeights {
  const { classes: C, dim } = options
  const w = new Float32Array(dim * C)
  const avg = new Float32Array(dim * C)
  const bias = new Float64Array(C)
  const avgBias = new Float64Array(C)
  const rng = createRng(options.seed)
  const classWeight = new Float64Array(C).fill(1)
  if (options.balance) {
    const counts = new Float64Array(C)
    for (let i = 0; i < data.length; i++) {
      const label = data.labels[i]!
      counts[label] = counts[label]! + data.weights[i]!
    }
    let present = 0
    for (let c = 0; c < C; c++) if (counts[c]! > 0) present++
    for (let c = 0; c < C; c++) classWeight[c] = counts[c]! > 0 ? data.length / (present * counts[c]!) : 0
  }
  const order = Int32Array.from({ length: data.length }, (_, i) => i)
  const logits = new Float64Array(C)
  let scale = 1
  let t = 0
  let snapshots = 0
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, rng)
    for (let k = 0; k < order.length; k++) {
      const row = order[k]!
      const lr = options.learningRate / (1 + options.learningRate * options.lambda * t)
      t++
      const a = data.offsets[row]!
      const b = data.offsets[row + 1]!
      for (let c = 0; c < C; c++) logits[c] = bias[c]!
      for (let p = a; p < b; p++) {
        const base = data.indices[p]! * C
        const v = data.values[p]! * scale
        for (let c = 0; c < C; c++) logits[c] = logits[c]! + w[base + c]! * v
      }
      let max = -Infinity
      for (let c = 0; c < C; c++) if (logits[c]! > max) max = logits[c]!
      let sum = 0
      for (let c = 0; c < C; c++) {
        logits[c] = Math.exp(logits[c]! - max)
        sum += logits[c]!
      }
      const label = data.labels[row]!
      const exampleWeight = data.weights[row]! * classWeight[label]!
      // L2 shrink of all weights, O(1) through the scale factor.
      scale *= 1 - lr * options.lambda
      if (scale < 1e-6) {
        for (let q = 0; q < w.length; q++) w[q] = w[q]! * scale
        scale = 1
      }
      for (let c = 0; c < C; c++) {
        const grad = (logits[c]! / sum - (c === label ? 1 : 0)) * exampleWeight
        if (grad === 0) continue
        const step = (lr * grad) / scale
        for (let p = a; p < b; p++) {
          const idx = data.indices[p]! * C + c
          w[idx] = w[idx]! - step * data.values[p]!
        }
        bias[c] = bias[c]! - lr * grad
      }
    }
    // Average the weights of the later epochs: steadier than the last iterate, close to a max-margin solution.
    if (epoch >= Math.floor(options.epochs / 2)) {
      for (let q = 0; q < w.length; q++) avg[q] = avg[q]! + w[q]! * scale
      for (let c = 0; c < C; c++) avgBias[c] = avgBias[c]! + bias[c]!
      snapshots++
    }
  }
  const outBias = new Float32Array(C)
  for (let q = 0; q < avg.length; q++) avg[q] = avg[q]! / snapshots
  for (let c = 0; c < C; c++) outBias[c] = avgBias[c]! / snapshots
  return { classes: C, dim, weights: avg, bias: outBias }
}

/** Raw scores (logits) of one example, written into `out`. */
export function scoreSparse(
  model: SoftmaxWeights,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const C = model.classes
  for (let c = 0; c < C; c++) out[c] = model.bias[c]!
  for (let p = start; p < end; p++) {
    const base = indices[p]! * C
    const v = values[p]!
    for (let c = 0; c < C; c++) out[c] = out[c]! + model.weights[base + c]! * v
  }
}

export function softmaxInPlace(logits: Float64Array, temperature: number, classes = logits.length): void {
  let max = -Infinity
  for (let c = 0; c < classes; c++) if (logits[c]! > max) max = logits[c]!
  let sum = 0
  for (let c = 0; c < classes; c++) {
    logits[c] = Math.exp((logits[c]! - max) / temperature)
    sum += logits[c]!
  }
  for (let c = 0; c < classes; c++) logits[c] = logits[c]! / sum
}
