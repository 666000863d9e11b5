// Per-code precision/recall of checkDraft on the committed drafts set (corpus/eval/check-drafts.jsonl),
// scored per draft: a code counts as found when at least one finding of that code is present. Hoax findings use
// the committed claim base.
import { z } from 'zod'
import { checkDraft } from '../check.ts'
import type { ClassifyText } from '../check.ts'
import { corpusPath } from '../corpus-path.ts'
import { createHoaxMatcher } from '../hoax/create-hoax-matcher.ts'
import { POSTING_PLATFORMS } from '../../shared/platforms.ts'
import { FINDING_CODES, type FindingCode } from '../types.ts'
import { loadHoaxClaims } from './evaluate-hoax.ts'
import { readJsonLines } from './read-json-lines.ts'

const CHECK_DRAFTS_FILE = corpusPath('eval', 'check-drafts.jsonl')

const draftSchema = z.object({
  id: z.string(),
  platform: z.enum(POSTING_PLATFORMS),
  text: z.string(),
  expected: z.array(z.enum(FINDING_CODES)),
})

export type CheckDraft = z.infer<typeof draftSchema>

export function loadCheckDrafts(): CheckDraft[] {
  return readJsonLines(CHECK_DRAFTS_FILE, draftSchema)
}

export interface CodeMetrics {
  support: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
}

export interface CheckEvaluation {
  drafts: number
  perCode: Record<FindingCode, CodeMetrics>
  /** Micro-averaged over all codes. */
  precision: number
  recall: number
  /** Drafts where the set of codes found differs from the expected set. */
  errors: Array<{ id: string; text: string; missing: FindingCode[]; unexpected: FindingCode[] }>
}

export function evaluateCheck(options: { classify?: ClassifyText | null } = {}): CheckEvaluation {
  const drafts = loadCheckDrafts()
  const claims = createHoaxMatcher(loadHoaxClaims())
  const counts = new Map<FindingCode, { tp: number; fp: number; fn: number; support: number }>(
    FINDING_CODES.map((code) => [code, { tp: 0, fp: 0, fn: 0, support: 0 }]),
  )
  const errors: CheckEvaluation['errors'] = []
  for (const draft of drafts) {
    const found = new Set(checkDraft(draft, { claims, classify: options.classify }).map((f) => f.code))
    const expected = new Set(draft.expected)
    for (const code of FINDING_CODES) {
      const count = counts.get(code)!
      if (expected.has(code)) count.support += 1
      if (expected.has(code) && found.has(code)) count.tp += 1
      else if (found.has(code)) count.fp += 1
      else if (expected.has(code)) count.fn += 1
    }
    const missing = [...expected].filter((c) => !found.has(c))
    const unexpected = [...found].filter((c) => !expected.has(c))
    if (missing.length > 0 || unexpected.length > 0)
      errors.push({ id: draft.id, text: draft.text, missing, unexpected })
  }
  const perCode = {} as Record<FindingCode, CodeMetrics>
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [code, c] of counts) {
    tp += c.tp
    fp += c.fp
    fn += c.fn
    perCode[code] = {
      support: c.support,
      truePositives: c.tp,
      falsePositives: c.fp,
      falseNegatives: c.fn,
      precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1,
      recall: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1,
    }
  }
  return {
    drafts: drafts.length,
    perCode,
    precision: tp + fp > 0 ? tp / (tp + fp) : 1,
    recall: tp + fn > 0 ? tp / (tp + fn) : 1,
    errors,
  }
}
