// Feature vectors of a whole training set packed into flat typed arrays (CSR), so training touches no objects.
import type { FeatureExtractor } from '../vectorise/feature-extractor.ts'

export interface SparseDataset {
  offsets: Int32Array
  indices: Int32Array
  values: Float32Array
  labels: Int32Array
  /** Per-example weight (class balancing, domain weighting). */
  weights: Float32Array
  length: number
}

export function buildSparseDataset(
  extractor: FeatureExtractor,
  texts: readonly string[],
  labels: readonly number[],
  weights?: readonly number[],
): SparseDataset {
  const offsets = new Int32Array(texts.length + 1)
  let indices = new Int32Array(texts.length * 200)
  let values = new Float32Array(texts.length * 200)
  let used = 0
  texts.forEach((text, row) => {
    const v = extractor.extract(text)
    if (used + v.size > indices.length) {
      const cap = Math.max(indices.length * 2, used + v.size)
      const ni = new Int32Array(cap)
      ni.set(indices.subarray(0, used))
      indices = ni
      const nv = new Float32Array(cap)
      nv.set(values.subarray(0, used))
      values = nv
    }
    indices.set(v.indices.subarray(0, v.size), used)
    values.set(v.values.subarray(0, v.size), used)
    used += v.size
    offsets[row + 1] = used
  })
  return {
    offsets,
    indices: indices.slice(0, used),
    values: values.slice(0, used),
    labels: Int32Array.from(labels),
    weights: Float32Array.from(weights ?? texts.map(() => 1)),
    length: texts.length,
  }
}

export function subset(data: SparseDataset, rows: readonly number[]): SparseDataset {
  let total = 0
  for (const r of rows) total += data.offsets[r + 1]! - data.offsets[r]!
  const offsets = new Int32Array(rows.length + 1)
  const indices = new Int32Array(total)
  const values = new Float32Array(total)
  let used = 0
  rows.forEach((r, k) => {
    const a = data.offsets[r]!
    const b = data.offsets[r + 1]!
    indices.set(data.indices.subarray(a, b), used)
    values.set(data.values.subarray(a, b), used)
    used += b - a
    offsets[k + 1] = used
  })
  return {
    offsets,
    indices,
    values,
    labels: Int32Array.from(rows, (r) => data.labels[r]!),
    weights: Float32Array.from(rows, (r) => data.weights[r]!),
    length: rows.length,
  }
}
