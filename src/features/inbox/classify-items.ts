// Classifying newly arrived inbox items in batches (issue #9 item 2), inside the ingestion job that stored them
// and by the sweeper for any left behind: the language engine's sentiment, abusive, hate speech and intent
// (classifyBatch), the instansi's hoax knowledge base (its matcher), the priority (priority.ts), duplicate and wave
// folding, then the routing rules (routeItems) and the reply targets (applyReplyTargets) — one transaction per
// batch, over rows locked FOR UPDATE SKIP LOCKED, so two workers never classify one item and a failure leaves the
// batch unclassified (the sweeper takes it again), never lost.
import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  addLabel,
  claimUnclassified,
  countEarlierAsks,
  foldItems,
  itemsByIds,
  itemsWithFingerprints,
  storeClassifications,
  type FingerprintedItem,
  type ItemClassification,
} from '../../db/inbox-ingest-repository.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { classifyBatch, type HoaxMatcher } from '../../nlp/index.ts'
import { createHoaxMatcherProvider, type HoaxMatcherProvider } from '../hoax/hoax-matcher-provider.ts'
import { applyReplyTargets } from './reply-targets.ts'
import { routeItems } from './route-items.ts'
import { ASKING_INTENTS, priorityOf } from './priority.ts'

/** The same text from the same author within this long folds into the first (a duplicate). */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000
/** The same text from this many authors within WAVE_WINDOW_MS is a wave (spam, a copy-paste campaign). */
export const WAVE_AUTHORS = 5
export const WAVE_WINDOW_MS = 10 * 60 * 1000
/** Shorter texts ("terima kasih", "mantap") are said alike by many people without being a campaign. */
export const WAVE_MIN_LENGTH = 15
/** How far back the same citizen's earlier questions count towards the priority. */
export const REPEAT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
/** The label a wave's first item carries. */
export const WAVE_LABEL = 'gelombang'
export const CLASSIFY_BATCH = 500

export interface ClassifyDeps {
  db: Db
  clock: Clock
  /**
   * The instansi's hoax matcher (cached per process, rebuilt when its claims change); made over `db` when absent.
   * The matcher's own retrieval stops a text that shares too little with every claim, at about 0.08 ms a text.
   */
  hoaxMatchers?: HoaxMatcherProvider | undefined
}

const providers = new WeakMap<Db, HoaxMatcherProvider>()
function matchersOf(deps: ClassifyDeps): HoaxMatcherProvider {
  if (deps.hoaxMatchers) return deps.hoaxMatchers
  let provider = providers.get(deps.db)
  if (!provider) providers.set(deps.db, (provider = createHoaxMatcherProvider(deps.db)))
  return provider
}

/**
 * The text as folding compares it: case, accents' forms, @mentions, links and punctuation do not make two
 * messages different.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function fingerprintOf(folded: string): string {
  return createHash('sha256').update(folded).digest('hex').slice(0, 32)
}

export interface ClassifyResult {
  classified: number
  duplicates: number
  /** Items folded into a wave (including earlier ones folded when the wave was recognised). */
  waveFolded: number
}

const NONE: ClassifyResult = { classified: 0, duplicates: 0, waveFolded: 0 }

/**
 * Classifies one batch of the instansi's unclassified items: the given ones (just stored by a poll or a webhook)
 * or the oldest. The hoax matcher is read before the transaction (on PGlite the one connection is the
 * transaction's while it runs).
 */
export async function classifyItems(
  deps: ClassifyDeps,
  instansiId: string,
  options: { ids?: readonly string[]; limit?: number; receivedBefore?: Date } = {},
): Promise<ClassifyResult> {
  if (options.ids && options.ids.length === 0) return NONE
  const matcher = await matchersOf(deps)(instansiId)
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const claimed = await claimUnclassified(tx, {
      instansiId,
      ids: options.ids,
      limit: options.limit ?? CLASSIFY_BATCH,
      receivedBefore: options.receivedBefore,
    })
    if (claimed.length === 0) return NONE
    return classifyClaimed(tx, claimed, matcher, now, instansiId)
  })
}

async function classifyClaimed(
  tx: Db,
  items: InboxItemRow[],
  matcher: HoaxMatcher | undefined,
  now: Date,
  instansiId: string,
): Promise<ClassifyResult> {
  items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
  const classes = classifyBatch(items.map((item) => item.body))
  const folded = items.map((item) => foldText(item.body))
  const fingerprints = folded.map(fingerprintOf)
  const batchIds = items.map((item) => item.id)

  // Earlier asks of the same authors, per platform (the author's id is the platform's).
  const asks = new Map<string, number>()
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS)
  for (const platform of new Set(items.map((item) => item.platform))) {
    const authors = [...new Set(items.filter((i) => i.platform === platform).map((i) => i.authorExternalId))]
    const counts = await countEarlierAsks(tx, instansiId, platform, authors, ASKING_INTENTS, since, batchIds)
    for (const [author, count] of counts) asks.set(`${platform}\u0000${author}`, count)
  }

  const oldest = items[0]!.createdAt.getTime()
  const earlier = (
    await itemsWithFingerprints(
      tx,
      instansiId,
      [...new Set(fingerprints)],
      new Date(oldest - DUPLICATE_WINDOW_MS),
    )
  ).filter((row) => !batchIds.includes(row.id))
  const folding = foldBatch(
    earlier,
    items.map((item, index) => ({
      id: item.id,
      platform: item.platform,
      authorExternalId: item.authorExternalId,
      bodyFingerprint: fingerprints[index]!,
      createdAt: item.createdAt,
      duplicateOf: item.duplicateOf,
      labels: item.labels,
      waveEligible: folded[index]!.length >= WAVE_MIN_LENGTH,
    })),
  )

  const rows: ItemClassification[] = items.map((item, index) => {
    const found = classes[index]!
    const hoax = matcher?.match(item.body)
    const key = `${item.platform}\u0000${item.authorExternalId}`
    const earlierAsks = asks.get(key) ?? 0
    if (ASKING_INTENTS.includes(found.intent.label)) asks.set(key, earlierAsks + 1)
    return {
      id: item.id,
      sentiment: found.sentiment.label,
      sentimentScore: found.sentiment.score,
      abusive: found.abusive.label,
      hateSpeech: found.hate_speech.label,
      intent: found.intent.label,
      intentScore: found.intent.score,
      hoaxClaimId: hoax?.match ?? null,
      hoaxScore: hoax?.score ?? 0,
      priority: priorityOf({
        intent: found.intent.label,
        kind: item.kind,
        sentiment: found.sentiment.label,
        abusive: found.abusive.label,
        hateSpeech: found.hate_speech.label,
        hoaxMatched: !!hoax?.match,
        earlierAsks,
      }),
      bodyFingerprint: fingerprints[index]!,
      duplicateOf: folding.batchFolds.get(item.id) ?? null,
      labels: folding.waveFirsts.has(item.id) ? [WAVE_LABEL] : [],
    }
  })
  await storeClassifications(tx, rows, now)
  await foldItems(tx, folding.earlierFolds, null, now)
  await addLabel(
    tx,
    [...folding.waveFirsts].filter((id) => !batchIds.includes(id)),
    WAVE_LABEL,
    now,
  )

  const updated = await itemsByIds(tx, batchIds)
  await routeItems(tx, updated, now)
  await applyReplyTargets(
    tx,
    updated.filter((item) => item.duplicateOf === null),
    now,
  )
  return {
    classified: items.length,
    duplicates: folding.duplicates,
    waveFolded: folding.earlierFolds.size + folding.batchFolds.size - folding.duplicates,
  }
}

export interface FoldCandidate extends FingerprintedItem {
  /** Long enough to be part of a wave. */
  waveEligible: boolean
}

export interface FoldPlan {
  /** Batch item → the item it is folded into. */
  batchFolds: Map<string, string>
  /** Already stored item → the wave's first (a wave recognised with this batch). */
  earlierFolds: Map<string, string>
  /** The first items of the waves (labelled `gelombang`). */
  waveFirsts: Set<string>
  duplicates: number
}

/**
 * Pure: which batch items fold into which (earlier and batch items both oldest first). A duplicate is the same
 * text from the same author on the same platform within DUPLICATE_WINDOW_MS of the first; a wave is the same text
 * from WAVE_AUTHORS distinct authors within WAVE_WINDOW_MS, folded into its first item, the earlier ones too.
 */
export function foldBatch(earlier: readonly FingerprintedItem[], batch: readonly FoldCandidate[]): FoldPlan {
  const plan: FoldPlan = {
    batchFolds: new Map(),
    earlierFolds: new Map(),
    waveFirsts: new Set(),
    duplicates: 0,
  }
  const inBatch = new Set(batch.map((item) => item.id))
  const seen: FingerprintedItem[] = [...earlier]
  const foldedInto = (item: FingerprintedItem): string | null =>
    plan.batchFolds.get(item.id) ?? plan.earlierFolds.get(item.id) ?? item.duplicateOf
  for (const item of batch) {
    const same = seen.filter((other) => other.bodyFingerprint === item.bodyFingerprint)
    const at = item.createdAt.getTime()
    const mine = same.find(
      (other) =>
        other.platform === item.platform &&
        other.authorExternalId === item.authorExternalId &&
        at - other.createdAt.getTime() <= DUPLICATE_WINDOW_MS,
    )
    if (mine && item.duplicateOf === null) {
      plan.batchFolds.set(item.id, foldedInto(mine) ?? mine.id)
      plan.duplicates += 1
    } else if (item.waveEligible) {
      const recent = same.filter((other) => at - other.createdAt.getTime() <= WAVE_WINDOW_MS)
      const authors = new Set(
        [...recent, item].map((other) => `${other.platform}\u0000${other.authorExternalId}`),
      )
      if (authors.size >= WAVE_AUTHORS) {
        const first = recent[0]!
        const root = foldedInto(first) ?? first.id
        plan.waveFirsts.add(root)
        for (const other of recent) {
          if (other.id === root || foldedInto(other) !== null) continue
          if (inBatch.has(other.id)) plan.batchFolds.set(other.id, root)
          else plan.earlierFolds.set(other.id, root)
        }
        if (item.duplicateOf === null) plan.batchFolds.set(item.id, root)
      }
    }
    seen.push(item)
  }
  return plan
}
