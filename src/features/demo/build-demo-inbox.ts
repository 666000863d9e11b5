// The demo's inbox history (issue #9 item 7): while build-demo.ts moves its clock through the past, the sandbox
// citizens' comments are polled into the inbox through the real ingestion (pollAccount: stored, classified,
// prioritised, routed, given reply targets) a couple of minutes after each round of them, as the poll-inbox job
// would. Then the office works that history through the inbox's own functions, each at its moment: most items
// answered by the unit's pengelola minutes to a day later (a trainee's replies approved by the penanggung jawab),
// some with notes, assigned or handed over, abusive ones hidden, older ones closed; the last days are left as a
// believable backlog. A few written messages (demo-content.ts DEMO_CITIZEN_MESSAGES) become PPID cases at
// different stages and a SP4N-LAPOR! referral. Choices come from the builder's seeded generator.
import type { Clock } from '../../clock.ts'
import { countInboxItems, listInboxItems } from '../../db/inbox-work-repository.ts'
import { listLaporReferrals } from '../../db/lapor-referrals-repository.ts'
import { listPpidCases } from '../../db/ppid-cases-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { unitScope, type Actor } from '../access/policy.ts'
import type { ChangeMeta } from '../audit/record-change.ts'
import type { ConnectionDeps } from '../connections/account-connector.ts'
import { pollAccount } from '../inbox/ingest-poll.ts'
import {
  addNote,
  approveReply,
  assignItem,
  moderateItem,
  replyToItem,
  setClosed,
} from '../inbox/work-actions.ts'
import { recordProgress, referComplaint } from '../lapor/manage-referrals.ts'
import { extendCase, registerCase, sendNotice } from '../ppid/manage-cases.ts'
import { createSavedReply, renderSavedReplyForItem } from '../saved-replies/manage-saved-replies.ts'
import { commentAsCitizen } from '../sandbox/sandbox-network-store.ts'
import {
  DEMO_CITIZEN_MESSAGES,
  DEMO_FREE_REPLIES,
  DEMO_HANDOVER_NOTE,
  DEMO_NOTES,
  DEMO_SAVED_REPLIES,
  type DemoPersonKey,
} from './demo-content.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** How long after a round of comments the poll comes (the poll-inbox job runs every minute on an active account). */
const POLL_AFTER_MS = 2 * MINUTE
/** Items of the last days: more than half of them still waiting, the office's backlog. */
const BACKLOG_MS = 5 * DAY
/** How the sandbox marks its simulated citizens' names (simulate-citizens.ts). */
const SIMULATED_TAG = ' (warga simulasi)'
/** Items older than this are mostly closed once answered. */
const CLOSE_AFTER_MS = 7 * DAY

export interface DemoInboxContext {
  deps: ConnectionDeps
  clock: Clock & { set(at: Date): void }
  instansiId: string
  now: Date
  historyDays: number
  random: () => number
  meta: ChangeMeta
  person: (key: DemoPersonKey) => Actor
  /** The pengelola who answers a unit's inbox (the trainee's unit too: his replies wait for approval). */
  workerOf: (unitId: string) => DemoPersonKey
  rootUnitId: string
  /** The unit a Humas item about health is handed over to. */
  handoverUnitId: string
}

interface PublishedPost {
  at: number
  accountId: string
  sandboxPostId: string
}

export interface DemoInbox {
  createSavedReplies(): Promise<void>
  /** After the builder ran a citizen round on a post: poll its account once the early rounds are in, and after each later one. */
  afterRound(
    accountId: string,
    sandboxPostId: string,
    round: number,
    at: number,
    comments: number,
  ): Promise<void>
  /** After the history: the written messages, a last poll, then the office's work on everything that came. */
  work(): Promise<void>
  /** What the inbox holds once worked: for the builder's printed summary. */
  counts(): Promise<DemoInboxCounts>
}

export interface DemoInboxCounts {
  /** Items in the inbox (duplicates folded into another not counted again). */
  items: number
  /** New or open: waiting for the office. */
  waiting: number
  /** Waiting past their reply target. */
  pastTarget: number
  ppidCases: number
  laporReferrals: number
}

export function demoInbox(context: DemoInboxContext): DemoInbox {
  const { deps, clock, instansiId, now, random, meta, person } = context
  const savedReplyIds: string[] = []
  const pending = new Map<string, number>()
  const posts: PublishedPost[] = []
  // Counters, so every history long enough has its notes and its late answers whatever the draws.
  let worked = 0
  let withTarget = 0
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from))
  const inPast = (at: number) => at < now.getTime() - MINUTE
  const at = (time: number) => clock.set(new Date(time))

  async function poll(accountId: string, time: number): Promise<void> {
    at(time)
    await pollAccount(deps, instansiId, accountId)
    pending.set(accountId, 0)
  }

  return {
    async createSavedReplies() {
      for (const reply of DEMO_SAVED_REPLIES) {
        const view = await createSavedReply(
          deps,
          person('hendra'),
          { ...reply, unitId: context.rootUnitId },
          meta,
        )
        savedReplyIds.push(view.id)
      }
    },

    async afterRound(accountId, sandboxPostId, round, roundAt, comments) {
      if (round === 1) posts.push({ at: roundAt, accountId, sandboxPostId })
      pending.set(accountId, (pending.get(accountId) ?? 0) + comments)
      // Rounds 1–3 come within a quarter of an hour: one poll after them, then one after each later round.
      if (round < 3 || !pending.get(accountId)) return
      const pollAt = roundAt + POLL_AFTER_MS
      if (inPast(pollAt)) await poll(accountId, pollAt)
    },

    async counts() {
      const root = await getUnit(deps.db, instansiId, context.rootUnitId)
      const everywhere = root ? [root.path] : []
      const [items, cases, referrals] = await Promise.all([
        countInboxItems(deps.db, { instansiId, pathPrefixes: everywhere }, person('hendra').userId),
        listPpidCases(deps.db, instansiId, { unitPrefixes: everywhere, limit: 10_000 }),
        listLaporReferrals(deps.db, instansiId, { unitPrefixes: everywhere, limit: 10_000 }),
      ])
      const { byStatus } = items
      return {
        items: byStatus.new + byStatus.open + byStatus.answered + byStatus.closed,
        waiting: byStatus.new + byStatus.open,
        pastTarget: items.breached,
        ppidCases: cases.length,
        laporReferrals: referrals.length,
      }
    },

    async work() {
      // The written messages, each on the latest post before its moment, polled two minutes later.
      const kinds = new Map<string, 'ppid' | 'lapor' | 'abusive'>()
      for (const message of DEMO_CITIZEN_MESSAGES) {
        const when = Math.round(now.getTime() - message.at * context.historyDays * DAY)
        // On the latest post before its moment (or the first post, a little after it, when there was none yet).
        const post = posts.filter((p) => p.at < when).at(-1) ?? posts[0]
        const writtenAt = post ? Math.max(when, post.at + 30 * MINUTE) : when
        if (!post || !inPast(writtenAt + POLL_AFTER_MS)) continue
        at(writtenAt)
        const id = await commentAsCitizen(deps, instansiId, post.sandboxPostId, {
          text: message.text,
          authorHandle: message.handle,
          authorName: message.name,
        })
        kinds.set(id, message.kind)
        await poll(post.accountId, writtenAt + POLL_AFTER_MS)
      }
      // What the last rounds left unpolled is read now.
      for (const [accountId, count] of pending) if (count > 0) await poll(accountId, now.getTime() - MINUTE)

      const hendra = person('hendra')
      const items = (
        await listInboxItems(
          deps.db,
          { instansiId, pathPrefixes: unitScope(hendra, 'inbox.read').pathPrefixes },
          null,
          100_000,
        )
      ).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      let ppidCases = 0
      for (const item of items) {
        if (item.duplicateOf) continue
        const kind = kinds.get(item.externalId)
        if (kind === 'ppid') await workInformationRequest(item, ppidCases++)
        else if (kind === 'lapor') await workComplaint(item)
        else if (kind === 'abusive' || (item.abusive && item.hateSpeech)) await hide(item)
        else await workItem(item)
      }
      at(now.getTime())
    },
  }

  /** The reply an office would send: the saved reply fitting its intent, or a short one written by hand. */
  async function replyTextFor(actor: Actor, item: InboxItemRow): Promise<string> {
    const index: Record<string, number> = {
      pertanyaan: 0,
      aspirasi: 0,
      keluhan: 1,
      permohonan_informasi: 2,
      apresiasi: 3,
    }
    const saved = savedReplyIds[index[item.intent ?? ''] ?? -1]
    if (!saved) return pick(DEMO_FREE_REPLIES)
    // The operator drops the sandbox's "(warga simulasi)" tag from the greeting, as one would in the reply box.
    return (await renderSavedReplyForItem(deps, actor, saved, item.id)).text.replaceAll(SIMULATED_TAG, '')
  }

  /** Answers as `who`; a trainee's reply is approved by the penanggung jawab a little later. Returns when it went. */
  async function answer(item: InboxItemRow, who: DemoPersonKey, time: number): Promise<number> {
    const actor = person(who)
    at(time)
    const text = await replyTextFor(actor, item)
    const reply = await replyToItem(deps, actor, item.id, { text }, meta)
    if (reply.status !== 'pending') return time
    const approvedAt = Math.min(time + between(20 * MINUTE, 3 * HOUR), now.getTime() - MINUTE)
    at(approvedAt)
    await approveReply(deps, person('hendra'), reply.id, meta)
    return approvedAt
  }

  /** Minutes mostly, sometimes hours, now and then more than a day: some answers come late against the target. */
  function replyDelay(): number {
    const draw = random()
    if (draw < 0.45) return between(5 * MINUTE, HOUR)
    if (draw < 0.75) return between(HOUR, 4 * HOUR)
    if (draw < 0.92) return between(4 * HOUR, 12 * HOUR)
    return between(12 * HOUR, 30 * HOUR)
  }

  async function workItem(item: InboxItemRow): Promise<void> {
    const created = item.createdAt.getTime()
    const age = now.getTime() - created
    let worker = context.workerOf(item.unitId)
    worked += 1
    // One in eight items with a reply target is answered after it (a busy day); the others as it comes.
    const late = item.slaDueAt !== null && withTarget++ % 8 === 4
    const replyAt = late ? item.slaDueAt!.getTime() + between(30 * MINUTE, 6 * HOUR) : created + replyDelay()
    const backlog = age < BACKLOG_MS && random() < 0.6
    // Some are given to the pengelola by name first; some of Humas's questions are handed to Dinas Kesehatan.
    if (random() < 0.12 && inPast(created + 10 * MINUTE)) {
      at(created + between(5 * MINUTE, 15 * MINUTE))
      await assignItem(deps, person('hendra'), item.id, { userId: person(worker).userId }, meta)
    } else if (
      item.unitId === context.rootUnitId &&
      item.intent === 'pertanyaan' &&
      random() < 0.15 &&
      inPast(created + 20 * MINUTE)
    ) {
      at(created + between(10 * MINUTE, 20 * MINUTE))
      await assignItem(
        deps,
        person(worker),
        item.id,
        { unitId: context.handoverUnitId, note: DEMO_HANDOVER_NOTE },
        meta,
      )
      worker = context.workerOf(context.handoverUnitId)
    }
    if (worked % 6 === 3 && inPast(created + 30 * MINUTE)) {
      at(Math.min(created + between(20 * MINUTE, 2 * HOUR), now.getTime() - MINUTE))
      await addNote(deps, person(worker), item.id, pick(DEMO_NOTES), meta)
    }
    if (backlog || !inPast(replyAt)) return
    // Chatter without a question is often closed without a reply.
    if (item.intent === 'lainnya' && random() < 0.4) {
      const closeAt = created + between(HOUR, DAY)
      if (!inPast(closeAt)) return
      at(closeAt)
      await setClosed(deps, person(worker), item.id, true, meta)
      return
    }
    const sentAt = await answer(item, worker, replyAt)
    if (age > CLOSE_AFTER_MS && random() < 0.85) {
      const closeAt = sentAt + between(DAY, 3 * DAY)
      if (!inPast(closeAt)) return
      at(closeAt)
      await setClosed(deps, person(worker), item.id, true, meta)
    }
  }

  /** Hidden on the platform by the penanggung jawab, then closed. */
  async function hide(item: InboxItemRow): Promise<void> {
    const hideAt = item.createdAt.getTime() + between(10 * MINUTE, 45 * MINUTE)
    if (!inPast(hideAt)) return
    at(hideAt)
    await moderateItem(deps, person('hendra'), item.id, 'hide', meta)
    await setClosed(deps, person('hendra'), item.id, true, meta)
  }

  /**
   * Answered with the PPID reply and registered by the PPID; the first case is decided (the Pasal 22(7) notice
   * sent), the second extended, the third still within its ten working days.
   */
  async function workInformationRequest(item: InboxItemRow, ordinal: number): Promise<void> {
    const created = item.createdAt.getTime()
    if (!inPast(created + 40 * MINUTE)) return
    await answer(item, context.workerOf(item.unitId), created + 40 * MINUTE)
    const registerAt = Math.min(created + 2 * HOUR, now.getTime() - MINUTE)
    at(registerAt)
    const lina = person('lina')
    const registered = await registerCase(
      deps,
      lina,
      { inboxItemId: item.id, purpose: 'Bahan penelitian' },
      meta,
    )
    if (ordinal === 0 && inPast(registerAt + 5 * DAY)) {
      at(registerAt + 5 * DAY)
      await sendNotice(
        deps,
        lina,
        registered.id,
        {
          held: true,
          decision: 'granted',
          material: 'Salinan dokumen yang diminta (PDF, 12 halaman).',
          deliveryMethod: 'Surat elektronik',
          deliveryFormat: 'Salinan elektronik (PDF)',
          cost: 0,
        },
        meta,
      )
    } else if (ordinal === 1 && inPast(registerAt + 3 * DAY)) {
      at(registerAt + 3 * DAY)
      await extendCase(
        deps,
        lina,
        registered.id,
        { reason: 'Data masih dihimpun dari seluruh puskesmas; perlu waktu tambahan untuk rekapitulasi.' },
        meta,
      )
    }
  }

  /** Answered, referred to SP4N-LAPOR! by the pengelola, and verified there a couple of days later. */
  async function workComplaint(item: InboxItemRow): Promise<void> {
    const created = item.createdAt.getTime()
    const worker = context.workerOf(item.unitId)
    if (!inPast(created + HOUR)) return
    await answer(item, worker, created + HOUR)
    at(Math.min(created + 3 * HOUR, now.getTime() - MINUTE))
    const referral = await referComplaint(
      deps,
      person(worker),
      { inboxItemId: item.id, category: 'Kesehatan', location: 'Puskesmas Cibeureum', outOfScope: null },
      meta,
    )
    if (inPast(created + 2 * DAY)) {
      at(created + 2 * DAY)
      await recordProgress(deps, person(worker), referral.id, { stage: 'verified' }, meta)
    }
  }
}
