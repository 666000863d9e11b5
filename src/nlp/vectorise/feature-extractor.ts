// Text → sparse hashed feature vector (word uni/bigrams with negation scope, character n-grams of normalised
// words, token-kind and emoji features), L2-normalised. One extractor serves every model, so `classify` extracts
// once per text. Per-word work (normalisation, char n-gram hashes) is cached: comment vocabularies are Zipfian.
import { normaliseWord } from '../text/normalise-word.ts'
import { emojiDescriptions } from '../text/slang-lexicon.ts'
import { scanTokens } from '../text/scan-tokens.ts'
import type { TokenKind } from '../text/token.ts'
import { fnv1a, mix } from './hash.ts'

export interface FeatureConfig {
  /** log2 of the hashed feature space. */
  bits: number
  charMin: number
  charMax: number
  wordBigrams: boolean
  negationScope: number
  /** Weight of the character block relative to the word block before the final L2 normalisation. */
  charWeight: number
  /** Weight of the description words of an emoji (😡 → marah, merah), 0 = off. */
  emojiWords?: number
  /**
   * Weight of the opening word and of the closing word and bigram of the text, as features of their own, 0 = off:
   * how a comment opens ("usul", "mau tanya") and closes ("tolong segera ditindak", "sehat selalu") carries its
   * intent.
   */
  boundaryWords?: number
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 18,
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  negationScope: 3,
  // chosen by 5-fold CV on SmSA train+valid (docs/nlp/evaluation.md): 0.3–0.5 beat 1.0 by ~1 point
  charWeight: 0.4,
  // chosen by 5-fold CV on the in-domain training rows (docs/nlp/evaluation.md): intent +0.8, sentiment +0.4,
  // hate speech +0.6, abusive −0.6 macro-F1 / F1 points
  boundaryWords: 2,
}

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
  size: number
}

/** Everything about one normalised word that does not depend on its neighbours, computed once per process. */
interface WordEntry {
  text: string
  word: number
  neg: number
  isNegator: boolean
  /** The hooks' `markWord` of the word. */
  marked: boolean
  /** Its character n-grams' feature indices (already placed in the hashed space). */
  chars: Int32Array
}

const NEGATORS = new Set(['tidak', 'bukan', 'belum', 'jangan', 'kurang', 'tanpa', 'tak'])
const SALT_WORD = 0x1f2e3d4c
const SALT_NEG = 0x5a6b7c8d
const SALT_KIND = 0x31415926
const SALT_EMOJI = 0x27182818
const SALT_FIRST = 0x16180339
const SALT_LAST = 0x14142135
// Words of emoji descriptions that say nothing about the emoji's meaning.
const EMOJI_FILLER = new Set(['wajah', 'dengan', 'di', 'ke', 'yang', 'dan', 'simbol', 'tanda'])
const stripEmojiModifiers = (emoji: string): string =>
  emoji.replace(/[\uFE0F\uFE0E]|\uD83C[\uDFFB-\uDFFF]/g, '')

export interface FeatureExtractor {
  readonly config: FeatureConfig
  /** Features of `text`; the returned vector is reused by the next call (copy it to keep it). */
  extract(text: string): SparseVector
}

export interface ExtractorHooks {
  /**
   * Called with every normalised word in text order (the classifier's rules reuse them instead of re-scanning), and
   * whether `markWord` holds for it.
   */
  onWord?: (word: string, marked: boolean) => void
  /** A property of a word worth knowing on every occurrence; asked once per distinct word, then remembered. */
  markWord?: (word: string) => boolean
}

export function createFeatureExtractor(
  config: FeatureConfig = DEFAULT_FEATURES,
  hooks: ExtractorHooks = {},
): FeatureExtractor {
  const onWord = hooks.onWord
  const markWord = hooks.markWord
  const dim = 1 << config.bits
  const mask = dim - 1
  // The text's features accumulate in a small open-addressing table (index → sum) that stays in the first-level cache,
  // instead of a dense array the size of the hashed space; `slots` keeps the order each feature first appeared in.
  let capacity = 1024
  let keys = new Int32Array(capacity).fill(-1)
  let sumsOf = new Float32Array(capacity)
  let slots = new Int32Array(capacity)
  let nTouched = 0
  const out: SparseVector = { indices: new Int32Array(4096), values: new Float32Array(4096), size: 0 }
  const words = new Map<string, WordEntry>()
  // A word token as written (any case, slang, elongation) → the entries of the word or words it normalises to: one
  // lookup per token instead of lower-casing, normalising and looking up the normalised word each time.
  const tokens = new Map<string, WordEntry[]>()
  const kindHash: Record<TokenKind, number> = {
    word: mix(SALT_KIND, 1),
    number: mix(SALT_KIND, 2),
    url: mix(SALT_KIND, 3),
    mention: mix(SALT_KIND, 4),
    hashtag: mix(SALT_KIND, 5),
    emoji: mix(SALT_KIND, 6),
    punct: mix(SALT_KIND, 7),
  }
  const slotOf = (index: number): number => {
    const last = capacity - 1
    let slot = Math.imul(index, 0x9e3779b1) >>> 0
    for (slot &= last; ; slot = (slot + 1) & last) {
      const key = keys[slot]!
      if (key === index || key === -1) return slot
    }
  }
  const grow = (): void => {
    const oldKeys = keys
    const oldSums = sumsOf
    const oldSlots = slots
    capacity *= 2
    keys = new Int32Array(capacity).fill(-1)
    sumsOf = new Float32Array(capacity)
    slots = new Int32Array(capacity)
    for (let k = 0; k < nTouched; k++) {
      const from = oldSlots[k]!
      const slot = slotOf(oldKeys[from]!)
      keys[slot] = oldKeys[from]!
      sumsOf[slot] = oldSums[from]!
      slots[k] = slot
    }
  }
  const add = (hash: number, value: number): void => {
    const index = hash & mask
    const slot = slotOf(index)
    if (keys[slot] === index) {
      sumsOf[slot] = sumsOf[slot]! + value
      return
    }
    keys[slot] = index
    sumsOf[slot] = value
    slots[nTouched++] = slot
    if (nTouched * 2 > capacity) grow()
  }

  const entryOf = (word: string): WordEntry => {
    let entry = words.get(word)
    if (entry !== undefined) return entry
    const padded = `<${word}>`
    const grams: number[] = []
    for (let n = config.charMin; n <= config.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++)
        grams.push((mix(fnv1a(padded, i, i + n), n) ^ 0x55555555) & mask)
    }
    const wordHash = mix(fnv1a(word), SALT_WORD)
    entry = {
      text: word,
      word: wordHash,
      neg: mix(wordHash, SALT_NEG),
      isNegator: NEGATORS.has(word),
      marked: markWord?.(word) ?? false,
      chars: Int32Array.from(grams),
    }
    if (words.size > 500_000) words.clear()
    words.set(word, entry)
    return entry
  }

  // State of the scan for the current text.
  let prev = 0
  let negLeft = 0
  let nWords = 0
  let currentText = ''
  // The text's first word and its last two (hashes), for the boundary features.
  let firstWord = 0
  let lastWord = 0
  let beforeLast = 0

  const tokenEntries = (raw: string): WordEntry[] => {
    let entries = tokens.get(raw)
    if (entries !== undefined) return entries
    const norm = normaliseWord(raw.toLowerCase())
    entries = (norm.includes(' ') ? norm.split(' ') : [norm]).map(entryOf)
    if (tokens.size > 500_000) tokens.clear()
    tokens.set(raw, entries)
    return entries
  }

  const charWeight = config.charWeight
  // Most features occur once in a text (a word or bigram: 1, a character n-gram: the char weight); their logarithms
  // are taken once here instead of once per feature (the same function of the same value, so the same result).
  const charOnce = Math.fround(charWeight)
  const logOfOne = Math.log1p(1)
  const logOfCharOnce = Math.log1p(charOnce)
  const visitEntry = (entry: WordEntry): void => {
    onWord?.(entry.text, entry.marked)
    add(entry.word, 1)
    if (negLeft > 0) {
      add(entry.neg, 1)
      negLeft--
    }
    if (entry.isNegator) negLeft = config.negationScope
    if (config.wordBigrams) add(mix(prev, entry.word), 1)
    prev = entry.word
    if (nWords === 0) firstWord = entry.word
    beforeLast = lastWord
    lastWord = entry.word
    nWords++
    const chars = entry.chars
    for (let i = 0; i < chars.length; i++) add(chars[i]!, charWeight)
  }
  const visitWord = (word: string): void => visitEntry(entryOf(word))

  const visit = (kind: TokenKind, start: number, end: number): void => {
    if (kind === 'word') {
      const entries = tokenEntries(currentText.slice(start, end))
      for (let i = 0; i < entries.length; i++) visitEntry(entries[i]!)
      return
    }
    add(kindHash[kind], 1)
    switch (kind) {
      case 'emoji': {
        const emoji = currentText.slice(start, end)
        visitWord(emoji)
        const weight = config.emojiWords ?? 0
        if (weight > 0) {
          const words = emojiDescriptions.get(stripEmojiModifiers(emoji))
          if (words) for (const w of words) if (!EMOJI_FILLER.has(w)) add(mix(fnv1a(w), SALT_EMOJI), weight)
        }
        return
      }
      case 'hashtag':
        visitWord(currentText.slice(start, end).toLowerCase())
        return
      case 'punct': {
        const code = currentText.charCodeAt(start)
        // ? and ! carry intent and emphasis; other marks end a negation scope.
        if (code === 63 || code === 33) {
          visitWord(code === 63 ? '?' : '!')
          if (end - start > 1) add(mix(kindHash.punct, code), 1)
        } else {
          negLeft = 0
          prev = 0
        }
        return
      }
      case 'url':
      case 'mention':
      case 'number':
        prev = kindHash[kind]
        return
    }
  }

  return {
    config,
    extract(text: string): SparseVector {
      prev = 0
      negLeft = 0
      nWords = 0
      firstWord = lastWord = beforeLast = 0
      currentText = text
      scanTokens(text, visit)
      const boundary = config.boundaryWords ?? 0
      if (boundary > 0 && nWords > 0) {
        add(mix(firstWord, SALT_FIRST), boundary)
        add(mix(lastWord, SALT_LAST), boundary)
        if (nWords > 1) add(mix(mix(beforeLast, lastWord), SALT_LAST), boundary)
      }
      add(mix(SALT_KIND, 100 + Math.min(6, Math.floor(Math.log2(1 + nWords)))), 1)
      if (out.indices.length < nTouched) {
        out.indices = new Int32Array(nTouched * 2)
        out.values = new Float32Array(nTouched * 2)
      }
      let norm = 0
      for (let k = 0; k < nTouched; k++) {
        const slot = slots[k]!
        // log-scaled counts: a word repeated ten times is not ten times the evidence
        const sum = sumsOf[slot]!
        const value = sum === 1 ? logOfOne : sum === charOnce ? logOfCharOnce : Math.log1p(sum)
        out.indices[k] = keys[slot]!
        keys[slot] = -1
        out.values[k] = value
        norm += value * value
      }
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
      for (let k = 0; k < nTouched; k++) out.values[k] = out.values[k]! * scale
      out.size = nTouched
      nTouched = 0
      currentText = ''
      return out
    },
  }
}
