// Hoax matcher: which known claim (if any) a text restates. A restatement keeps the claim's distinctive content
// words (in other words, slang, typos, regional words) and its stance; a text on the same topic shares only the
// topic words, and a denial flips the stance. Score = weighted claim-word coverage (IDF over the claim base, so
// words shared by many claims count less) + character n-gram TF-IDF cosine, damped by stance and number clashes.
import type { HoaxClaim, HoaxMatch } from '../types.ts'
import { analyseHoaxText } from './hoax-tokens.ts'
import type { ContentToken, HoaxText } from './hoax-tokens.ts'

/** Calibrated on the three dev sets, hoax-dev*.jsonl in corpus/eval (docs/nlp/evaluation-check-hoax.md). */
export const DEFAULT_HOAX_THRESHOLD = 0.41

export interface HoaxMatcherOptions {
  threshold?: number
}

export interface HoaxScore {
  claimId: string
  score: number
  cover: number
  charCosine: number
  stanceFlip: boolean
  numberClash: boolean
  debunk: boolean
}

export interface HoaxMatcher {
  match(text: string): HoaxMatch
  /** Every claim's score for the text, best first (for calibration and explanations). */
  scoreAll(text: string): HoaxScore[]
  /** The claim's own words, to name it to a person (an id means nothing to them). */
  claimText(claimId: string): string | undefined
  readonly threshold: number
}

interface AnalysedUnit {
  text: HoaxText
  grams: Map<string, number>
  norm: number
  debunk: boolean
  continuity: boolean
  raw: string
}

interface PreparedClaim {
  id: string
  analysis: HoaxText
  /** Claim keys with their weight (IDF), one entry per distinct key. */
  keys: Map<string, { weight: number; negated: boolean; predicate: boolean; alternatives: string[] }>
  totalWeight: number
  hasNegation: boolean
  grams: Map<string, number>
  gramNorm: number
}

const COVER_WEIGHT = 0.7
const CHAR_WEIGHT = 0.3
const STANCE_FLIP_FACTOR = 0.35
const NUMBER_CLASH_FACTOR = 0.6
const DEBUNK_FACTOR = 0.4
// The claim's predicate ("dihentikan", "menyebabkan", "tidak berlaku") is what a same-topic text lacks.
const PREDICATE_WEIGHT = 1.6
const MISSING_PREDICATE_FACTOR = 0.75

// Wording that presents the claim as false. "bukan hoaks" and a question ("hoaks bukan?") do the opposite.
const DEBUNK_CUE =
  /\b(?:hoaks|hoax|hoaxs|hoks|disinformasi|misinformasi|kabar\s+bohong|berita\s+bohong|tidak\s+benar|gak\s+bener|tidak\s+terbukti|faktanya|fakta\s*:|klarifikasi|cek\s+fakta|telah\s+dibantah|dibantah|jangan\s+(?:mudah\s+)?percaya|jangan\s+termakan|penipuan|phishing|jangan\s+klik)\b/iu
const AFFIRM_CUE = /\b(?:bukan\s+(?:hoaks|hoax|hoks)|beneran|asli\s+ini|nyata\s+terjadi|sudah\s+terbukti)\b/iu
const CLAIM_TAG = /^\s*\[[^\]]*\]\s*/u
// "tetap" (still, unchanged) contradicts the change most hoaxes announce: "SIM tetap lima tahun", "tetap bebas PPN".
const CONTINUITY_CUE =
  /\b(?:tetap|masih)\s+(?:berlaku|bebas|ada|dilayani|disalurkan|aman|normal|lima|sama|seperti)\b/iu
const CONTINUITY_FACTOR = 0.6
// Asking whether a claim is true or passing it on as hearsay ("katanya", "beneran ga sih", "jare") is how most
// people restate a hoax; a plain same-topic question ("jadwalnya kapan?") carries no such cue.
const HEARSAY_FACTOR = 1.1
// Words any claim about the public may use ("warga", "pemerintah"): sharing them says little about which claim.
const GENERIC_KEYS = new Set([
  'rakyat',
  'pemerintah',
  'orang',
  'indonesia',
  'lewat',
  'melalui',
  'mulai',
  'semua',
  'wajib',
])
const GENERIC_WEIGHT = 0.5
// An existential "ada chip di vaksin" restates "mengandung chip" but is much weaker evidence than the verb itself.
const WEAK_EQUIVALENTS: Record<string, { words: RegExp; credit: number }> = {
  kandung: { words: /\b(?:ada|ado|ono|onok|enek|aya|dalemnya|dalamnya)\b/iu, credit: 0.5 },
}

function levenshteinAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return false
    previous = current
  }
  return (previous[b.length] ?? limit + 1) <= limit
}

// Word pairs repeat across claims, units and texts; the edit-distance test dominates the cost, so results are kept.
const keyMatchCache = new Map<string, boolean>()
const KEY_MATCH_CACHE_LIMIT = 200_000

/** A text token matches a claim key when any of their root candidates match. */
function anyKeysMatch(tokenKeys: string[], claimKeys: string[]): boolean {
  for (const a of tokenKeys) for (const b of claimKeys) if (keysMatch(a, b)) return true
  return false
}

/**
 * Same word allowing one typo in five letters, two in eight, or one word a prefix/suffix of the other (five
 * letters up; four when the shorter word ends the longer, a sub-word like "chip" in "microchip").
 */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true
  // Cheap rejections first: words under five letters only match exactly, and no rule bridges a gap of more than
  // two letters unless one word contains the other at an end.
  if (a.length < 4 || b.length < 4) return false
  if (a.length === 4 || b.length === 4)
    return a.length === 4 ? b.endsWith(a) && b.length >= 7 : a.endsWith(b) && a.length >= 7
  if (
    Math.abs(a.length - b.length) > 2 &&
    !a.startsWith(b) &&
    !b.startsWith(a) &&
    !a.endsWith(b) &&
    !b.endsWith(a)
  )
    return false
  const cacheKey = `${a}\u0000${b}`
  let result = keyMatchCache.get(cacheKey)
  if (result === undefined) {
    result = computeKeysMatch(a, b)
    if (keyMatchCache.size >= KEY_MATCH_CACHE_LIMIT) keyMatchCache.clear()
    keyMatchCache.set(cacheKey, result)
  }
  return result
}

function computeKeysMatch(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b
  const longer = a.length <= b.length ? b : a
  if (shorter.length >= 5 && (longer.startsWith(shorter) || longer.endsWith(shorter))) return true
  if (shorter.length >= 8) return levenshteinAtMost(a, b, 2)
  if (shorter.length >= 5) return levenshteinAtMost(a, b, 1)
  return false
}

function charGrams(source: string): Map<string, number> {
  const grams = new Map<string, number>()
  for (let n = 3; n <= 5; n += 1) {
    for (let i = 0; i + n <= source.length; i += 1) {
      const gram = source.slice(i, i + n)
      grams.set(gram, (grams.get(gram) ?? 0) + 1)
    }
  }
  return grams
}

function splitUnits(text: string): string[] {
  const sentences = text
    .split(/(?<=[.!?\n])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  if (sentences.length <= 1) return [text]
  const units = [text, ...sentences]
  for (let i = 0; i + 1 < sentences.length; i += 1) units.push(`${sentences[i]} ${sentences[i + 1]}`)
  return units
}

export function createHoaxMatcher(claims: HoaxClaim[], options: HoaxMatcherOptions = {}): HoaxMatcher {
  const threshold = options.threshold ?? DEFAULT_HOAX_THRESHOLD
  // A long claim (headline plus narration) is also scored sentence by sentence: a text restating only its core
  // sentence would otherwise cover too little of it. Each part keeps the claim's id; the best part counts.
  const analysed = claims.flatMap((claim) => {
    const body = claim.claim.replace(CLAIM_TAG, '')
    const parts = [body]
    const sentences = body.split(/(?<=[.!?;])\s+/u).filter((sentence) => sentence.split(/\s+/u).length >= 4)
    if (sentences.length > 1) parts.push(...sentences)
    return parts.map((part) => ({ id: claim.id, analysis: analyseHoaxText(part) }))
  })

  // Document frequencies over the claim base: of keys (for coverage weights) and of character n-grams.
  const keyDf = new Map<string, number>()
  const gramDf = new Map<string, number>()
  const rawGrams = analysed.map(({ analysis }) => charGrams(analysis.ngramSource))
  for (const [index, { analysis }] of analysed.entries()) {
    for (const key of new Set(analysis.tokens.map((t) => t.key))) keyDf.set(key, (keyDf.get(key) ?? 0) + 1)
    for (const gram of rawGrams[index]?.keys() ?? []) gramDf.set(gram, (gramDf.get(gram) ?? 0) + 1)
  }
  const count = Math.max(1, analysed.length)
  const keyIdf = (key: string): number => Math.log(1 + count / (keyDf.get(key) ?? 1))
  const gramIdf = (gram: string): number => Math.log((count + 1) / ((gramDf.get(gram) ?? 0) + 1)) + 1

  const weightGrams = (grams: Map<string, number>): { grams: Map<string, number>; norm: number } => {
    const weighted = new Map<string, number>()
    let sum = 0
    for (const [gram, tf] of grams) {
      const weight = (1 + Math.log(tf)) * gramIdf(gram)
      weighted.set(gram, weight)
      sum += weight * weight
    }
    return { grams: weighted, norm: Math.sqrt(sum) }
  }

  const prepared: PreparedClaim[] = analysed.map(({ id, analysis }, index) => {
    const keys: PreparedClaim['keys'] = new Map()
    for (const token of analysis.tokens) {
      if (!keys.has(token.key)) {
        const weight =
          keyIdf(token.key) *
          (token.predicate ? PREDICATE_WEIGHT : 1) *
          (GENERIC_KEYS.has(token.key) ? GENERIC_WEIGHT : 1)
        keys.set(token.key, {
          weight,
          negated: token.negated,
          predicate: token.predicate,
          alternatives: token.keys,
        })
      }
    }
    let totalWeight = 0
    for (const { weight } of keys.values()) totalWeight += weight
    const { grams, norm } = weightGrams(rawGrams[index] ?? new Map<string, number>())
    const hasNegation = analysis.tokens.some((token) => token.negated)
    return { id, analysis, keys, totalWeight, hasNegation, grams, gramNorm: norm }
  })

  // Everything about a unit that does not depend on the claim, computed once per unit rather than once per claim.
  const analyseUnit = (unit: string): AnalysedUnit => {
    const text = analyseHoaxText(unit)
    return {
      text,
      ...weightGrams(charGrams(text.ngramSource)),
      debunk: DEBUNK_CUE.test(unit) && !AFFIRM_CUE.test(unit) && !text.isQuestion,
      continuity: CONTINUITY_CUE.test(unit) && !text.isQuestion,
      raw: unit,
    }
  }

  const scoreUnit = (unit: AnalysedUnit, claim: PreparedClaim): Omit<HoaxScore, 'claimId'> => {
    const { text, grams, norm, debunk, continuity } = unit
    const textHasNegation = text.tokens.some((token) => token.negated)
    let covered = 0
    let stanceFlip = false
    let hasPredicate = false
    let predicateFound = false
    for (const [key, { weight, negated, predicate, alternatives }] of claim.keys) {
      hasPredicate ||= predicate
      const found: ContentToken | undefined = text.tokens.find((token) =>
        anyKeysMatch(token.keys, alternatives),
      )
      if (!found) {
        const weak = WEAK_EQUIVALENTS[key]
        if (weak?.words.test(unit.raw)) covered += weight * weak.credit
        continue
      }
      covered += weight
      predicateFound ||= predicate
      // A negation that merely lands on a neighbouring word ("tanpa ke imigrasi" for "tanpa datang ke imigrasi")
      // is not a flip: only a side with no negation at all against a negated other side is.
      if (found.negated && !negated && !claim.hasNegation) stanceFlip = true
      if (!found.negated && negated && !textHasNegation) stanceFlip = true
    }
    const cover = claim.totalWeight > 0 ? covered / claim.totalWeight : 0

    let dot = 0
    for (const [gram, weight] of grams) {
      const other = claim.grams.get(gram)
      if (other !== undefined) dot += weight * other
    }
    const charCosine = norm > 0 && claim.gramNorm > 0 ? dot / (norm * claim.gramNorm) : 0

    const claimNumbers = claim.analysis.numbers
    const numberClash =
      claimNumbers.length > 0 &&
      text.numbers.length > 0 &&
      !text.numbers.some((n) => claimNumbers.some((c) => Math.abs(n - c) <= Math.abs(c) * 0.01))

    let score = COVER_WEIGHT * cover + CHAR_WEIGHT * charCosine
    if (stanceFlip && !text.isQuestion) score *= STANCE_FLIP_FACTOR
    if (numberClash) score *= NUMBER_CLASH_FACTOR
    if (debunk) score *= DEBUNK_FACTOR
    if (continuity) score *= CONTINUITY_FACTOR
    if (text.hearsay && !debunk) score = Math.min(1, score * HEARSAY_FACTOR)
    if (hasPredicate && !predicateFound) score *= MISSING_PREDICATE_FACTOR
    return { score, cover, charCosine, stanceFlip, numberClash, debunk }
  }

  const scoreAll = (text: string): HoaxScore[] => {
    const units = splitUnits(text).map(analyseUnit)
    const scores = prepared.map((claim) => {
      let best: Omit<HoaxScore, 'claimId'> | undefined
      for (const unit of units) {
        const candidate = scoreUnit(unit, claim)
        if (!best || candidate.score > best.score) best = candidate
      }
      return {
        claimId: claim.id,
        ...(best ?? {
          score: 0,
          cover: 0,
          charCosine: 0,
          stanceFlip: false,
          numberClash: false,
          debunk: false,
        }),
      }
    })
    // Parts of one claim share its id: keep the best-scoring part of each claim.
    const seen = new Set<string>()
    return scores
      .sort((a, b) => b.score - a.score)
      .filter((score) => (seen.has(score.claimId) ? false : (seen.add(score.claimId), true)))
  }

  // A claim's variants come in as more entries with its id: the first entry is the claim as written.
  const claimTexts = new Map<string, string>()
  for (const claim of claims) if (!claimTexts.has(claim.id)) claimTexts.set(claim.id, claim.claim)
  return {
    threshold,
    scoreAll,
    claimText: (claimId) => claimTexts.get(claimId),
    match(text: string): HoaxMatch {
      const best = scoreAll(text)[0]
      if (!best) return { match: null, score: 0 }
      const score = Math.round(best.score * 10000) / 10000
      return { match: best.score >= threshold ? best.claimId : null, score }
    },
  }
}

/** True when the text presents a claim as false (labels it a hoax, states the facts) rather than asking about it. */
export function isDebunkFraming(text: string): boolean {
  return DEBUNK_CUE.test(text) && !AFFIRM_CUE.test(text) && !/\?/u.test(text)
}
