// Classification metrics as sklearn computes them (f1_score macro / binary), so numbers compare with BASELINES.md.
import { shuffleInPlace } from './rng.ts'

export interface ClassReport {
  precision: number
  recall: number
  f1: number
  support: number
}

export function perClass(gold: readonly number[], pred: readonly number[], classes: number): ClassReport[] {
  const tp = new Array<number>(classes).fill(0)
  const fp = new Array<number>(classes).fill(0)
  const fn = new Array<number>(classes).fill(0)
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!
    const p = pred[i]!
    if (g === p) tp[g] = tp[g]! + 1
    else {
      fp[p] = fp[p]! + 1
      fn[g] = fn[g]! + 1
    }
  }
  return tp.map((t, c) => {
    const precision = t + fp[c]! > 0 ? t / (t + fp[c]!) : 0
    const recall = t + fn[c]! > 0 ? t / (t + fn[c]!) : 0
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    return { precision, recall, f1, support: t + fn[c]! }
  })
}

export function macroF1(gold: readonly number[], pred: readonly number[], classes: number): number {
  const reports = perClass(gold, pred, classes).filter((r, c) => r.support > 0 || pred.includes(c))
  return reports.reduce((s, r) => s + r.f1, 0) / Math.max(1, reports.length)
}

/** F1 of the positive class (sklearn average='binary'). */
export function binaryF1(gold: readonly boolean[], pred: readonly boolean[]): number {
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++
    else if (pred[i]) fp++
    else if (gold[i]) fn++
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
}

export function accuracy(gold: readonly unknown[], pred: readonly unknown[]): number {
  let ok = 0
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++
  return gold.length === 0 ? 0 : ok / gold.length
}

/** Seeded stratified k-fold: returns the fold number of each row. */
export function stratifiedFolds(strata: readonly string[], k: number, rng: () => number): number[] {
  const byStratum = new Map<string, number[]>()
  strata.forEach((s, i) => {
    const list = byStratum.get(s) ?? []
    list.push(i)
    byStratum.set(s, list)
  })
  const folds = new Array<number>(strata.length).fill(0)
  let offset = 0
  for (const key of [...byStratum.keys()].sort()) {
    const rows = shuffleInPlace(byStratum.get(key)!, rng)
    rows.forEach((row, i) => (folds[row] = (i + offset) % k))
    offset += rows.length
  }
  return folds
}
