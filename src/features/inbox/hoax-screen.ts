// The instansi's hoax matcher for the inbox, with a cheap screen in front of it. The matcher scores a text against
// every claim (a few milliseconds with tens of claims), far too slow for thousands of comments a second, and most
// comments share nothing with any claim. The screen lets a text through to the matcher only when two of its words
// share a four-letter run with the words of one claim (a short word like "MR" counts whole): Indonesian affixes
// keep the root's letters ("divaksinasi" and "vaksin" share "vaks"), and a match needs several of a claim's words
// anyway. The test runs the hoax evaluation sets through both and checks that the screen loses no match.
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
    'buat kalo sih dong nya ini itu ya min admin tolong dan di ke ada yg ga gak tak pun per kok aja deh lah kan ' +
    'mau apa sy km dr utk tdk bgt nih tuh'
  ).split(' '),
)

export interface HoaxScreen {
  /** Whether the text gets to the matcher at all. */
  passes(text: string): boolean
  /** The claim the text restates (the matcher's answer), or no match when the screen already ruled it out. */
  match(text: string): HoaxMatch
}

function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !FUNCTION_WORDS.has(word))
}

function runsOf(word: string): string[] {
  // A short word ("MR", "BPJS" is long enough) counts whole.
  if (word.length < RUN) return [`=${word}`]
  const runs: string[] = []
  for (let start = 0; start + RUN <= word.length; start++) runs.push(word.slice(start, start + RUN))
  return runs
}

/** Pure: the screen over some claims (each variant one more claim under the same id, with its keywords). */
export function createHoaxScreen(claims: readonly HoaxClaim[], matcher: HoaxMatcher): HoaxScreen {
  // Which claims (by their position) each four-letter run of the knowledge base's words belongs to.
  const claimsOfRun = new Map<string, Set<number>>()
  for (const [index, claim] of claims.entries())
    // The keywords staff add (an acronym, a place) are words of the claim too.
    for (const word of wordsOf([claim.claim.replace(CLAIM_TAG, ' '), ...(claim.keywords ?? [])].join(' ')))
      for (const run of runsOf(word)) {
        let set = claimsOfRun.get(run)
        if (!set) claimsOfRun.set(run, (set = new Set()))
        set.add(index)
      }
  const mayMatch = (text: string): boolean => {
    // Per claim: how many of the text's words share a run with it; two words of one claim let the text through.
    const shared = new Map<number, number>()
    for (const word of new Set(wordsOf(text))) {
      const hit = new Set<number>()
      for (const run of runsOf(word)) for (const index of claimsOfRun.get(run) ?? []) hit.add(index)
      for (const index of hit) {
        const count = (shared.get(index) ?? 0) + 1
        if (count >= MIN_SHARED) return true
        shared.set(index, count)
      }
    }
    return false
  }
  return {
    passes: mayMatch,
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
