// BASELINES.md protocol 4, Ibrohim & Budi 2019 (multi-label hate speech and abusive tweets): duplicates removed
// (first kept), a seeded 10-fold split stratified on HS × Abusive, the original labels; per-label F1 for the nine
// labels the product predicts, their macro-F1, and example-based accuracy (mean Jaccard of predicted and gold sets).
import { CATEGORY_CLASSES, dedupeKey, IBROHIM_LABELS, loadIbrohim } from '../train/datasets.ts'
import { binaryF1, stratifiedFolds } from '../train/metrics.ts'
import { createRng } from '../train/rng.ts'
import { buildSparseDataset, subset, type SparseDataset } from '../train/sparse-dataset.ts'
import type { EvalRow } from './eval-row.ts'
import { predictLabels, protocolExtractor, trainProtocolModel } from './protocol-model.ts'

const FOLDS = 10
const PROTOCOL = 'Ibrohim & Budi 2019, 10-fold'
const CATEGORY_LABELS: Record<string, string> = {
  agama: 'HS_Religion',
  ras_suku: 'HS_Race',
  fisik: 'HS_Physical',
  gender: 'HS_Gender',
  lainnya: 'HS_Other',
}

/** Reports `progress` once per fold: the ten folds are the slowest part of `warta nlp eval`. */
export function evaluateIbrohimBudi(seed: number, progress: (label: string) => void): EvalRow[] {
  const seen = new Set<string>()
  const all = loadIbrohim().filter((r) => {
    const key = dedupeKey(r.text)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const base = buildSparseDataset(
    protocolExtractor(),
    all.map((r) => r.text),
    all.map(() => 0),
  )
  const withLabels = (labels: number[]): SparseDataset => ({ ...base, labels: Int32Array.from(labels) })
  const hs = withLabels(all.map((r) => (r.hs ? 1 : 0)))
  const ab = withLabels(all.map((r) => (r.abusive ? 1 : 0)))
  const tg = withLabels(all.map((r) => (r.target === 'kelompok' ? 1 : 0)))
  const cat = withLabels(
    all.map((r) => Math.max(0, CATEGORY_CLASSES.indexOf(r.category as (typeof CATEGORY_CLASSES)[number]))),
  )
  const folds = stratifiedFolds(
    all.map((r) => `${r.hs}${r.abusive}`),
    FOLDS,
    createRng(seed),
  )
  const predicted: Record<string, boolean>[] = all.map(() => ({}))
  for (let f = 0; f < FOLDS; f++) {
    const trainRows: number[] = []
    const testRows: number[] = []
    folds.forEach((fold, i) => (fold === f ? testRows : trainRows).push(i))
    const hateRows = trainRows.filter((i) => all[i]!.hs)
    const hsPred = predictLabels(trainProtocolModel(subset(hs, trainRows), 2, seed), hs, testRows)
    const abPred = predictLabels(trainProtocolModel(subset(ab, trainRows), 2, seed), ab, testRows)
    const tgPred = predictLabels(trainProtocolModel(subset(tg, hateRows), 2, seed), tg, testRows)
    const catPred = predictLabels(trainProtocolModel(subset(cat, hateRows), 5, seed, true), cat, testRows)
    testRows.forEach((row, k) => {
      const isHate = hsPred[k] === 1
      const p: Record<string, boolean> = { HS: isHate, Abusive: abPred[k] === 1 }
      p.HS_Individual = isHate && tgPred[k] === 0
      p.HS_Group = isHate && tgPred[k] === 1
      for (const [c, name] of Object.entries(CATEGORY_LABELS))
        p[name] = isHate && CATEGORY_CLASSES[catPred[k]!] === c
      predicted[row] = p
    })
    progress(`Ibrohim & Budi fold ${f + 1}/${FOLDS}`)
  }
  const rows: EvalRow[] = []
  const f1s: number[] = []
  for (const label of IBROHIM_LABELS) {
    const f1 = binaryF1(
      all.map((r) => r.raw[label]!),
      predicted.map((p) => p[label]!),
    )
    f1s.push(f1)
    rows.push({ protocol: PROTOCOL, metric: `F1 ${label}`, value: f1, n: all.length })
  }
  rows.push({
    protocol: PROTOCOL,
    metric: 'macro-F1 (9 labels)',
    value: f1s.reduce((a, b) => a + b) / f1s.length,
    n: all.length,
  })
  let exampleAcc = 0
  let hsAbAcc = 0
  all.forEach((r, i) => {
    const jaccard = (labels: readonly string[]): number => {
      let inter = 0
      let union = 0
      for (const l of labels) {
        const g = r.raw[l]!
        const p = predicted[i]![l]!
        if (g && p) inter++
        if (g || p) union++
      }
      return union === 0 ? 1 : inter / union
    }
    exampleAcc += jaccard(IBROHIM_LABELS)
    hsAbAcc += jaccard(['HS', 'Abusive'])
  })
  rows.push({
    protocol: PROTOCOL,
    metric: 'example-based accuracy (9 labels)',
    value: exampleAcc / all.length,
    n: all.length,
  })
  rows.push({
    protocol: PROTOCOL,
    metric: 'example-based accuracy (HS + Abusive)',
    value: hsAbAcc / all.length,
    n: all.length,
  })
  return rows
}
