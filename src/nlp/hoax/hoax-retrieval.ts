// Retrieval: which claims a text may be about, from an inverted index of the claims' keys (content-word roots with
// the public-service aliases and synonyms folded, the claim's variants and keywords too) and their amounts. A text
// reaches the verifier only for a claim it shares at least two keys with, weighing enough of the claim; most inbox
// texts share none and stop here, after one pass over their words with a cache per distinct word.
import { extractAmounts } from './extract-amounts.ts'
import { analyseHoaxText, foldKeys } from './hoax-tokens.ts'
import { keysMatch } from './keys-match.ts'
import { foldHoaxText } from './paraphrase-lexicon.ts'

export interface RetrievalClaim {
  id: string
  /** The claim as written and its variants. */
  texts: string[]
  keywords?: string[]
}

export interface RetrievalHit {
  claimId: string
  /** Distinct claim keys the text shares (an agreeing amount counts as one). */
  keys: number
  /** Their weight as a share of the claim's. */
  coverage: number
  amountAgrees: boolean
  keywordHit: boolean
}

export interface HoaxRetrieval {
  retrieve(text: string): RetrievalHit[]
}

interface IndexedClaim {
  id: string
  weights: Map<string, number>
  total: number
  amounts: number[]
  keywordKeys: Set<string>
}

/** A shared key must weigh at least this share of the claim (tuned on the dev sets: no restatement lost). */
export const MIN_RETRIEVAL_COVERAGE = 0.3
const MIN_SHARED_KEYS = 2
const WORD_CACHE_LIMIT = 100_000
const WORD = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu
const CLAIM_TAG = /^\s*\[[^\]]*\]\s*/u

function keysOfText(text: string): string[] {
  const keys: string[] = []
  for (const token of analyseHoaxText(text).tokens) keys.push(...token.keys)
  return keys
}

export function createHoaxRetrieval(claims: readonly RetrievalClaim[]): HoaxRetrieval {
  const literalKeywords: Array<{ id: string; text: string }> = []
  // One entry per text of a claim and per sentence of a long one (a text restating only the core sentence of a
  // narrated claim covers little of the whole); entries keep the claim's id, and the best entry counts.
  const raw = claims.flatMap((claim) => {
    const keywordKeys = new Set<string>()
    for (const keyword of claim.keywords ?? []) for (const key of keysOfText(keyword)) keywordKeys.add(key)
    // A keyword with no word in it (a link's domain, "kuotagratis.id") is looked for as written.
    for (const keyword of claim.keywords ?? [])
      if (keysOfText(keyword).length === 0 || /[./]/u.test(keyword))
        literalKeywords.push({ id: claim.id, text: keyword.toLowerCase() })
    return claim.texts.flatMap((text) => {
      const body = text.replace(CLAIM_TAG, '')
      const sentences = body.split(/(?<=[.!?;])\s+/u).filter((sentence) => sentence.split(/\s+/u).length >= 4)
      return [body, ...(sentences.length > 1 ? sentences : [])].map((part) => {
        const textKeys = new Set(keysOfText(part))
        return {
          id: claim.id,
          keys: new Set([...textKeys, ...keywordKeys]),
          textKeys,
          amounts: extractAmounts(part),
          keywordKeys,
        }
      })
    })
  })
  // Document frequency over claims (not entries): a claim with many variants does not make its own words common.
  const claimsWithKey = new Map<string, Set<string>>()
  for (const { id, keys } of raw)
    for (const key of keys) {
      const ids = claimsWithKey.get(key) ?? new Set<string>()
      ids.add(id)
      claimsWithKey.set(key, ids)
    }
  const count = Math.max(1, claims.length)
  const indexed: IndexedClaim[] = raw.map(({ id, keys, textKeys, amounts, keywordKeys }) => {
    const weights = new Map<string, number>()
    let total = 0
    for (const key of keys) {
      const weight = Math.log(1 + count / (claimsWithKey.get(key)?.size ?? 1))
      weights.set(key, weight)
      // A keyword staff added is as telling as a claim word, but a claim with many keywords is not harder to reach.
      if (textKeys.has(key)) total += weight
    }
    return { id, weights, total: Math.max(total, 1e-9), amounts, keywordKeys }
  })
  // Inverted index: key → the claims (by position) that hold it.
  const postings = new Map<string, number[]>()
  for (const [index, claim] of indexed.entries())
    for (const key of claim.weights.keys()) {
      const list = postings.get(key) ?? []
      list.push(index)
      postings.set(key, list)
    }
  const vocabulary = [...postings.keys()]

  // A text word → the index keys it meets (same root or synonym, or one typo away), computed once per word.
  const wordCache = new Map<string, string[]>()
  const indexKeysOf = (word: string): string[] => {
    const cached = wordCache.get(word)
    if (cached) return cached
    const found = new Set<string>()
    for (const key of foldKeys(word).concat(keysOfText(word))) {
      if (postings.has(key)) found.add(key)
      else for (const known of vocabulary) if (keysMatch(key, known)) found.add(known)
    }
    const result = [...found]
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear()
    wordCache.set(word, result)
    return result
  }

  return {
    retrieve(text: string): RetrievalHit[] {
      const folded = foldHoaxText(text).toLowerCase()
      const shared = new Map<number, Set<string>>()
      for (const match of folded.matchAll(WORD)) {
        const word = match[0]
        if (word.length < 2 || /^\d/u.test(word)) continue
        for (const key of indexKeysOf(word))
          for (const index of postings.get(key) ?? []) {
            let set = shared.get(index)
            if (!set) shared.set(index, (set = new Set()))
            set.add(key)
          }
      }
      const literalHits = new Set<string>()
      if (literalKeywords.length > 0) {
        const lower = text.toLowerCase()
        for (const { id, text: keyword } of literalKeywords) if (lower.includes(keyword)) literalHits.add(id)
      }
      // Amounts only for claims already sharing a word: the regular expression is the costliest step.
      if (shared.size === 0 && literalHits.size === 0) return []
      const amounts = /\d|juta|ribu|rebu|puluh|ratus|goceng|ceban|million/iu.test(text)
        ? extractAmounts(text)
        : []
      const hits = new Map<string, RetrievalHit>()
      for (const [index, keys] of shared) {
        const claim = indexed[index]
        if (!claim) continue
        const amountAgrees = claim.amounts.some((c) =>
          amounts.some((n) => Math.abs(n - c) <= Math.abs(c) * 0.01 && c !== 0),
        )
        let weight = 0
        let keywordHit = false
        for (const key of keys) {
          weight += claim.weights.get(key) ?? 0
          keywordHit ||= claim.keywordKeys.has(key)
        }
        const distinct = keys.size + (amountAgrees ? 1 : 0)
        const coverage = Math.min(1, weight / claim.total + (amountAgrees ? 0.15 : 0))
        if ((distinct >= MIN_SHARED_KEYS && coverage >= MIN_RETRIEVAL_COVERAGE) || keywordHit) {
          const previous = hits.get(claim.id)
          if (!previous || coverage > previous.coverage)
            hits.set(claim.id, { claimId: claim.id, keys: distinct, coverage, amountAgrees, keywordHit })
        }
      }
      for (const id of literalHits) {
        const previous = hits.get(id)
        hits.set(
          id,
          previous
            ? { ...previous, keywordHit: true }
            : {
                claimId: id,
                keys: 1,
                coverage: MIN_RETRIEVAL_COVERAGE,
                amountAgrees: false,
                keywordHit: true,
              },
        )
      }
      return [...hits.values()].sort((a, b) => b.coverage - a.coverage)
    },
  }
}
