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
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 18,
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  negationScope: 3,
  // chosen by 5-fold CV on SmSA train+valid (docs/nlp/evaluation.md): 0.3–0.5 beat 1.0 by ~1 point
  charWeight: 0.4,
}

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
  size: number
}

interface WordEntry {
  word: number
  neg: number
  chars: Int32Array
}

const NEGATORS = new Set(['tidak', 'bukan', 'belum', 'jangan', 'kurang', 'tanpa', 'tak'])
const SALT_WORD = 0x1f2e3d4c
const SALT_NEG = 0x5a6b7c8d
const SALT_KIND = 0x31415926
const SALT_EMOJI = 0x27182818
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
  /** Called with every normalised word in text order (the classifier's rules reuse them instead of re-scanning). */
  onWord?: (word: string) => void
}

export function createFeatureExtractor(
  config: FeatureConfig = DEFAULT_FEATURES,
  hooks: ExtractorHooks = {},
): FeatureExtractor {
  const onWord = hooks.onWord
  const dim = 1 << config.bits
  const mask = dim - 1
  const acc = new Float32Array(dim)
  let touched = new Int32Array(4096)
  let nTouched = 0
  const out: SparseVector = { indices: new Int32Array(4096), values: new Float32Array(4096), size: 0 }
  const words = new Map<string, WordEntry>()
  const kindHash: Record<TokenKind, number> = {
    word: mix(SALT_KIND, 1),
    number: mix(SALT_KIND, 2),
    url: mix(SALT_KIND, 3),
    mention: mix(SALT_KIND, 4),
    hashtag: mix(SALT_KIND, 5),
    emoji: mix(SALT_KIND, 6),
    punct: mix(SALT_KIND, 7),
  }
  const add = (hash: number, value: number): void => {
    const index = hash & mask
    if (acc[index] === 0) {
      if (nTouched === touched.length) {
        const grown = new Int32Array(touched.length * 2)
        grown.set(touched)
        touched = grown
      }
      touched[nTouched++] = index
    }
    acc[index] = acc[index]! + value
  }

  const entryOf = (word: string): WordEntry => {
    let entry = words.get(word)
    if (entry !== undefined) return entry
    const padded = `<${word}>`
    const grams: number[] = []
    for (let n = config.charMin; n <= config.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) grams.push(mix(fnv1a(padded, i, i + n), n))
    }
    const wordHash = mix(fnv1a(word), SALT_WORD)
    entry = { word: wordHash, neg: mix(wordHash, SALT_NEG), chars: Int32Array.from(grams) }
    if (words.size > 500_000) words.clear()
    words.set(word, entry)
    return entry
  }

  // State of the scan for the current text.
  let prev = 0
  let negLeft = 0
  let nWords = 0
  let currentText = ''

  const visitWord = (word: string): void => {
    onWord?.(word)
    const entry = entryOf(word)
    add(entry.word, 1)
    if (negLeft > 0) {
      add(entry.neg, 1)
      negLeft--
    }
    if (NEGATORS.has(word)) negLeft = config.negationScope
    if (config.wordBigrams) add(mix(prev, entry.word), 1)
    prev = entry.word
    nWords++
    const chars = entry.chars
    for (let i = 0; i < chars.length; i++) add(chars[i]! ^ 0x55555555, config.charWeight)
  }

  const visit = (kind: TokenKind, start: number, end: number): void => {
    if (kind === 'word') {
      const norm = normaliseWord(currentText.slice(start, end).toLowerCase())
      if (norm.includes(' ')) for (const part of norm.split(' ')) visitWord(part)
      else visitWord(norm)
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
      currentText = text
      scanTokens(text, visit)
      add(mix(SALT_KIND, 100 + Math.min(6, Math.floor(Math.log2(1 + nWords)))), 1)
      if (out.indices.length < nTouched) {
        out.indices = new Int32Array(nTouched * 2)
        out.values = new Float32Array(nTouched * 2)
      }
      let norm = 0
      for (let k = 0; k < nTouched; k++) {
        const index = touched[k]!
        // log-scaled counts: a word repeated ten times is not ten times the evidence
        const value = Math.log1p(acc[index]!)
        acc[index] = 0
        out.indices[k] = index
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
