// NB-weighted logistic regression (Wang & Manning 2012, "NBSVM" with a logistic loss), one-vs-rest: each class's
// inputs are scaled by the log-count ratio of the features between that class and the rest. The scaling folds
// into the weights afterwards (W[f,c] = w_c[f] · r_c[f]), so the runtime model is an ordinary linear head.
import type { SparseDataset } from './sparse-dataset.ts'
import { trainSoftmax, type SoftmaxOptions, type SoftmaxWeights } from './train-softmax.ts'

function logCountRatios(data: SparseDataset, classes: number, dim: number, alpha = 1): Float32Array[] {
  const pos = Array.from({ length: classes }, () => new Float64Array(dim))
  const total = new Float64Array(dim)
  const classMass = new Float64Array(classes)
  for (let row = 0; row < data.length; row++) {
    const c = data.labels[row]!
    for (let p = data.offsets[row]!; p < data.offsets[row + 1]!; p++) {
      const f = data.indices[p]!
      const v = data.values[p]! > 0 ? 1 : 0
      pos[c]![f] = pos[c]![f]! + v
      total[f] = total[f]! + v
      classMass[c] = classMass[c]! + v
    }
  }
  let allMass = 0
  for (let c = 0; c < classes; c++) allMass += classMass[c]!
  return pos.map((p, c) => {
    const r = new Float32Array(dim)
    const pNorm = classMass[c]! + alpha * dim
    const qNorm = allMass - classMass[c]! + alpha * dim
    for (let f = 0; f < dim; f++) {
      r[f] = Math.log((p[f]! + alpha) / pNorm) - Math.log((total[f]! - p[f]! + alpha) / qNorm)
    }
    return r
  })
}

export function trainNbLogistic(data: SparseDataset, options: SoftmaxOptions): SoftmaxWeights {
  const { classes: C, dim } = options
  const ratios = logCountRatios(data, C, dim)
  const weights = new Float32Array(dim * C)
  const bias = new Float32Array(C)
  // Two classes need one ratio vector; more need one binary model per class.
  const heads = C === 2 ? [1] : Array.from({ length: C }, (_, c) => c)
  for (const c of heads) {
    const r = ratios[c]!
    const values = new Float32Array(data.values.length)
    for (let p = 0; p < values.length; p++) values[p] = data.values[p]! * r[data.indices[p]!]!
    const labels = Int32Array.from(data.labels, (l) => (l === c ? 1 : 0))
    const model = trainSoftmax({ ...data, values, labels }, { ...options, classes: 2 })
    for (let f = 0; f < dim; f++) {
      const w = (model.weights[f * 2 + 1]! - model.weights[f * 2]!) * r[f]!
      if (C === 2) weights[f * 2 + 1] = w
      else weights[f * C + c] = w
    }
    if (C === 2) bias[1] = model.bias[1]! - model.bias[0]!
    else bias[c] = model.bias[1]! - model.bias[0]!
  }
  return { classes: C, dim, weights, bias }
}
