// Per-code precision/recall of checkDraft on a committed drafts set (corpus/eval/check-drafts.jsonl or check-dev2.jsonl),
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

/**
 * The committed drafts set and the second and third dev sets (check-dev2.jsonl, check-dev3.jsonl; dev3's ids
 * `d3-h…` are its held-out part, scored once), all written beside the code, and issue #10's
 * independent set (check-independent.jsonl: written by a writer who saw only the rules and the claims, scored once —
 * never tune on it).
 */
export const CHECK_DRAFT_SETS = {
  drafts: corpusPath('eval', 'check-drafts.jsonl'),
  dev2: corpusPath('eval', 'check-dev2.jsonl'),
  dev3: corpusPath('eval', 'check-dev3.jsonl'),
  independent: corpusPath('eval', 'check-independent.jsonl'),
  /** A second independent set (fresh writer, same brief), scored once after round two; development data in round three. */
  independent2: corpusPath('eval', 'check-independent2.jsonl'),
  /** A third independent set (fresh writer, same brief), sealed during round three and scored once after. */
  independent3: corpusPath('eval', 'check-independent3.jsonl'),
} as const

export type CheckDraftSet = keyof typeof CHECK_DRAFT_SETS

const draftSchema = z.object({
  id: z.string(),
  platform: z.enum(POSTING_PLATFORMS),
  text: z.string(),
  expected: z.array(z.enum(FINDING_CODES)),
})

export type CheckDraft = z.infer<typeof draftSchema>

export function loadCheckDrafts(set: CheckDraftSet = 'drafts'): CheckDraft[] {
  return readJsonLines(CHECK_DRAFT_SETS[set], draftSchema)
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
  /** Drafts expected clean that got any finding. */
  cleanDrafts: number
  cleanFlagged: number
  perCode: Record<FindingCode, CodeMetrics>
  /** Micro-averaged over all codes. */
  precision: number
  recall: number
  /** Drafts where the set of codes found differs from the expected set. */
  errors: Array<{ id: string; text: string; missing: FindingCode[]; unexpected: FindingCode[] }>
}

/** check-dev3.jsonl's held-out part: written before the round-two rules were frozen, scored once after. */
export const isHeldOutDraft = (draft: CheckDraft): boolean => draft.id.startsWith('d3-h')

export function evaluateCheck(
  options: {
    classify?: ClassifyText | null
    set?: CheckDraftSet
    /** Keeps only the drafts it accepts (e.g. `isHeldOutDraft`). */
    only?: (draft: CheckDraft) => boolean
  } = {},
): CheckEvaluation {
  const only = options.only
  const drafts = only ? loadCheckDrafts(options.set).filter(only) : loadCheckDrafts(options.set)
  const claims = createHoaxMatcher(loadHoaxClaims())
  const counts = new Map<FindingCode, { tp: number; fp: number; fn: number; support: number }>(
    FINDING_CODES.map((code) => [code, { tp: 0, fp: 0, fn: 0, support: 0 }]),
  )
  const errors: CheckEvaluation['errors'] = []
  let cleanDrafts = 0
  let cleanFlagged = 0
  for (const draft of drafts) {
    const found = new Set(checkDraft(draft, { claims, classify: options.classify }).map((f) => f.code))
    const expected = new Set(draft.expected)
    if (expected.size === 0) {
      cleanDrafts += 1
      if (found.size > 0) cleanFlagged += 1
    }
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
    cleanDrafts,
    cleanFlagged,
    perCode,
    precision: tp + fp > 0 ? tp / (tp + fp) : 1,
    recall: tp + fn > 0 ? tp / (tp + fn) : 1,
    errors,
  }
}
