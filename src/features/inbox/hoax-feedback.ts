// An operator's verdict on the hoax matcher's answer for one inbox item (issue #10 item 1): "yes, this is that
// hoax", "not this hoax", "another hoax" (a claim chosen from the knowledge base), or, for an item the matcher tied
// to nothing, "mark as a hoax" (a missed match is training data too). The verdict sets the item's match (its
// hoax filter, badge and priority follow) and is kept, one per item, as a pair a verifier can learn from
// (`warta nlp feedback export`). Whoever may work the item (inbox.reply on its unit) may judge it; a confirmed
// wording may become one of the claim's variants ("Jadikan varian") by someone who manages the knowledge base,
// once no personal data (NIK, private phone, private e-mail) is left in it.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { getHoaxClaim } from '../../db/hoax-claims-repository.ts'
import {
  getHoaxFeedback,
  listHoaxFeedbackPairs,
  upsertHoaxFeedback,
  type HoaxFeedbackPairRow,
  type HoaxFeedbackRecord,
  type HoaxVerdict,
} from '../../db/hoax-feedback-repository.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { updateInboxItem } from '../../db/inbox-work-repository.ts'
import { findInstansiBySlug } from '../../db/instansi-repository.ts'
import { findNiks, findPrivateEmails, findPrivatePhones } from '../../nlp/index.ts'
import { can, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import {
  getHoaxClaimView,
  mayManageHoax,
  updateHoaxClaimFields,
  type HoaxClaimView,
} from '../hoax/manage-hoax-claims.ts'
import { priorityOf, PRIORITY_WEIGHTS, type PriorityInput } from './priority.ts'
import { workableItem } from './work-actions.ts'
import { readableItem, type InboxDeps } from './work-queue.ts'

export type { HoaxVerdict } from '../../db/hoax-feedback-repository.ts'

/** What the operator says: `confirmed` / `rejected` judge the item's current match; `other_claim` names one. */
export type HoaxVerdictRequest =
  { verdict: 'confirmed' | 'rejected' } | { verdict: 'other_claim'; claimId: string }

export interface HoaxFeedbackView {
  verdict: HoaxVerdict
  /** The claim the verdict is about: the right one (confirmed, other_claim) or the wrongly matched one. */
  claimId: string
  claim: string
  /** What the matcher said before anyone judged the item (null: it matched nothing). */
  matchedClaimId: string | null
  matchedClaim: string | null
  matchedScore: number | null
  /** The item's text as it was judged. */
  text: string
  judgedBy: { id: string | null; name: string | null }
  judgedAt: Date
}

export interface ItemHoaxFeedback {
  itemId: string
  /** The item's match now (after any verdict). */
  hoaxClaimId: string | null
  priority: number
  feedback: HoaxFeedbackView | null
  /** Whether the person may judge the item (inbox.reply on its unit). */
  canJudge: boolean
  /** Whether the person may add the judged wording to the claim's variants (hoax.manage, a positive verdict). */
  canAddVariant: boolean
}

function toView(record: HoaxFeedbackRecord): HoaxFeedbackView {
  return {
    verdict: record.verdict,
    claimId: record.claimId,
    claim: record.claim,
    matchedClaimId: record.matchedClaimId,
    matchedClaim: record.matchedClaim,
    matchedScore: record.matchedScore,
    text: record.text,
    judgedBy: { id: record.judgedBy, name: record.judgedByName },
    judgedAt: record.judgedAt,
  }
}

function isPositive(verdict: HoaxVerdict): boolean {
  return verdict !== 'rejected'
}

function feedbackOf(
  actor: Actor,
  item: InboxItemRow,
  record: HoaxFeedbackRecord | undefined,
): ItemHoaxFeedback {
  return {
    itemId: item.id,
    hoaxClaimId: item.hoaxClaimId,
    priority: item.priority,
    feedback: record ? toView(record) : null,
    canJudge: can(actor, 'inbox.reply', { instansiId: item.instansiId, unitPath: item.unitPath }),
    canAddVariant: !!record && isPositive(record.verdict) && mayManageHoax(actor),
  }
}

export async function getItemHoaxFeedback(
  deps: InboxDeps,
  actor: Actor,
  itemId: string,
): Promise<ItemHoaxFeedback> {
  const item = await readableItem(deps, actor, itemId)
  return feedbackOf(actor, item, await getHoaxFeedback(deps.db, actor.instansiId, item.id))
}

/**
 * Pure: the item's priority once its hoax match is `matched`. The stored priority was computed by priorityOf from
 * the classification and the author's earlier asks, which are not stored; they are recovered as the count that
 * gives the stored priority (the largest, when the score sat at the ceiling), so only the hoax part changes. A
 * priority no count explains (weights changed since) moves by the hoax weight, within 0–100.
 */
export function priorityAfterVerdict(
  item: Pick<InboxItemRow, 'intent' | 'kind' | 'sentiment' | 'abusive' | 'hateSpeech' | 'priority'>,
  wasMatched: boolean,
  matched: boolean,
): number {
  if (wasMatched === matched) return item.priority
  const input = (hoaxMatched: boolean, earlierAsks: number): PriorityInput => ({
    intent: item.intent,
    kind: item.kind,
    sentiment: item.sentiment,
    abusive: item.abusive ?? false,
    hateSpeech: item.hateSpeech ?? false,
    hoaxMatched,
    earlierAsks,
  })
  const steps = Math.ceil(PRIORITY_WEIGHTS.repeatCap / PRIORITY_WEIGHTS.repeat)
  for (let asks = steps; asks >= 0; asks--)
    if (priorityOf(input(wasMatched, asks)) === item.priority) return priorityOf(input(matched, asks))
  const moved = item.priority + (matched ? PRIORITY_WEIGHTS.hoax : -PRIORITY_WEIGHTS.hoax)
  return Math.max(0, Math.min(100, moved))
}

async function activeClaimOrFail(db: Db, instansiId: string, claimId: string): Promise<void> {
  const claim = await getHoaxClaim(db, instansiId, claimId)
  if (!claim || claim.status !== 'active') throw new AppError('not_found', 'hoax.not_found')
}

/** Records the operator's verdict (replacing an earlier one) and sets the item's match and priority by it. */
export async function judgeHoaxMatch(
  deps: InboxDeps,
  actor: Actor,
  itemId: string,
  request: HoaxVerdictRequest,
  meta: ChangeMeta,
): Promise<ItemHoaxFeedback> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const item = await workableItem(tx, actor, itemId)
    const earlier = await getHoaxFeedback(tx, actor.instansiId, item.id)
    // The matcher's own answer: from the first verdict when there was one (a verdict changes the item's match).
    const matchedClaimId = earlier ? earlier.matchedClaimId : item.hoaxClaimId
    const matchedScore = earlier ? earlier.matchedScore : item.hoaxScore
    let claimId: string
    if (request.verdict === 'other_claim') {
      await activeClaimOrFail(tx, actor.instansiId, request.claimId)
      claimId = request.claimId
    } else {
      if (!item.hoaxClaimId) throw new AppError('conflict', 'inbox.hoax_feedback_no_match')
      claimId = item.hoaxClaimId
    }
    // Choosing the claim the matcher had found, or confirming it, is the same verdict: the matcher was right.
    const verdict: HoaxVerdict =
      request.verdict === 'rejected' ? 'rejected' : claimId === matchedClaimId ? 'confirmed' : 'other_claim'
    const judgedBy = actor.via === 'cli' || actor.userId === '' ? null : actor.userId
    await upsertHoaxFeedback(tx, randomUUID(), {
      instansiId: actor.instansiId,
      itemId: item.id,
      verdict,
      claimId,
      matchedClaimId,
      matchedScore,
      // The text as judged: a later edit on the platform changes the item, not what was judged.
      text: earlier?.text ?? item.body,
      judgedBy,
      judgedAt: now,
    })
    const nextClaimId = verdict === 'rejected' ? null : claimId
    if (nextClaimId !== item.hoaxClaimId)
      await updateInboxItem(
        tx,
        item.instansiId,
        item.id,
        {
          hoaxClaimId: nextClaimId,
          priority: priorityAfterVerdict(item, item.hoaxClaimId !== null, nextClaimId !== null),
        },
        now,
      )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'inbox.hoax_feedback',
        objectType: 'inbox_item',
        objectId: item.id,
        before: earlier
          ? { verdict: earlier.verdict, claimId: earlier.claimId }
          : { hoaxClaimId: item.hoaxClaimId },
        after: { verdict, claimId, hoaxClaimId: nextClaimId },
      },
      now,
    )
  })
  return getItemHoaxFeedback(deps, actor, itemId)
}

export type PersonalDataKind = 'nik' | 'phone' | 'email'

/** Pure: the kinds of personal data the nlp detectors find in a text, in a fixed order. */
export function personalDataIn(text: string): PersonalDataKind[] {
  const kinds: PersonalDataKind[] = []
  if (findNiks(text).length > 0) kinds.push('nik')
  if (findPrivatePhones(text).length > 0) kinds.push('phone')
  if (findPrivateEmails(text).length > 0) kinds.push('email')
  return kinds
}

/**
 * "Jadikan varian": the judged wording (or the operator's edit of it) becomes one more variant of the claim the
 * item was judged to restate. Refused while it holds an NIK, a private phone number or a private e-mail address:
 * the knowledge base is shared and exported, a citizen's data has no place in it.
 */
export async function addVariantFromItem(
  deps: InboxDeps,
  actor: Actor,
  itemId: string,
  request: { text?: string | undefined },
  meta: ChangeMeta,
): Promise<HoaxClaimView> {
  const item = await readableItem(deps, actor, itemId)
  const feedback = await getHoaxFeedback(deps.db, actor.instansiId, item.id)
  if (!feedback || !isPositive(feedback.verdict))
    throw new AppError('conflict', 'inbox.hoax_variant_not_confirmed')
  const text = (request.text ?? feedback.text).replace(/\s+/g, ' ').trim()
  if (text === '') throw new AppError('invalid_input', 'inbox.hoax_variant_empty')
  const kinds = personalDataIn(text)
  if (kinds.length > 0)
    throw new AppError(
      'invalid_input',
      'inbox.hoax_variant_personal_data',
      { kinds },
      { text: { key: 'inbox.hoax_variant_personal_data', params: { kinds } } },
    )
  const claim = await getHoaxClaimView(deps, actor, feedback.claimId)
  // updateHoaxClaimFields checks hoax.manage, the variants' limits and repeats, and audits the change; the variant is
  // added to the claim as locked there, so two quick additions keep both.
  return updateHoaxClaimFields(
    deps,
    actor,
    claim.id,
    (current) => ({ variants: [...current.variants, text] }),
    meta,
  )
}

export interface HoaxFeedbackPair {
  text: string
  claimId: string
  claim: string
  /** true: the text restates the claim; false: the matcher tied it to the claim wrongly. */
  match: boolean
  source: 'inbox-feedback'
  judgedAt: string
}

/**
 * Pure: the training pairs of verdicts. A confirmed or chosen claim is a positive pair; a rejected claim a
 * negative one; and a claim the matcher found but the operator replaced with another is a negative pair too.
 */
export function feedbackPairs(rows: readonly HoaxFeedbackPairRow[]): HoaxFeedbackPair[] {
  const pairs: HoaxFeedbackPair[] = []
  for (const row of rows) {
    const judgedAt = row.judgedAt.toISOString()
    const pair = (claimId: string, claim: string, match: boolean): HoaxFeedbackPair => ({
      text: row.text,
      claimId,
      claim,
      match,
      source: 'inbox-feedback',
      judgedAt,
    })
    pairs.push(pair(row.claimId, row.claim, isPositive(row.verdict)))
    if (row.matchedClaimId && row.matchedClaim !== null && row.matchedClaimId !== row.claimId)
      pairs.push(pair(row.matchedClaimId, row.matchedClaim, false))
  }
  return pairs
}

/** Every verdict as training pairs, of one instansi (by its short code) or of all; undefined for an unknown code. */
export async function exportHoaxFeedback(
  db: Db,
  options: { instansiSlug?: string | undefined },
): Promise<HoaxFeedbackPair[] | undefined> {
  let instansiId: string | undefined
  if (options.instansiSlug !== undefined) {
    const instansi = await findInstansiBySlug(db, options.instansiSlug)
    if (!instansi) return undefined
    instansiId = instansi.id
  }
  return feedbackPairs(await listHoaxFeedbackPairs(db, instansiId))
}
