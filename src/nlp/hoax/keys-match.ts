// Whether two word roots are the same word as people type it: exact, one typo in five letters, two in eight, or one
// a prefix or suffix of the other (the hoax matcher's and its retrieval's notion of "the same word").

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
export function anyKeysMatch(tokenKeys: string[], claimKeys: string[]): boolean {
  for (const a of tokenKeys) for (const b of claimKeys) if (keysMatch(a, b)) return true
  return false
}

/**
 * Same word allowing one typo in five letters, two in eight, or one word a prefix/suffix of the other (five
 * letters up; four when the shorter word ends the longer, a sub-word like "chip" in "microchip").
 */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true
  if (a[0] === b[0] && a.at(-1) === b.at(-1) && (isVowelDropped(a, b) || isVowelDropped(b, a))) return true
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

const VOWELS = 'aeiou'

/**
 * Chat spelling drops vowels ("bnyk", "skrg", "lstrik", "mnum", "tlur"): the short form keeps the long word's first
 * letter, last letter and every consonant in order, and only vowels are missing. Three letters and a four-letter word at least,
 * so "dr" and "jg" are left to the slang lexicon.
 */
export function isVowelDropped(short: string, long: string): boolean {
  if (
    short.length < 3 ||
    long.length < 4 ||
    short.length >= long.length ||
    short[0] !== long[0] ||
    short.at(-1) !== long.at(-1)
  )
    return false
  if (long.length - short.length > 4) return false
  let i = 0
  for (const letter of long) {
    if (i < short.length && short[i] === letter) i += 1
    else if (!VOWELS.includes(letter)) return false
  }
  return i === short.length
}

function computeKeysMatch(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b
  const longer = a.length <= b.length ? b : a
  if (shorter.length >= 5 && (longer.startsWith(shorter) || longer.endsWith(shorter))) return true
  if (shorter.length >= 8) return levenshteinAtMost(a, b, 2)
  if (shorter.length >= 5) return levenshteinAtMost(a, b, 1)
  return false
}
