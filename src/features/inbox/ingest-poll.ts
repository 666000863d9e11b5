// Polling an account's interactions into the inbox (issue #9 item 1): the job poll-inbox reads pages from the
// account's stored cursor through runForAccount (so a failure is the account's health), stores each page with
// insertNewItems and moves the cursor in ONE transaction, classifies what was new, and keeps reading up to a cap
// of pages per run. The first read of an account (backfill on connect) goes back a bounded history.
//
// The cursor row is locked for the store, not across the platform call: PGlite has one connection, and a
// transaction held over an HTTP call would stall every other request. Instead the store re-checks under the lock
// that the cursor is still the one the page was read from (compare-and-set): a second poll of the same account
// that read the same page stores nothing and stops, and a worker killed anywhere leaves cursor and items as they
// were together. Storing is idempotent on the platform's ids anyway.
import type { Logger } from 'pino'
import type { Connector, ConnectorError, HotPolling, Interaction } from '../../connectors/connector.ts'
import {
  capabilitiesOf,
  connectablePlatforms,
  hotPollingOf,
  type DefinitionOverrides,
} from '../../connectors/registry.ts'
import { isConnectorError } from '../../connectors/connector.ts'
import type { Db } from '../../db/client.ts'
import { hotAccountIds, setNextPoll } from '../../db/inbox-ingest-repository.ts'
import {
  advanceCursor,
  getCursor,
  insertNewItems,
  lockCursor,
  recordPollFailure,
  type InboxAccount,
  type IncomingItem,
} from '../../db/inbox-repository.ts'
import { AppError } from '../app-error.ts'
import { errorMessageOf, runForAccount, type ConnectionDeps } from '../connections/account-connector.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { CLASSIFY_BATCH, classifyItems, type ClassifyDeps } from './classify-items.ts'

export interface IngestDeps extends ConnectionDeps, Pick<ClassifyDeps, 'hoaxMatchers'> {
  logger?: Pick<Logger, 'warn' | 'info'> | undefined
}

/** Pages one run reads at most (an account with more waiting gets another run at once). */
export const POLL_PAGE_CAP = 10
/** Pages the backfill's runs read at most each; the backfill continues run after run until it catches up. */
export const BACKFILL_PAGE_CAP = 20
/** What the backfill on connect reads back: the last week (older items are passed over, not stored). */
export const BACKFILL_HORIZON_MS = 7 * 24 * 60 * 60 * 1000

/**
 * How often an account is polled (docs: ARCHITECTURE.md "Inbox ingestion"): every minute while citizens are
 * writing (an item within the last day), every 5 minutes in a quiet week, every 15 minutes otherwise; after n
 * failures in a row 1, 2, 4 … up to 30 minutes, or the platform's own retry time.
 */
export const POLL_INTERVALS = {
  activeMs: 60_000,
  activeWithinMs: 24 * 60 * 60 * 1000,
  quietMs: 5 * 60_000,
  quietWithinMs: 7 * 24 * 60 * 60 * 1000,
  idleMs: 15 * 60_000,
  maxBackoffMs: 30 * 60_000,
} as const

/** Pure: when to poll next after a successful run, from the newest item the account ever had. */
export function nextPollAfterSuccess(now: Date, lastItemAt: Date | null): Date {
  const age = lastItemAt ? now.getTime() - lastItemAt.getTime() : Infinity
  const wait =
    age <= POLL_INTERVALS.activeWithinMs
      ? POLL_INTERVALS.activeMs
      : age <= POLL_INTERVALS.quietWithinMs
        ? POLL_INTERVALS.quietMs
        : POLL_INTERVALS.idleMs
  // A little under the interval, so a once-a-minute scheduler tick finds it due.
  return new Date(now.getTime() + wait - 5_000)
}

/**
 * A hot account (a post published on it, or a citizen's item written, within HOT_WITHIN_MS) is polled every few
 * seconds on a platform that declares HotPolling (connector.ts; Bluesky and the sandbox), because that is when
 * citizens answer and a reply within minutes matters. The poll job then asks for its own next run (startAfter)
 * instead of waiting for the minute sweep, and moves the account's next_poll_at past it by HOT_FALLBACK_MS: the
 * sweep takes over only when that chain broke (a worker killed), and once the account cools down.
 */
export const HOT_WITHIN_MS = 15 * 60_000
export const HOT_FALLBACK_MS = 60_000

/**
 * Pure: the wait before a hot account's next poll — the platform's interval, stretched so that all its hot accounts
 * together stay within its hot-poll budget, and never longer than an active account's minute.
 */
export function hotPollDelayMs(polling: HotPolling, hotAccounts: number): number {
  const share = Math.ceil((Math.max(1, hotAccounts) * 60_000) / polling.requestsPerMinute)
  return Math.min(POLL_INTERVALS.activeMs, Math.max(polling.intervalMs, share))
}

/** When the account is polled next after a successful run, and when the run asks for that poll itself. */
export interface PollPlan {
  nextPollAt: Date
  /** The start of the poll job the run enqueues (a hot account's chain); null: the sweep hands it out. */
  chainAt: Date | null
}

/** Pure: the plan after a successful run; `hot` when the account is hot on a platform with HotPolling. */
export function planNextPoll(
  now: Date,
  lastItemAt: Date | null,
  hot?: { polling: HotPolling; hotAccounts: number },
): PollPlan {
  if (!hot) return { nextPollAt: nextPollAfterSuccess(now, lastItemAt), chainAt: null }
  const chainAt = new Date(now.getTime() + hotPollDelayMs(hot.polling, hot.hotAccounts))
  return { nextPollAt: new Date(chainAt.getTime() + HOT_FALLBACK_MS), chainAt }
}

/** Pure: when to poll next after the n-th failure in a row (the platform's retry time when it gave one). */
export function nextPollAfterFailure(now: Date, failures: number, retryAt: Date | undefined): Date {
  const backoff = Math.min(POLL_INTERVALS.maxBackoffMs, 60_000 * 2 ** Math.max(0, failures - 1))
  const at = now.getTime() + backoff
  return new Date(retryAt ? Math.max(at, retryAt.getTime()) : at)
}

/** The platforms whose connector reads comments, mentions or direct messages (polled for the inbox). */
export function readablePlatforms(overrides?: DefinitionOverrides): string[] {
  return connectablePlatforms(overrides).filter((platform) => canRead(capabilitiesOf(platform, overrides)))
}

function canRead(capabilities: Connector['capabilities'] | undefined): boolean {
  return (
    !!capabilities &&
    (capabilities.readComments || capabilities.readMentions || capabilities.readDirectMessages)
  )
}

export function incomingOf(interaction: Interaction): IncomingItem {
  return {
    externalId: interaction.externalId,
    kind: interaction.kind,
    authorExternalId: interaction.author.externalId,
    authorHandle: interaction.author.handle,
    authorName: interaction.author.displayName,
    body: interaction.text,
    createdAt: new Date(interaction.createdAt),
    url: interaction.url,
    parentExternalId: interaction.parentExternalId,
    rootExternalId: interaction.rootExternalId,
  }
}

export interface PollResult {
  pages: number
  stored: number
  caughtUp: boolean
  /** The connector's error kind when the run failed, `not_connected` / `not_readable` when it did not run. */
  failed?: ConnectorError['kind'] | 'not_connected' | 'not_readable'
}

/** Classifies stored items in batches; a failure is logged and left to the sweeper (the items stay unclassified). */
export async function classifyStored(
  deps: ClassifyDeps & Pick<IngestDeps, 'logger'>,
  instansiId: string,
  ids: readonly string[],
): Promise<void> {
  for (let start = 0; start < ids.length; start += CLASSIFY_BATCH) {
    try {
      await classifyItems(deps, instansiId, { ids: ids.slice(start, start + CLASSIFY_BATCH) })
    } catch (error) {
      deps.logger?.warn({ err: error, instansiId }, 'inbox classification failed; the sweeper retries it')
    }
  }
}

/** One run of the poll-inbox job for an account. */
export async function pollAccount(
  deps: IngestDeps,
  instansiId: string,
  accountId: string,
  options: { backfill?: boolean | undefined } = {},
): Promise<PollResult> {
  // What the run stored is classified in batches as it goes, and the rest when it ends however it ends.
  const pending: string[] = []
  try {
    return await readPages(deps, instansiId, accountId, options, async (ids) => {
      pending.push(...ids)
      if (pending.length >= CLASSIFY_BATCH) await classifyStored(deps, instansiId, pending.splice(0))
    })
  } finally {
    if (pending.length > 0) await classifyStored(deps, instansiId, pending.splice(0))
  }
}

async function readPages(
  deps: IngestDeps,
  instansiId: string,
  accountId: string,
  options: { backfill?: boolean | undefined },
  classify: (ids: readonly string[]) => Promise<void>,
): Promise<PollResult> {
  const pageCap = options.backfill ? BACKFILL_PAGE_CAP : POLL_PAGE_CAP
  const result: PollResult = { pages: 0, stored: 0, caughtUp: false }
  const before = await getCursor(deps.db, accountId)
  let from = before?.cursor ?? null
  const backfilling = !before?.backfilledAt
  let readable = true
  let platform: string | undefined
  try {
    // One connector for the whole run (the account's health recorded once); each page in its own transaction.
    await runForAccount(deps, instansiId, accountId, async (connector, { account: record }) => {
      platform = record.platform
      if (!canRead(connector.capabilities)) {
        readable = false
        return
      }
      const account: InboxAccount = {
        instansiId: record.instansiId,
        accountId: record.id,
        platform: record.platform,
        unitId: record.unitId,
        unitPath: record.unitPath,
      }
      while (result.pages < pageCap) {
        const page = await connector.fetchInteractions(from)
        result.pages += 1
        const now = deps.clock.now()
        const horizon = backfilling ? now.getTime() - BACKFILL_HORIZON_MS : -Infinity
        const incoming = page.items.map(incomingOf)
        const newest = incoming.reduce<Date | null>(
          (latest, item) => (!latest || item.createdAt > latest ? item.createdAt : latest),
          null,
        )
        const caughtUp = page.cursor === null || page.cursor === from
        const read = from
        const stored = await deps.db.transaction(async (tx) => {
          const locked = await lockCursor(tx, accountId)
          // Another run of this account stored this page already (or moved past it): leave it to that run.
          if ((locked.cursor ?? null) !== read) return null
          const rows = await insertNewItems(
            tx,
            account,
            incoming.filter((item) => item.createdAt.getTime() >= horizon),
            now,
          )
          await advanceCursor(tx, accountId, {
            cursor: page.cursor ?? read,
            lastItemAt: newest,
            backfilled: caughtUp,
            at: now,
          })
          return rows
        })
        if (stored === null) return
        result.stored += stored.length
        await classify(stored.map((row) => row.id))
        if (caughtUp) {
          result.caughtUp = true
          return
        }
        from = page.cursor ?? read
      }
    })
  } catch (error) {
    const now = deps.clock.now()
    if (isConnectorError(error)) {
      // auth_expired made the connection needs_reconnect (runForAccount): the scheduler skips it until the
      // penanggung jawab reconnects, and reconnecting asks for a poll again.
      await recordPollFailure(deps.db, accountId, `${error.kind}: ${errorMessageOf(error)}`, now)
      const failures = (await getCursor(deps.db, accountId))?.failures ?? 1
      await setNextPoll(deps.db, accountId, nextPollAfterFailure(now, failures, error.retryAt))
      return { ...result, failed: error.kind }
    }
    if (error instanceof AppError) return { ...result, failed: 'not_connected' }
    throw error
  }
  if (!readable) {
    await setNextPoll(deps.db, accountId, new Date(deps.clock.now().getTime() + POLL_INTERVALS.idleMs))
    return { ...result, failed: 'not_readable' }
  }
  const now = deps.clock.now()
  if (result.caughtUp) {
    const cursor = await getCursor(deps.db, accountId)
    const plan = planNextPoll(
      now,
      cursor?.lastItemAt ?? null,
      platform ? await hotPollingNow(deps, platform, accountId, now) : undefined,
    )
    await deps.db.transaction(async (tx) => {
      await setNextPoll(tx, accountId, plan.nextPollAt)
      if (plan.chainAt)
        await enqueuePoll(tx, instansiId, accountId, { backfill: false, startAfter: plan.chainAt })
    })
  } else if (result.pages >= pageCap) {
    // More is waiting (a busy account, or a backfill going back): the next run starts at once.
    await setNextPoll(deps.db, accountId, now)
    await enqueuePoll(deps.db, instansiId, accountId, { backfill: options.backfill ?? false })
  }
  return result
}

/** The hot cadence for the account when it is hot on a platform that has one. */
async function hotPollingNow(
  deps: IngestDeps,
  platform: string,
  accountId: string,
  now: Date,
): Promise<{ polling: HotPolling; hotAccounts: number } | undefined> {
  const polling = hotPollingOf(platform, deps.connectors)
  if (!polling) return undefined
  const hot = await hotAccountIds(deps.db, platform, new Date(now.getTime() - HOT_WITHIN_MS))
  return hot.includes(accountId) ? { polling, hotAccounts: hot.length } : undefined
}

/** Asks for a poll of the account (one waiting job per account: the queue's singletonKey). */
export async function enqueuePoll(
  tx: Db,
  instansiId: string,
  accountId: string,
  options: { backfill: boolean; startAfter?: Date | undefined },
): Promise<void> {
  await enqueue(
    tx,
    'poll-inbox',
    { instansiId, accountId, ...(options.backfill ? { backfill: true } : {}) },
    { singletonKey: accountId, startAfter: options.startAfter },
  )
}

/**
 * A post was just published on the account: citizens answer now, so its hot polling starts at once rather than
 * at the account's next scheduled poll (called in the transaction that records the publication).
 */
export async function watchForReplies(
  tx: Db,
  account: { instansiId: string; accountId: string; platform: string },
): Promise<void> {
  if (!hotPollingOf(account.platform) || !canRead(capabilitiesOf(account.platform))) return
  await enqueuePoll(tx, account.instansiId, account.accountId, { backfill: false })
}

/**
 * Backfill on connect: called in the transaction that connects (or reconnects) an account. A first connection
 * reads the last week back; a reconnection reads on from where polling stopped, what came while it could not.
 */
export async function requestInboxBackfill(
  tx: Db,
  account: { instansiId: string; id: string; platform: string },
  overrides?: DefinitionOverrides,
): Promise<void> {
  if (!canRead(capabilitiesOf(account.platform, overrides))) return
  await enqueuePoll(tx, account.instansiId, account.id, { backfill: true })
}
