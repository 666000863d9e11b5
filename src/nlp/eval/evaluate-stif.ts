// BASELINES.md protocol 9, STIF (informal → formal), for the normaliser: mean token F1 of the informal text against
// the formal rewrite, before and after normalise(). The normaliser neither reorders nor inserts words, so the
// ceiling is below 1; the gain is the measure.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { normalise } from '../text/normalise.ts'
import { sharedDataDir } from '../train/datasets.ts'
import type { EvalRow } from './eval-row.ts'

function tokenF1(hyp: string, gold: string): number {
  const g = new Map<string, number>()
  const gt = gold.split(/\s+/).filter(Boolean)
  const ht = hyp.split(/\s+/).filter(Boolean)
  for (const t of gt) g.set(t, (g.get(t) ?? 0) + 1)
  let match = 0
  for (const t of ht) {
    const c = g.get(t) ?? 0
    if (c > 0) {
      match++
      g.set(t, c - 1)
    }
  }
  return match === 0 ? 0 : (2 * match) / (gt.length + ht.length)
}

export function evaluateStif(): EvalRow[] {
  const dir = join(sharedDataDir(), 'stif-indonesia')
  const inf = readFileSync(join(dir, 'test.inf'), 'utf8').split('\n')
  const ref = readFileSync(join(dir, 'test.for'), 'utf8').split('\n')
  let raw = 0
  let norm = 0
  let n = 0
  inf.forEach((line, i) => {
    if (line.trim() === '' || ref[i] === undefined) return
    raw += tokenF1(line, ref[i])
    norm += tokenF1(normalise(line), ref[i])
    n++
  })
  return [
    {
      protocol: 'STIF test (normaliser)',
      metric: 'token F1 vs formal, raw informal text',
      value: raw / n,
      n,
    },
    {
      protocol: 'STIF test (normaliser)',
      metric: 'token F1 vs formal, after normalise()',
      value: norm / n,
      n,
    },
  ]
}
