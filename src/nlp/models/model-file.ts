// The committed model format: one file per task holding one or more linear "heads" over the shared hashed
// feature space. Layout: "WRTM" | u32 version | u32 header bytes | header JSON | padding to 4 | per head:
// Float32 bias[C], Float32 scale[C], Int8 or Int16 weights[dim × C] (row-major by feature). Scores are computed
// straight from the quantised integers (scale applied once per class), so loading is a view, not a conversion.
import type { FeatureConfig } from '../vectorise/feature-extractor.ts'

export interface HeadHeader {
  name: string
  labels: string[]
  /** Softmax temperature fitted on held-out folds (probability calibration). */
  temperature: number
  quantBits: 8 | 16
}

export interface ModelHeader {
  task: string
  features: FeatureConfig
  heads: HeadHeader[]
}

export interface Head extends HeadHeader {
  classes: number
  bias: Float32Array
  scale: Float32Array
  weights: Int8Array | Int16Array
}

export interface LinearModel {
  task: string
  features: FeatureConfig
  heads: Head[]
}

export interface FloatHead {
  name: string
  labels: string[]
  temperature: number
  quantBits: 8 | 16
  weights: Float32Array
  bias: Float32Array
}

/** The committed models, one file each in this folder (`<name>.bin`, with its card `<name>.md`). */
export const MODEL_NAMES = ['sentiment', 'abusive', 'hate-speech', 'intent'] as const
export type ModelName = (typeof MODEL_NAMES)[number]
/** The folder of the committed models: trained only on data whose licence allows commercial use. */
export const committedModelsDir = import.meta.dirname
/**
 * Where the classifier reads its models: the committed ones, unless WARTA_NLP_MODELS names a folder written by
 * `warta nlp train --out` (for example models trained with `--include-noncommercial` for a non-commercial use).
 */
export const modelsDir = process.env.WARTA_NLP_MODELS || committedModelsDir

const MAGIC = 0x4d545257 // "WRTM" little-endian
const VERSION = 1

function quantise(
  weights: Float32Array,
  classes: number,
  bits: 8 | 16,
): { q: Int8Array | Int16Array; scale: Float32Array } {
  const maxInt = bits === 8 ? 127 : 32767
  const scale = new Float32Array(classes)
  for (let i = 0; i < weights.length; i++) {
    const c = i % classes
    const a = Math.abs(weights[i]!)
    if (a > scale[c]!) scale[c] = a
  }
  for (let c = 0; c < classes; c++) scale[c] = scale[c]! > 0 ? scale[c]! / maxInt : 1
  const q = bits === 8 ? new Int8Array(weights.length) : new Int16Array(weights.length)
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale[i % classes]!)
  return { q, scale }
}

export function encodeModel(task: string, features: FeatureConfig, heads: FloatHead[]): Uint8Array {
  const header: ModelHeader = {
    task,
    features,
    heads: heads.map(({ name, labels, temperature, quantBits }) => ({
      name,
      labels,
      temperature,
      quantBits,
    })),
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const headerEnd = Math.ceil((12 + json.length) / 4) * 4
  const blobs: Uint8Array[] = []
  for (const head of heads) {
    const C = head.labels.length
    const { q, scale } = quantise(head.weights, C, head.quantBits)
    blobs.push(
      new Uint8Array(head.bias.buffer.slice(0)),
      new Uint8Array(scale.buffer),
      new Uint8Array(q.buffer),
    )
    const pad = (4 - (q.byteLength % 4)) % 4
    if (pad > 0) blobs.push(new Uint8Array(pad))
  }
  const total = headerEnd + blobs.reduce((s, b) => s + b.length, 0)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, json.length, true)
  out.set(json, 12)
  let offset = headerEnd
  for (const blob of blobs) {
    out.set(blob, offset)
    offset += blob.length
  }
  return out
}

export function decodeModel(bytes: Uint8Array): LinearModel {
  // Copy into an aligned buffer so typed-array views are legal whatever the source buffer's offset.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer
  const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0
  const view = new DataView(buffer, base)
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a Warta model file')
  if (view.getUint32(4, true) !== VERSION) throw new Error('unsupported model file version')
  const jsonLength = view.getUint32(8, true)
  const header = JSON.parse(
    new TextDecoder().decode(new Uint8Array(buffer, base + 12, jsonLength)),
  ) as ModelHeader
  const dim = 1 << header.features.bits
  let offset = base + Math.ceil((12 + jsonLength) / 4) * 4
  const heads: Head[] = header.heads.map((h) => {
    const C = h.labels.length
    const bias = new Float32Array(buffer, offset, C)
    offset += 4 * C
    const scale = new Float32Array(buffer, offset, C)
    offset += 4 * C
    const weights =
      h.quantBits === 8 ? new Int8Array(buffer, offset, dim * C) : new Int16Array(buffer, offset, dim * C)
    offset += weights.byteLength
    offset += (4 - (weights.byteLength % 4)) % 4
    return { ...h, classes: C, bias, scale, weights }
  })
  return { task: header.task, features: header.features, heads }
}

/** Index of the highest of the first `classes` values (the first one on a tie). */
export function argmax(values: ArrayLike<number>, classes: number): number {
  let best = 0
  for (let c = 1; c < classes; c++) if (values[c]! > values[best]!) best = c
  return best
}

/** Class probabilities of one head for a feature vector, written into `out` (length ≥ classes). */
export function headProbabilities(
  head: Head,
  indices: Int32Array,
  values: Float32Array,
  size: number,
  out: Float64Array,
): void {
  const C = head.classes
  const w = head.weights
  for (let c = 0; c < C; c++) out[c] = 0
  for (let p = 0; p < size; p++) {
    const base = indices[p]! * C
    const v = values[p]!
    for (let c = 0; c < C; c++) out[c] = out[c]! + w[base + c]! * v
  }
  calibratedProbabilities(head, out, 0, out)
}

/**
 * All heads' int8 weights interleaved by feature: one feature's weights for every class of every head sit in one
 * cache line, so scoring a text costs one memory miss per feature instead of one per feature and head. Each row is
 * padded to a power of two (16 bytes for the four classifiers' 14 classes), so no row straddles two cache lines.
 */
export interface PackedHeads {
  width: number
  weights: Int8Array
  offsets: Map<Head, number>
}

export function packHeads(heads: readonly Head[], dim: number): PackedHeads {
  const classes = heads.reduce((s, h) => s + h.classes, 0)
  let width = 1
  while (width < classes) width *= 2
  const weights = new Int8Array(dim * width)
  const offsets = new Map<Head, number>()
  let offset = 0
  for (const head of heads) {
    if (head.quantBits !== 8) throw new Error(`head ${head.name} is not int8; retrain with quantBits 8`)
    const C = head.classes
    const src = head.weights as Int8Array
    for (let f = 0, from = 0, to = offset; f < dim; f++, from += C, to += width) {
      for (let c = 0; c < C; c++) weights[to + c] = src[from + c]!
    }
    offsets.set(head, offset)
    offset += C
  }
  return { width, weights, offsets }
}

/** Read by nothing: keeps the optimiser from dropping the touching loads of `packedSums`. */
let _touched = 0

/** Raw integer sums of every packed class for a feature vector, written into `sums` (length ≥ width). */
export function packedSums(
  packed: PackedHeads,
  indices: Int32Array,
  values: Float32Array,
  size: number,
  sums: Float64Array,
): void {
  const W = packed.width
  const w = packed.weights
  // The rows of a text's features are scattered over megabytes, and the loop below waits for each one in turn.
  // Touching them all first, in a loop with no other work, lets the processor fetch many at once; the second loop
  // then finds them in the cache (the sums, and their order, are unchanged).
  let any = 0
  for (let p = 0; p < size; p++) any |= w[indices[p]! * W]!
  _touched = any
  for (let c = 0; c < W; c++) sums[c] = 0
  for (let p = 0; p < size; p++) {
    const base = indices[p]! * W
    const v = values[p]!
    for (let c = 0; c < W; c++) sums[c] = sums[c]! + w[base + c]! * v
  }
}

/** Calibrated probabilities of one packed head from the raw sums, written into `out`. */
export function packedProbabilities(head: Head, offset: number, sums: Float64Array, out: Float64Array): void {
  calibratedProbabilities(head, sums, offset, out)
}

/** Scale, bias and temperature applied to a head's raw integer sums, then a softmax; `out` may be `sums`. */
function calibratedProbabilities(head: Head, sums: Float64Array, offset: number, out: Float64Array): void {
  const C = head.classes
  let max = -Infinity
  for (let c = 0; c < C; c++) {
    out[c] = (sums[offset + c]! * head.scale[c]! + head.bias[c]!) / head.temperature
    if (out[c]! > max) max = out[c]!
  }
  let sum = 0
  for (let c = 0; c < C; c++) {
    out[c] = Math.exp(out[c]! - max)
    sum += out[c]!
  }
  for (let c = 0; c < C; c++) out[c] = out[c]! / sum
}
