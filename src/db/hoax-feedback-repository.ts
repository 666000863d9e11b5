// The hoax_match_feedback table: operators' verdicts on the hoax matcher's answers for inbox items, one per item,
// and the pairs they make for training a verifier (claim texts joined, whatever the claim's status now).
import { and, asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { hoaxClaims, hoaxMatchFeedback, instansi, users, type HoaxVerdict } from './schema/index.ts'

export type { HoaxVerdict } from './schema/index.ts'

export type HoaxFeedbackRow = typeof hoaxMatchFeedback.$inferSelect

export interface HoaxFeedbackRecord extends HoaxFeedbackRow {
  judgedByName: string | null
  claim: string
  matchedClaim: string | null
}

export type HoaxFeedbackFields = Omit<HoaxFeedbackRow, 'id'>

const judged = alias(hoaxClaims, 'judged_claim')
const matched = alias(hoaxClaims, 'matched_claim')

/** The item's verdict with the names a person reads (who judged, the claims' words); undefined when none. */
export async function getHoaxFeedback(
  db: Db,
  instansiId: string,
  itemId: string,
): Promise<HoaxFeedbackRecord | undefined> {
  const [row] = await db
    .select({
      row: hoaxMatchFeedback,
      judgedByName: users.name,
      claim: judged.claim,
      matchedClaim: matched.claim,
    })
    .from(hoaxMatchFeedback)
    .innerJoin(judged, eq(judged.id, hoaxMatchFeedback.claimId))
    .leftJoin(matched, eq(matched.id, hoaxMatchFeedback.matchedClaimId))
    .leftJoin(users, eq(users.id, hoaxMatchFeedback.judgedBy))
    .where(and(eq(hoaxMatchFeedback.instansiId, instansiId), eq(hoaxMatchFeedback.itemId, itemId)))
  return row
    ? { ...row.row, judgedByName: row.judgedByName, claim: row.claim, matchedClaim: row.matchedClaim }
    : undefined
}

/** Stores the item's verdict, replacing an earlier one (the item is unique). */
export async function upsertHoaxFeedback(db: Db, id: string, fields: HoaxFeedbackFields): Promise<void> {
  await db
    .insert(hoaxMatchFeedback)
    .values({ id, ...fields })
    .onConflictDoUpdate({
      target: hoaxMatchFeedback.itemId,
      set: {
        verdict: fields.verdict,
        claimId: fields.claimId,
        matchedClaimId: fields.matchedClaimId,
        matchedScore: fields.matchedScore,
        text: fields.text,
        judgedBy: fields.judgedBy,
        judgedAt: fields.judgedAt,
      },
    })
}

export interface HoaxFeedbackPairRow {
  instansiSlug: string
  verdict: HoaxVerdict
  text: string
  claimId: string
  claim: string
  matchedClaimId: string | null
  matchedClaim: string | null
  judgedAt: Date
}

/** Every verdict of one instansi (or of all), oldest first, with the claims' words. */
export async function listHoaxFeedbackPairs(
  db: Db,
  instansiId: string | undefined,
): Promise<HoaxFeedbackPairRow[]> {
  return db
    .select({
      instansiSlug: instansi.slug,
      verdict: hoaxMatchFeedback.verdict,
      text: hoaxMatchFeedback.text,
      claimId: hoaxMatchFeedback.claimId,
      claim: judged.claim,
      matchedClaimId: hoaxMatchFeedback.matchedClaimId,
      matchedClaim: matched.claim,
      judgedAt: hoaxMatchFeedback.judgedAt,
    })
    .from(hoaxMatchFeedback)
    .innerJoin(instansi, eq(instansi.id, hoaxMatchFeedback.instansiId))
    .innerJoin(judged, eq(judged.id, hoaxMatchFeedback.claimId))
    .leftJoin(matched, eq(matched.id, hoaxMatchFeedback.matchedClaimId))
    .where(instansiId ? eq(hoaxMatchFeedback.instansiId, instansiId) : undefined)
    .orderBy(asc(hoaxMatchFeedback.judgedAt), asc(hoaxMatchFeedback.id))
}
