// Normalises one lower-cased word: slang lexicon, repeated letters, digits used as letters, `kata2` reduplication,
// laughter. Results are memoised because comment vocabularies are Zipfian: most lookups hit the cache.
import { slangLexicon, standardVocab } from './slang-lexicon.ts'

const cache = new Map<string, string>()
const CACHE_LIMIT = 200_000

const known = (w: string): boolean => standardVocab.has(w) || slangLexicon.has(w)
const resolve = (w: string): string => slangLexicon.get(w) ?? w

// 4→a, 3→e, 1→i, 0→o, 5→s, 7→t, 6/9→g, 8→b: the usual alay substitutions.
const LEET: Record<string, string> = {
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '0': 'o',
  '5': 's',
  '7': 't',
  '6': 'g',
  '9': 'g',
  '8': 'b',
}

function squeeze(w: string, keep: number): string {
  let out = ''
  let run = 0
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!
    run = i > 0 && w[i - 1] === ch ? run + 1 : 1
    if (run <= keep) out += ch
  }
  return out
}

const laughRe = /^(?:(?:wk)+w?k?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+x?|a?(?:ka)+k?)$/

function compute(w: string): string {
  if (w.length >= 4 && laughRe.test(w)) {
    if (w.startsWith('wk')) return 'wkwk'
    if (w.startsWith('ha') || w.startsWith('ak') || w.startsWith('ka')) return 'haha'
    return w.slice(0, 2) + w.slice(0, 2)
  }
  const direct = slangLexicon.get(w)
  if (direct !== undefined) return direct
  if (standardVocab.has(w)) return w
  // kata2 → kata-kata; kata2nya → kata-katanya
  const two = w.indexOf('2')
  if (two > 1 && /^[a-z]+2(?:nya|an|lah)?$/.test(w)) {
    const base = normaliseWord(w.slice(0, two))
    if (!base.includes(' ')) return `${base}-${base}${w.slice(two + 1)}`
  }
  let word = w
  if (/[0-9]/.test(word) && /[a-z]/.test(word)) {
    let de = ''
    for (const ch of word) de += LEET[ch] ?? ch
    if (!/[0-9]/.test(de)) {
      if (known(de)) return resolve(de)
      const squeezed = squeeze(de, 1)
      if (known(squeezed)) return resolve(squeezed)
    }
    return word
  }
  if (/(.)\1/.test(word)) {
    const two = squeeze(word, 2)
    if (two !== word && known(two)) return resolve(two)
    const one = squeeze(word, 1)
    if (known(one)) return resolve(one)
    // Elongation without a known base (a name, a rare word): keep at most two of a letter.
    if (two !== word) word = two
  }
  return word
}

export function normaliseWord(lowerWord: string): string {
  let norm = cache.get(lowerWord)
  if (norm === undefined) {
    norm = compute(lowerWord)
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(lowerWord, norm)
  }
  return norm
}
