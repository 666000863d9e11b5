// A light Indonesian affix stemmer written for the hoax matcher. It does not look words up in a root dictionary
// (there is none in the product), so where a prefix hides the root's first letter ("memantau" ← pantau or antau?)
// it returns every plausible root and the matcher accepts a match on any of them. Informal prefixes (nge-, ng-,
// ny-) and the colloquial suffix -in are stripped too, because slang restatements use them ("ngelacak", "nyebarin").

const PARTICLES = ['lah', 'kah', 'pun']
const POSSESSIVES = ['nya', 'ku', 'mu']
// -in is Jakarta slang for -kan/-i ("bagiin", "kasihin"); -e/-ne are Javanese possessives ("chipe", "duwite").
const DERIVATIONAL = ['kan', 'an', 'in', 'i', 'ne']
const MIN_ROOT = 4

/** Suffix-stripped forms, most likely first. "-kan" may also be root-final k + "-an" ("ledakan"), and "-in" is
 * often part of the root ("vaksin", "mesin"), so those keep the alternative. */
function stripSuffixes(word: string): string[] {
  let stem = word
  for (const group of [PARTICLES, POSSESSIVES]) {
    for (const suffix of group) {
      if (stem.length - suffix.length >= MIN_ROOT && stem.endsWith(suffix)) {
        stem = stem.slice(0, -suffix.length)
        break
      }
    }
  }
  const forms: string[] = []
  for (const suffix of DERIVATIONAL) {
    if (stem.length - suffix.length >= MIN_ROOT && stem.endsWith(suffix)) {
      forms.push(stem.slice(0, -suffix.length))
      if (suffix === 'kan' && stem.length - 2 >= MIN_ROOT) forms.push(stem.slice(0, -2))
      if (suffix === 'in') forms.push(stem)
      break
    }
    // "-kan" that cannot be stripped (root too short) must not fall through to "-an".
    if (suffix === 'kan' && stem.endsWith('kan')) break
  }
  if (forms.length === 0) forms.push(stem)
  return forms
}

const isVowel = (letter: string | undefined): boolean => letter !== undefined && 'aiueo'.includes(letter)

/** Roots a meN-/peN-/informal nasal prefix may have hidden, given the rest after the nasal. */
function nasalRoots(nasal: string, rest: string): string[] {
  if (rest.length < 3) return []
  switch (nasal) {
    case 'm':
      // mem-: p- dropped before a vowel ("memantau"), b-/p-/f- kept ("membagi").
      return isVowel(rest[0]) ? [`p${rest}`, rest] : [rest]
    case 'n':
      // men-: t- dropped before a vowel ("menanam"), d-/c-/j- kept ("mendaftar").
      return isVowel(rest[0]) ? [`t${rest}`, rest] : [rest]
    case 'ng':
      // meng-: k- dropped before a vowel ("mengirim"), vowels and g-/h- kept ("mengambil", "menghapus").
      return isVowel(rest[0]) ? [rest, `k${rest}`] : [rest]
    case 'ny':
      // meny-: s- dropped ("menyebar"); slang ny- also stands for c- ("nyari").
      return isVowel(rest[0]) ? [`s${rest}`, `c${rest}`] : []
    case 'nge':
      // menge- before one-syllable roots ("mengebom") and slang nge- before anything ("ngelacak").
      return [rest]
    default:
      return []
  }
}

function prefixRoots(word: string): string[] {
  const roots: string[] = []
  const add = (root: string): void => {
    if (root.length >= MIN_ROOT - 1 && !roots.includes(root)) roots.push(root)
  }
  // Formal meN-/peN- and the slang bare nasal (ng-, ny-, nge-). Longest nasal first so "meng" wins over "men".
  const formal = /^(?:me|pe)(nge|ng|ny|m|n)(.*)$/u.exec(word)
  if (formal) {
    for (const root of nasalRoots(formal[1] ?? '', formal[2] ?? '')) add(root)
  } else {
    const slang = /^(nge|ng|ny)(.*)$/u.exec(word)
    if (slang && (slang[2] ?? '').length >= 3) {
      const nasal = slang[1] ?? ''
      const rest = slang[2] ?? ''
      // Javanese/slang ng- before a consonant keeps it ("nglacak" → lacak); before a vowel it may hide k-.
      if (nasal === 'ng' && !isVowel(rest[0])) add(rest)
      else for (const root of nasalRoots(nasal, rest)) add(root)
    }
  }
  // me-/pe- before l, r, w, y, m, n ("melacak", "merusak", "pelacak").
  const plain = /^(?:me|pe)([lrwymn][aiueo].*)$/u.exec(word)
  if (plain) add(plain[1] ?? '')
  // Jakarta slang drops me- and keeps the nasal: "mantau" ← pantau, "nulis" ← tulis. Kept after the word itself
  // (added by the caller), since most m-/n- words are roots ("makan", "nama").
  const bareNasal = /^([mn])([aiueo].{2,})$/u.exec(word)
  if (bareNasal && !formal) add(`${bareNasal[1] === 'm' ? 'p' : 't'}${bareNasal[2] ?? ''}`)
  const other = /^(?:memper|diper|per|ber|bel|be|ter|te|di|ke|se)(.*)$/u.exec(word)
  if (other) {
    const rest = other[1] ?? ''
    if (rest.length >= MIN_ROOT) add(rest)
  }
  return roots
}

/**
 * Possible roots of a word, most likely first; the word itself (suffixes removed) is always among them.
 * "ngelacak" → [lacak], "mengandung" → [andung, kandung], "pendaftaran" → [daftar, …], "dibagikan" → [bagi].
 */
export function stemIndonesian(word: string): string[] {
  const lower = word.toLowerCase()
  if (lower.length < MIN_ROOT + 1 || /\d/u.test(lower)) return [lower]
  const candidates: string[] = []
  const push = (stem: string): void => {
    if (stem.length >= MIN_ROOT - 1 && !candidates.includes(stem)) candidates.push(stem)
  }
  // Prefix first, then suffixes of what remains; a second prefix layer covers "diperbarui", "memperpanjang".
  const roots = prefixRoots(lower)
  // A bare-nasal guess is the last resort: the word itself goes before it.
  const guessed = /^[mn][aiueo]/u.test(lower) && !/^(?:me|pe)/u.test(lower) ? roots.pop() : undefined
  for (const root of roots) {
    for (const form of stripSuffixes(root)) push(form)
    // Only per-/ber- stack under another prefix ("diperpanjang", "memberdayakan").
    if (/^(?:per|ber)/u.test(root))
      for (const inner of prefixRoots(root)) for (const form of stripSuffixes(inner)) push(form)
  }
  for (const form of stripSuffixes(lower)) push(form)
  push(lower)
  if (guessed !== undefined) for (const form of stripSuffixes(guessed)) push(form)
  return candidates
}
