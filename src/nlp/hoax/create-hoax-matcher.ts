// Hoax matcher: which known claim (if any) a text asserts, asks about or spreads. Two stages:
// 1. Retrieval (hoax-retrieval.ts): the claims the text is about, by what they name (programme, institution,
//    document, place, amount, claim kind) through the public-service lexicon; most texts stop here.
// 2. Verification, per retrieved claim: how much of the claim the text restates (weighted claim-word coverage with
//    IDF over the claim base, predicates weighted up; character n-gram TF-IDF cosine; a heuristic score damped by
//    stance and number clashes), how it stands to it (stance-cues.ts: hearsay, forward, question, denial, official
//    update, first-person consequence), and a logistic verifier trained on (text, claim) pairs
//    (hoax-verifier-model.ts, corpus/hoax-pairs) turns those into a probability. Two claims close to each other
//    give no match: never the wrong claim.
import type { HoaxClaim, HoaxMatch } from '../types.ts'
import { createHoaxRetrieval } from './hoax-retrieval.ts'
import type { RetrievalHit } from './hoax-retrieval.ts'
import { analyseHoaxText } from './hoax-tokens.ts'
import type { ContentToken, HoaxText } from './hoax-tokens.ts'
import { verifyPair } from './hoax-verifier-features.ts'
import type { HoaxPairFeatures, HoaxVerifierModel } from './hoax-verifier-features.ts'
import { HOAX_VERIFIER_MODEL } from './hoax-verifier-model.ts'
import { keysMatch } from './keys-match.ts'
import { LEXICON } from './public-service-lexicon.ts'
import { detectStanceCues } from './stance-cues.ts'
import type { StanceCues } from './stance-cues.ts'

export { keysMatch } from './keys-match.ts'
export type { HoaxPairFeatures } from './hoax-verifier-features.ts'

/** The verifier's probability a match needs (calibrated on the dev sets, docs/nlp/evaluation-check-hoax.md). */
export const DEFAULT_HOAX_THRESHOLD = HOAX_VERIFIER_MODEL.threshold
/** When a second claim also passes, the best must lead it by this much, else no claim is named. */
export const WRONG_CLAIM_MARGIN = 0.15
/**
 * A second claim this close under the threshold is a rival too: a consequence story naming the topic of two
 * claims ("beras plastik" heard of, "supermarket" for "minimarket") sits just above one and just under the other.
 */
export const RIVAL_BELOW_THRESHOLD = 0.2

/** Whether the runner-up is too close to the best for the best to be named (never the wrong claim). */
export function rivalTooClose(best: number, second: number | undefined, threshold: number): boolean {
  return (
    second !== undefined && second >= threshold - RIVAL_BELOW_THRESHOLD && best - second < WRONG_CLAIM_MARGIN
  )
}

export interface HoaxMatcherOptions {
  threshold?: number
  /** A verifier other than the committed one (training, tests). */
  verifier?: HoaxVerifierModel
}

export interface HoaxScore {
  claimId: string
  /** The verifier's probability that the text asserts, asks about or spreads the claim (0 when not retrieved). */
  score: number
  cover: number
  charCosine: number
  stanceFlip: boolean
  numberClash: boolean
  debunk: boolean
  /** Whether retrieval offered the claim at all. */
  retrieved: boolean
}

export interface HoaxCandidate {
  claimId: string
  features: HoaxPairFeatures
  probability: number
}

export interface HoaxMatcher {
  match(text: string): HoaxMatch
  /** Every claim's score for the text, best first (for calibration and explanations). */
  scoreAll(text: string): HoaxScore[]
  /** The retrieved claims with the verifier's features and probability (training and explanations). */
  candidates(text: string): HoaxCandidate[]
  /** The claim's own words, to name it to a person (an id means nothing to them). */
  claimText(claimId: string): string | undefined
  readonly threshold: number
}

interface AnalysedUnit {
  text: HoaxText
  tokenOfRoot: Map<string, ContentToken>
  cues: StanceCues
  grams: Map<string, number>
  norm: number
  debunk: boolean
  /** A denial follows the text's last question mark. */
  denialAfterQuestion: boolean
  continuity: boolean
  raw: string
}

interface PreparedClaim {
  id: string
  /** The claim's most distinctive (highest-weight) key that is not a lexicon concept. */
  distinctive: string | undefined
  /** Lexicon concept keys (programme, institution, document, place, claim kind) of the claim. */
  slots: string[]
  /** Content keys no other claim in the base uses ("mandul", "sirsak"): a near claim shares the topic, not these. */
  unique: Set<string>
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
  /\b(?:hoaks|hoax|hoaxs|hoks|disinformasi|misinformasi|kabar\s+bohong|berita\s+bohong|tidak\s+benar|gak\s+bener|tidak\s+terbukti|faktanya|fakta\s*:|klarifikasi|cek\s+fakta|telah\s+dibantah|dibantah|jangan\s+(?:mudah\s+)?percaya|jangan\s+termakan|penipuan|phishing|jangan\s+klik|(?:sudah\s+|udah\s+|telah\s+)?diklarifikasi|bukan\s+(?:gitu|begitu|begini)|(?:gak|ga|nggak|tidak|tak)\s+usah\s+percaya|belum\s+terbukti|(?:tidak|tak|gak|ga|nggak)\s+ada\s+bukti(?:nya)?|(?:cuma|hanya|sekadar)\s+isu|isu\s+(?:lama|basi)|ngawur|ngarang|mitos|keliru|penipu|scam|editan|hasil\s+editan|ngaco|salah\s+kaprah|(?:gak|ga|nggak|tidak|tak)\s+masuk\s+akal|omong\s+kosong|tidak\s+berdasar|menyesatkan|fitnah|(?:gak|ga|nggak|tidak|tak)\s+ada\s+data(?:nya)?|hasilnya\s+negatif|jangan\s+ikut(?:an)?\s+(?:sebar|nyebar|share)|dusta|kabar\s+(?:palsu|keliru)|info\s+(?:palsu|sesat|keliru)|sudah\s+dibantah|(?:tidak|tak|gak|ga|nggak)\s+ada\s+(?:kaitan|hubungan|sangkut\s*paut)(?:nya)?|(?:tidak|tak|gak|ga|nggak)\s+(?:berhubungan|berkaitan|terkait)|(?:itu|tersebut)\s+(?:tidak|tak|gak|ga|nggak|enggak)\s+(?:ada|benar|betul|nyata)|membantah|bantah|menepis|ditepis)\b/iu
const AFFIRM_CUE = /\b(?:bukan\s+(?:hoaks|hoax|hoks)|beneran|asli\s+ini|nyata\s+terjadi|sudah\s+terbukti)\b/iu
const CLAIM_TAG = /^\s*\[[^\]]*\]\s*/u
// "tetap" (still, unchanged) contradicts the change most hoaxes announce: "SIM tetap lima tahun", "tetap bebas PPN".
const CONTINUITY_CUE =
  /\b(?:tetap|masih)\s+(?:berlaku|bebas|ada|dilayani|disalurkan|aman|normal|lima|sama|seperti)\b/iu
const CONTINUITY_FACTOR = 0.6
const ROOTS_MET_LIMIT = 100_000
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
  // Time frames and manner ("saat dewasa", "minggu depan", "cukup", "modus"): a restatement often leaves them out.
  'saat',
  'ketika',
  'dewasa',
  'kelak',
  'nanti',
  'depan',
  'lama',
  'baru',
  'cukup',
  'modus',
  'masuk',
  'jadi',
])
const GENERIC_WEIGHT = 0.5
// An existential "ada chip di vaksin" restates "mengandung chip" but is much weaker evidence than the verb itself.
const WEAK_EQUIVALENTS: Record<string, { words: RegExp; credit: number }> = {
  kandung: { words: /\b(?:ada|ado|ono|onok|enek|aya|dalemnya|dalamnya)\b/iu, credit: 0.5 },
}

/** A question the text itself answers with a denial: "Ada chipnya? Itu hoaks, sudah diklarifikasi." */
function answersWithDenial(unit: string): boolean {
  const last = unit.lastIndexOf('?')
  return last >= 0 && DEBUNK_CUE.test(unit.slice(last + 1)) && !AFFIRM_CUE.test(unit.slice(last + 1))
}

const isYear = (n: number): boolean => Number.isInteger(n) && n >= 1900 && n <= 2100

/** Which mention of a claim word speaks for the text: a negated one, then one in a negator's reach, then the first. */
function outranks(token: ContentToken, first: ContentToken): boolean {
  const rank = (t: ContentToken): number => (t.negated ? 2 : t.inNegationScope ? 1 : 0)
  return rank(token) > rank(first)
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
  // Pairs of sentences only for short texts: a long comment's every pair would cost more than it finds.
  if (sentences.length > 4) return units
  for (let i = 0; i + 1 < sentences.length; i += 1) units.push(`${sentences[i]} ${sentences[i + 1]}`)
  return units
}

/** Every text of a claim: as written, and its variants (given inline or as more entries under the same id). */
function groupClaims(
  claims: readonly HoaxClaim[],
): Map<string, { texts: string[]; keywords: string[]; facts: string[] }> {
  const byId = new Map<string, { texts: string[]; keywords: string[]; facts: string[] }>()
  for (const claim of claims) {
    const entry = byId.get(claim.id) ?? { texts: [], keywords: [], facts: [] }
    entry.texts.push(claim.claim, ...(claim.variants ?? []))
    entry.keywords.push(...(claim.keywords ?? []))
    if (claim.fact !== undefined && claim.fact.trim() !== '') entry.facts.push(claim.fact)
    byId.set(claim.id, entry)
  }
  return byId
}

type ClaimScore = Omit<HoaxScore, 'claimId' | 'retrieved'>
type ScoredCandidate = HoaxCandidate & { score: ClaimScore }

export function createHoaxMatcher(claims: HoaxClaim[], options: HoaxMatcherOptions = {}): HoaxMatcher {
  const model = options.verifier ?? HOAX_VERIFIER_MODEL
  const threshold = options.threshold ?? model.threshold
  const byId = groupClaims(claims)
  const retrieval = createHoaxRetrieval(
    [...byId].map(([id, { texts, keywords }]) => ({ id, texts, keywords })),
  )
  // A long claim (headline plus narration) is also scored sentence by sentence: a text restating only its core
  // sentence would otherwise cover too little of it. Each part keeps the claim's id; the best part counts.
  const analysed = [...byId].flatMap(([id, { texts }]) =>
    texts.flatMap((text) => {
      const body = text.replace(CLAIM_TAG, '')
      const parts = [body]
      const sentences = body.split(/(?<=[.!?;])\s+/u).filter((sentence) => sentence.split(/\s+/u).length >= 4)
      if (sentences.length > 1) parts.push(...sentences)
      return parts.map((part) => ({ id, analysis: analyseHoaxText(part) }))
    }),
  )

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

  const prepare = (id: string, analysis: HoaxText, rawGramsOf: Map<string, number>): PreparedClaim => {
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
    let distinctive: { key: string; weight: number } | undefined
    const slots: string[] = []
    for (const [key, { weight }] of keys) {
      totalWeight += weight
      if (LEXICON.slotOf.has(key)) slots.push(key)
      else if (!distinctive || weight > distinctive.weight) distinctive = { key, weight }
    }
    const { grams, norm } = weightGrams(rawGramsOf)
    const hasNegation = analysis.tokens.some((token) => token.negated)
    const unique = new Set(
      [...keys.keys()].filter((key) => !LEXICON.slotOf.has(key) && (keyDf.get(key) ?? 0) <= 1),
    )
    return {
      unique,
      id,
      analysis,
      keys,
      totalWeight,
      hasNegation,
      grams,
      gramNorm: norm,
      distinctive: distinctive?.key,
      slots,
    }
  }
  const prepared: PreparedClaim[] = analysed.map(({ id, analysis }, index) =>
    prepare(id, analysis, rawGrams[index] ?? new Map<string, number>()),
  )
  // The claim's fact ("disalurkan lewat PT Pos tanpa pendaftaran lewat link"): a true statement about the real
  // service or a denial restates the fact more than the claim, so the verifier compares the text with both.
  const factsOf = new Map<string, PreparedClaim[]>()
  for (const [id, { facts }] of byId)
    factsOf.set(
      id,
      facts.map((fact) => {
        const analysis = analyseHoaxText(fact)
        return prepare(id, analysis, charGrams(analysis.ngramSource))
      }),
    )
  // Every root a claim key may take, and per text root the claim roots it meets (same word, typo, sub-word): kept
  // across texts, so a word is compared with the claim base once, however many texts and claims use it.
  const claimRoots = new Set<string>()
  // Fact words are met only as written (below, tokenOfKey): typo tolerance for them would double the word scans.
  for (const claim of prepared)
    for (const { alternatives } of claim.keys.values()) for (const root of alternatives) claimRoots.add(root)
  const rootsMet = new Map<string, string[]>()
  const claimRootsOf = (textRoot: string): string[] => {
    let met = rootsMet.get(textRoot)
    if (met === undefined) {
      met = []
      for (const root of claimRoots) if (keysMatch(textRoot, root)) met.push(root)
      if (rootsMet.size >= ROOTS_MET_LIMIT) rootsMet.clear()
      rootsMet.set(textRoot, met)
    }
    return met
  }
  const partsOf = new Map<string, PreparedClaim[]>()
  for (const claim of prepared) partsOf.set(claim.id, [...(partsOf.get(claim.id) ?? []), claim])

  // Everything about a unit that does not depend on the claim, computed once per unit rather than once per claim.
  const analyseUnit = (unit: string): AnalysedUnit => {
    const text = analyseHoaxText(unit)
    // The first token meeting each claim root.
    const tokenOfRoot = new Map<string, ContentToken>()
    for (const token of text.tokens)
      for (const key of token.keys)
        for (const root of claimRootsOf(key)) {
          const first = tokenOfRoot.get(root)
          // A negated mention wins over an earlier plain one: "terdaftar di DTKS, tanpa pendaftaran lewat link"
          // denies the registration the claim asserts, whatever the earlier word was.
          if (!first || outranks(token, first)) tokenOfRoot.set(root, token)
        }
    for (const token of text.tokens)
      for (const key of token.keys) {
        const first = tokenOfRoot.get(key)
        if (!first || outranks(token, first)) tokenOfRoot.set(key, token)
      }
    return {
      text,
      tokenOfRoot,
      cues: detectStanceCues(unit),
      ...weightGrams(charGrams(text.ngramSource)),
      debunk:
        DEBUNK_CUE.test(unit) && !AFFIRM_CUE.test(unit) && (!text.isQuestion || answersWithDenial(unit)),
      denialAfterQuestion: answersWithDenial(unit),
      continuity: CONTINUITY_CUE.test(unit) && !text.isQuestion,
      raw: unit,
    }
  }

  const scoreUnit = (
    unit: AnalysedUnit,
    claim: PreparedClaim,
    hit: RetrievalHit,
    whole: AnalysedUnit,
  ): { score: ClaimScore; features: HoaxPairFeatures } => {
    const { text, grams, norm, debunk, continuity } = unit
    // How the whole text stands counts as much as the unit's: a debunk quoting the claim in its own sentence.
    const cues: StanceCues = {
      hearsay: unit.cues.hearsay || whole.cues.hearsay,
      forward: unit.cues.forward || whole.cues.forward,
      question: unit.cues.question || whole.cues.question,
      denial: unit.cues.denial || whole.cues.denial,
      official: unit.cues.official || whole.cues.official,
      firstPerson: unit.cues.firstPerson || whole.cues.firstPerson,
      continuity: unit.cues.continuity || whole.cues.continuity,
      factual: unit.cues.factual || whole.cues.factual,
      reaction: unit.cues.reaction || whole.cues.reaction,
      logistics: unit.cues.logistics || whole.cues.logistics,
    }
    const textHasNegation = text.tokens.some((token) => token.negated || token.prohibited)
    let covered = 0
    let stanceFlip = false
    let hasPredicate = false
    let predicateFound = false
    let distinctiveHit = false
    let slotsHit = 0
    let uniqueHit = 0
    let predicateWeight = 0
    let predicateCovered = 0
    let negatedWeight = 0
    let predicateNegatedWeight = 0
    for (const [key, { weight, negated, predicate, alternatives }] of claim.keys) {
      hasPredicate ||= predicate
      if (predicate) predicateWeight += weight
      let found: ContentToken | undefined
      for (const root of alternatives) {
        const token = unit.tokenOfRoot.get(root)
        if (token && (!found || outranks(token, found))) found = token
      }
      if (!found) {
        const weak = WEAK_EQUIVALENTS[key]
        if (weak?.words.test(unit.raw)) covered += weight * weak.credit
        continue
      }
      covered += weight
      if (predicate) predicateCovered += weight
      // The text negates a word the claim asserts. A claim with its own negation ("tanpa tes", "dilarang minum")
      // counts only the word right after the text's negator ("tidak tercemar"), not the negator's wider reach.
      if (!negated && (claim.hasNegation ? found.negated : found.inNegationScope)) negatedWeight += weight
      // The claim's assertion itself negated ("tidak tercemar", "tidak meledak"), whatever else the claim negates.
      if (predicate && !negated && found.negated) predicateNegatedWeight += weight
      if (claim.unique.has(key)) uniqueHit += 1
      predicateFound ||= predicate
      distinctiveHit ||= key === claim.distinctive
      if (LEXICON.slotOf.has(key)) slotsHit += 1
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
    // A year both name ("CPNS 2024") is the claim's date, not its amount: it agrees only when the claim has no other.
    const claimAmounts = claimNumbers.some((c) => !isYear(c))
      ? claimNumbers.filter((c) => !isYear(c))
      : claimNumbers
    const amountAgrees =
      claimAmounts.length > 0 &&
      text.numbers.some((n) => claimAmounts.some((c) => Math.abs(n - c) <= Math.abs(c) * 0.01))
    const textAmounts = claimAmounts === claimNumbers ? text.numbers : text.numbers.filter((n) => !isYear(n))
    const numberClash = claimAmounts.length > 0 && textAmounts.length > 0 && !amountAgrees

    let score = COVER_WEIGHT * cover + CHAR_WEIGHT * charCosine
    if (stanceFlip && !text.isQuestion) score *= STANCE_FLIP_FACTOR
    if (numberClash) score *= NUMBER_CLASH_FACTOR
    if (debunk) score *= DEBUNK_FACTOR
    if (continuity) score *= CONTINUITY_FACTOR
    if (text.hearsay && !debunk) score = Math.min(1, score * HEARSAY_FACTOR)
    if (hasPredicate && !predicateFound) score *= MISSING_PREDICATE_FACTOR
    // "Vaksin ada chipnya? Itu hoaks": a question answered by a denial is a denial.
    const answered = unit.denialAfterQuestion || whole.denialAfterQuestion
    const denial = debunk || whole.debunk || (cues.denial && (!cues.question || answered))
    const official = cues.official && !cues.question
    const factual = cues.factual && !cues.question
    const spread = cues.hearsay || cues.forward || cues.question || cues.firstPerson
    const features: HoaxPairFeatures = {
      heuristic: score,
      cover,
      charCosine,
      predicateMissing: hasPredicate && !predicateFound ? 1 : 0,
      stanceFlip: stanceFlip && !text.isQuestion ? 1 : 0,
      numberClash: numberClash ? 1 : 0,
      amountAgrees: amountAgrees ? 1 : 0,
      slotShare: claim.slots.length > 0 ? slotsHit / claim.slots.length : 0,
      distinctiveHit: distinctiveHit ? 1 : 0,
      retrievalCoverage: hit.coverage,
      keywordHit: hit.keywordHit ? 1 : 0,
      denial: denial ? 1 : 0,
      official: official ? 1 : 0,
      continuity: continuity ? 1 : 0,
      hearsay: cues.hearsay ? 1 : 0,
      forward: cues.forward ? 1 : 0,
      question: cues.question ? 1 : 0,
      firstPerson: cues.firstPerson ? 1 : 0,
      denialCover: denial ? cover : 0,
      officialCover: official ? cover : 0,
      spreadCover: spread ? cover : 0,
      predicateShare: predicateWeight > 0 ? predicateCovered / predicateWeight : 1,
      factCover: 0,
      factLead: 0,
      uniqueShare: claim.unique.size > 0 ? uniqueHit / claim.unique.size : 0,
      negatedShare: covered > 0 && !text.isQuestion ? negatedWeight / covered : 0,
      negatedCover: covered > 0 && !text.isQuestion ? (negatedWeight / covered) * cover : 0,
      stanceFlipCover: stanceFlip && !text.isQuestion ? cover : 0,
      rivalUniqueShare: 0,
      predicateNegated:
        predicateWeight > 0 && !text.isQuestion ? predicateNegatedWeight / predicateWeight : 0,
      reaction: cues.reaction && !denial ? 1 : 0,
      reactionCover: cues.reaction && !denial ? cover : 0,
      logistics: cues.logistics && !cues.hearsay ? 1 : 0,
      factual: factual ? 1 : 0,
      factualCover: factual ? cover : 0,
    }
    return { score: { score, cover, charCosine, stanceFlip, numberClash, debunk }, features }
  }

  const scoreCandidates = (text: string): ScoredCandidate[] => {
    const hits = retrieval.retrieve(text)
    if (hits.length === 0) return []
    const units = splitUnits(text).map(analyseUnit)
    const whole = units[0] ?? analyseUnit(text)
    const results: ScoredCandidate[] = []
    for (const hit of hits) {
      // The unit and claim part that restate the claim best (by the comparison alone, as in training), then the
      // verifier's probability for that pair.
      let best: { score: ClaimScore; features: HoaxPairFeatures } | undefined
      for (const part of partsOf.get(hit.claimId) ?? [])
        for (const unit of units) {
          const scored = scoreUnit(unit, part, hit, whole)
          if (!best || scored.score.score > best.score.score) best = scored
        }
      if (!best) continue
      let factCover = 0
      // Against the whole text only: a text restating the fact does so as a whole, and every unit would cost more.
      for (const fact of factsOf.get(hit.claimId) ?? [])
        factCover = Math.max(factCover, scoreUnit(whole, fact, hit, whole).score.cover)
      const features = { ...best.features, factCover, factLead: Math.max(0, factCover - best.features.cover) }
      results.push({ claimId: hit.claimId, score: best.score, features, probability: 0 })
    }
    // Words only another claim uses ("plastik" of the plastic-rice claim in a story about a minimarket) say the text
    // is about that claim, whatever it shares with this one.
    for (const result of results) {
      let rivalUnique = 0
      for (const other of results)
        if (other !== result) rivalUnique = Math.max(rivalUnique, other.features.uniqueShare)
      result.features.rivalUniqueShare = rivalUnique
      result.probability = verifyPair(result.features, model)
    }
    return results.sort((a, b) => b.probability - a.probability)
  }

  const scoreAll = (text: string): HoaxScore[] => {
    const found = scoreCandidates(text)
    const scores: HoaxScore[] = found.map(({ claimId, probability, score }) => ({
      claimId,
      ...score,
      score: probability,
      retrieved: true,
    }))
    const retrieved = new Set(found.map((candidate) => candidate.claimId))
    for (const id of byId.keys())
      if (!retrieved.has(id))
        scores.push({
          claimId: id,
          score: 0,
          cover: 0,
          charCosine: 0,
          stanceFlip: false,
          numberClash: false,
          debunk: false,
          retrieved: false,
        })
    return scores
  }

  return {
    threshold,
    scoreAll,
    candidates: (text) =>
      scoreCandidates(text).map(({ claimId, features, probability }) => ({ claimId, features, probability })),
    claimText: (claimId) => byId.get(claimId)?.texts[0],
    match(text: string): HoaxMatch {
      const [best, second] = scoreCandidates(text)
      if (!best) return { match: null, score: 0 }
      const score = Math.round(best.probability * 10000) / 10000
      if (best.probability < threshold) return { match: null, score }
      // Two claims both likely and close: naming either could be naming the wrong one.
      if (rivalTooClose(best.probability, second?.probability, threshold)) return { match: null, score }
      return { match: best.claimId, score }
    },
  }
}

/** True when the text presents a claim as false (labels it a hoax, states the facts) rather than asking about it. */
export function isDebunkFraming(text: string): boolean {
  return DEBUNK_CUE.test(text) && !AFFIRM_CUE.test(text) && !/\?/u.test(text)
}
