// `warta nlp eval`: the protocols of ../shared/data/BASELINES.md plus the in-domain test split, one file each.
// Protocol models are trained here, in memory, with the same features and trainer as the product models; the
// product models (src/nlp/models) are scored on the in-domain tests. No test split is used for any choice.
// The compliance check and the hoax matcher (`check-hoax`) are reported as text by formatCheckHoaxEvaluation.
import { loadClassifier } from '../classify.ts'
import { DEFAULT_HEAD_OPTIONS } from '../train/fit-head.ts'
import type { EvalRow } from './eval-row.ts'
import { evaluateDkkSemarang } from './evaluate-dkk-semarang.ts'
import { evaluateGovComments } from './evaluate-gov-comments.ts'
import { evaluateIbrohimBudi } from './evaluate-ibrohim-budi.ts'
import { evaluateIndolem } from './evaluate-indolem.ts'
import { evaluateSmsa } from './evaluate-smsa.ts'
import { evaluateStif } from './evaluate-stif.ts'

export type { EvalRow } from './eval-row.ts'

export const EVAL_PROTOCOLS = ['smsa', 'ibrohim', 'indolem', 'dkk', 'gov', 'stif', 'check-hoax'] as const
type RowProtocol = Exclude<(typeof EVAL_PROTOCOLS)[number], 'check-hoax'>

interface Protocol {
  name: RowProtocol
  /** Progress ticks: one for most; the Ibrohim & Budi protocol reports each of its ten folds itself. */
  steps: number
  run(seed: number, progress: (label: string) => void): EvalRow[]
}

// In the order they run and print: the slow 10-fold protocol last.
const PROTOCOLS: readonly Protocol[] = [
  { name: 'smsa', steps: 1, run: evaluateSmsa },
  { name: 'indolem', steps: 1, run: evaluateIndolem },
  { name: 'dkk', steps: 1, run: evaluateDkkSemarang },
  { name: 'gov', steps: 1, run: evaluateGovComments },
  { name: 'stif', steps: 1, run: evaluateStif },
  { name: 'ibrohim', steps: 10, run: evaluateIbrohimBudi },
]

export interface EvalOptions {
  seed?: number
  onProgress?: (done: number, total: number, label: string) => void
  /** Protocol names (EVAL_PROTOCOLS); all when absent. */
  only?: string[]
}

export function evaluateAll(options: EvalOptions = {}): EvalRow[] {
  const seed = options.seed ?? DEFAULT_HEAD_OPTIONS.seed
  const only = new Set(options.only ?? EVAL_PROTOCOLS)
  const selected = PROTOCOLS.filter((protocol) => only.has(protocol.name))
  const steps = selected.reduce((sum, protocol) => sum + protocol.steps, 0)
  let done = 0
  const progress = (label: string): void => options.onProgress?.(++done, steps, label)
  options.onProgress?.(0, steps, 'start')
  loadClassifier()
  const rows: EvalRow[] = []
  for (const protocol of selected) {
    rows.push(...protocol.run(seed, progress))
    if (protocol.steps === 1) progress(protocol.name)
  }
  return rows
}
