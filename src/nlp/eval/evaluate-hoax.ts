// Hoax matcher evaluation on the committed dev/test sets: recall on restatements (matched to the right claim),
// false-match rate on texts that restate nothing, wrong-claim rate, per-style recall. The threshold is chosen on
// the dev split only (calibrateHoaxThreshold); the test split is only ever scored.
import { z } from 'zod'
import { corpusPath } from '../corpus-path.ts'
import { createHoaxMatcher } from '../hoax/create-hoax-matcher.ts'
import type { HoaxClaim } from '../types.ts'
import { readJsonLines } from './read-json-lines.ts'

const claimSchema = z.object({ id: z.string(), claim: z.string(), fact: z.string().optional() })
const textSchema = z.object({
  id: z.string(),
  text: z.string(),
  claim: z.string().nullable(),
  style: z.string(),
})
export type HoaxEvalText = z.infer<typeof textSchema>

const HOAX_CLAIMS_FILE = corpusPath('eval', 'hoax-claims.jsonl')
const HOAX_DEV_FILE = corpusPath('eval', 'hoax-dev.jsonl')
/** A second dev set of harder paraphrases, written after the first test run (docs/nlp/evaluation-check-hoax.md). */
const HOAX_DEV2_FILE = corpusPath('eval', 'hoax-dev2.jsonl')
/** Third dev set: slang, question, typo, Javanese/Sundanese restatements and same-topic texts (issue #3 item 5). */
const HOAX_DEV3_FILE = corpusPath('eval', 'hoax-dev3.jsonl')
/** Fresh test set written after all tuning was done; scored once. */
const HOAX_TEST2_FILE = corpusPath('eval', 'hoax-test2.jsonl')
/** Fresh test set of slang/question/typo/regional restatements and same-topic texts, written after the stemmer,
 * amount and hearsay changes were frozen; scored once. */
const HOAX_TEST3_FILE = corpusPath('eval', 'hoax-test3.jsonl')
const HOAX_TEST_FILE = corpusPath('eval', 'hoax-test.jsonl')
/**
 * Issue #10's independent set: 720 mentions written by a writer who saw only the claims and facts (never the matcher,
 * its lexicons or the earlier sets), scored once after the matcher was frozen. Spent: development data since round
 * three (the verifier trains on it); the next clean measure is a sealed set the lead scores.
 */
const HOAX_INDEPENDENT_FILE = corpusPath('eval', 'hoax-independent.jsonl')
/**
 * A second independent set (510 mentions, the same brief, a fresh writer who saw neither the code nor the first set),
 * written while round two of the matcher was built and scored once after it was frozen. Spent like the first: development
 * data since round three.
 */
const HOAX_INDEPENDENT2_FILE = corpusPath('eval', 'hoax-independent2.jsonl')
/**
 * A third independent set (516 mentions, the same brief, a fresh writer), kept sealed while round three was built and
 * scored once after it was merged. Never tune on it.
 */
const HOAX_INDEPENDENT3_FILE = corpusPath('eval', 'hoax-independent3.jsonl')

export function loadHoaxClaims(): HoaxClaim[] {
  return readJsonLines(HOAX_CLAIMS_FILE, claimSchema)
}

function loadHoaxTexts(path: string): HoaxEvalText[] {
  return readJsonLines(path, textSchema)
}

export type HoaxTestSplit = 'test' | 'test2' | 'test3' | 'independent' | 'independent2' | 'independent3'

export function loadHoaxTestTexts(split: HoaxTestSplit): HoaxEvalText[] {
  const files: Record<HoaxTestSplit, string> = {
    test: HOAX_TEST_FILE,
    test2: HOAX_TEST2_FILE,
    test3: HOAX_TEST3_FILE,
    independent: HOAX_INDEPENDENT_FILE,
    independent2: HOAX_INDEPENDENT2_FILE,
    independent3: HOAX_INDEPENDENT3_FILE,
  }
  return loadHoaxTexts(files[split])
}

export interface HoaxEvaluation {
  split: string
  threshold: number
  texts: number
  restatements: number
  nonRestatements: number
  /** Restatements matched to their own claim. */
  recall: number
  /** Restatements matched to a different claim. */
  wrongClaimRate: number
  /** Texts that restate nothing but were matched to some claim. */
  falseMatchRate: number
  precision: number
  recallByStyle: Record<string, number>
  falseMatchByStyle: Record<string, number>
  errors: Array<{ id: string; text: string; expected: string | null; got: string | null; score: number }>
}

export function scoreHoaxTexts(
  claims: HoaxClaim[],
  texts: HoaxEvalText[],
  threshold: number,
  split: string,
): HoaxEvaluation {
  const matcher = createHoaxMatcher(claims, { threshold })
  let restatements = 0
  let correct = 0
  let wrongClaim = 0
  let nonRestatements = 0
  let falseMatches = 0
  let predictedMatches = 0
  const styleTotals = new Map<string, { total: number; hit: number }>()
  const errors: HoaxEvaluation['errors'] = []
  for (const row of texts) {
    const { match, score } = matcher.match(row.text)
    if (match !== null) predictedMatches += 1
    const style = styleTotals.get(row.style) ?? { total: 0, hit: 0 }
    style.total += 1
    if (row.claim === null) {
      nonRestatements += 1
      if (match !== null) {
        falseMatches += 1
        style.hit += 1
      }
    } else {
      restatements += 1
      if (match === row.claim) {
        correct += 1
        style.hit += 1
      } else if (match !== null) wrongClaim += 1
    }
    styleTotals.set(row.style, style)
    if (match !== row.claim)
      errors.push({ id: row.id, text: row.text, expected: row.claim, got: match, score })
  }
  const recallByStyle: Record<string, number> = {}
  const falseMatchByStyle: Record<string, number> = {}
  for (const [style, { total, hit }] of styleTotals) {
    const isNegative = texts.some((t) => t.style === style && t.claim === null)
    ;(isNegative ? falseMatchByStyle : recallByStyle)[style] = total > 0 ? hit / total : 0
  }
  return {
    split,
    threshold,
    texts: texts.length,
    restatements,
    nonRestatements,
    recall: restatements > 0 ? correct / restatements : 0,
    wrongClaimRate: restatements > 0 ? wrongClaim / restatements : 0,
    falseMatchRate: nonRestatements > 0 ? falseMatches / nonRestatements : 0,
    precision: predictedMatches > 0 ? correct / predictedMatches : 0,
    recallByStyle,
    falseMatchByStyle,
    errors,
  }
}

/**
 * The threshold with the best recall among those keeping the dev false-match rate at or under `maxFalseMatchRate`
 * (ties: the higher threshold, for margin).
 */
export function calibrateHoaxThreshold(
  claims: HoaxClaim[],
  dev: HoaxEvalText[],
  maxFalseMatchRate = 0.05,
): number {
  let best = { threshold: 1, recall: -1 }
  for (let step = 100; step >= 10; step -= 1) {
    const threshold = step / 100
    const result = scoreHoaxTexts(claims, dev, threshold, 'dev')
    const net = result.recall - result.wrongClaimRate
    if (result.falseMatchRate <= maxFalseMatchRate && net > best.recall) best = { threshold, recall: net }
  }
  return best.threshold
}

/** All dev sets together: what the threshold is calibrated on. */
export function loadHoaxDevTexts(): HoaxEvalText[] {
  return [...loadHoaxTexts(HOAX_DEV_FILE), ...loadHoaxTexts(HOAX_DEV2_FILE), ...loadHoaxTexts(HOAX_DEV3_FILE)]
}

/** Scores a test split (default: the first) with the matcher's default (dev-calibrated) threshold. */
export function evaluateHoax(options: { threshold?: number; split?: HoaxTestSplit } = {}): HoaxEvaluation {
  const claims = loadHoaxClaims()
  const split = options.split ?? 'test'
  return scoreHoaxTexts(
    claims,
    loadHoaxTestTexts(split),
    options.threshold ?? createHoaxMatcher(claims).threshold,
    split,
  )
}
