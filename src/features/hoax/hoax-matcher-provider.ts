// The instansi's hoax knowledge base as a matcher for the compliance check (the composer checks as the author
// types). Building a matcher costs far more than a check, so one is kept per instansi and rebuilt only when the
// active claims changed (activeClaimsFingerprint): an edit in the knowledge base applies to the next check.
import type { Db } from '../../db/client.ts'
import { activeClaimsFingerprint } from '../../db/hoax-claims-repository.ts'
import { createHoaxMatcher, type HoaxMatcher } from '../../nlp/index.ts'
import { claimsForMatching } from './manage-hoax-claims.ts'

export type HoaxMatcherProvider = (instansiId: string) => Promise<HoaxMatcher | undefined>

export function createHoaxMatcherProvider(db: Db): HoaxMatcherProvider {
  const cache = new Map<string, { fingerprint: string; matcher: HoaxMatcher | undefined }>()
  return async (instansiId) => {
    const fingerprint = await activeClaimsFingerprint(db, instansiId)
    const cached = cache.get(instansiId)
    if (cached && cached.fingerprint === fingerprint) return cached.matcher
    const claims = await claimsForMatching(db, instansiId)
    const matcher = claims.length > 0 ? createHoaxMatcher(claims) : undefined
    cache.set(instansiId, { fingerprint, matcher })
    return matcher
  }
}
