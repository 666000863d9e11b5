// The instansi's hoax matcher for the inbox, with a cheap screen in front of it. The matcher scores a text against
// every claim (a few milliseconds with tens of claims), far too slow for thousands of comments a second, and most
// comments share nothing with any claim. The screen lets a text through to the matcher only when at least two of
// its words share a four-letter run with the knowledge base's words: Indonesian affixes keep the root's letters
// ("divaksinasi" and "vaksin" share "vaks"), and a match needs several of a claim's words anyway. The test runs the
// hoax evaluation sets through both and checks that the screen loses no match.
import type { Db } from '../../db/client.ts'
import { activeClaimsFingerprint } from '../../db/hoax-claims-repository.ts'
import { createHoaxMatcher, type HoaxClaim, type HoaxMatch, type HoaxMatcher } from '../../nlp/index.ts'
import { claimsForMatching } from '../hoax/manage-hoax-claims.ts'

const RUN = 4
const MIN_SHARED = 2
/** The label in front of a claim ("[HOAKS]"). */
const CLAIM_TAG = /\[[^\]]*\]/g
/** Function words of four letters or more: they say nothing about a claim's topic. */
const FUNCTION_WORDS = new Set(
  (
    'yang untuk dengan dari pada akan atau juga karena bisa sudah tidak saja lebih oleh dalam kami kita saya ' +
    'mereka tersebut adalah para bagi agar sangat semua telah masih jadi kalau tapi tetapi bahwa seperti hanya ' +
    'harus mohon terima kasih kapan apakah bagaimana dimana berapa sebagai setelah sebelum menjadi banyak sama ' +
    'buat kalo sih dong nya ini itu ya min admin tolong'
  ).split(' '),
)

export interface HoaxScreen {
  /** The claim the text restates (the matcher's answer), or no match when the screen already ruled it out. */
  match(text: string): HoaxMatch
}

function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= RUN && !FUNCTION_WORDS.has(word))
}

function runsOf(word: string): string[] {
  const runs: string[] = []
  for (let start = 0; start + RUN <= word.length; start++) runs.push(word.slice(start, start + RUN))
  return runs
}

/** Pure: the screen over some claims (each variant one more claim under the same id). */
export function createHoaxScreen(claims: readonly HoaxClaim[], matcher: HoaxMatcher): HoaxScreen {
  const vocabulary = new Set<string>()
  for (const claim of claims)
    for (const word of wordsOf(claim.claim.replace(CLAIM_TAG, ' ')))
      for (const run of runsOf(word)) vocabulary.add(run)
  const mayMatch = (text: string): boolean => {
    let shared = 0
    for (const word of new Set(wordsOf(text))) {
      if (runsOf(word).some((run) => vocabulary.has(run))) shared += 1
      if (shared >= MIN_SHARED) return true
    }
    return false
  }
  return {
    match: (text) => (mayMatch(text) ? matcher.match(text) : { match: null, score: 0 }),
  }
}

export type HoaxScreenProvider = (instansiId: string) => Promise<HoaxScreen | undefined>

/** One screen per instansi, rebuilt when its active claims changed (as the composer's matcher provider does). */
export function createHoaxScreenProvider(db: Db): HoaxScreenProvider {
  const cache = new Map<string, { fingerprint: string; screen: HoaxScreen | undefined }>()
  return async (instansiId) => {
    const fingerprint = await activeClaimsFingerprint(db, instansiId)
    const cached = cache.get(instansiId)
    if (cached && cached.fingerprint === fingerprint) return cached.screen
    const claims = await claimsForMatching(db, instansiId)
    const screen = claims.length > 0 ? createHoaxScreen(claims, createHoaxMatcher(claims)) : undefined
    cache.set(instansiId, { fingerprint, screen })
    return screen
  }
}
