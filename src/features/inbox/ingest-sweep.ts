// The inbox's once-a-minute sweep (job sweep-inbox, also at a worker's start): asks for a poll of every connected
// account whose next poll time came (ingest-poll.ts sets it from the account's activity and failures), and
// classifies what a crash or a failed batch left unclassified — an item is never lost, only late.
import { duePolls, instansiWithUnclassified, setNextPoll } from '../../db/inbox-ingest-repository.ts'
import { classifyItems } from './classify-items.ts'
import { enqueuePoll, readablePlatforms, type IngestDeps } from './ingest-poll.ts'

/** A poll handed out is not handed out again for this long (its job runs well within it; a lost one is retried). */
export const POLL_LEASE_MS = 5 * 60_000
/** Items younger than this are left to the run that stored them (it classifies them itself). */
export const LEFTOVER_AFTER_MS = 30_000
const SCHEDULE_LIMIT = 5_000

export async function schedulePolls(
  deps: IngestDeps,
  options: { startup?: boolean | undefined } = {},
): Promise<{ enqueued: number }> {
  const now = deps.clock.now()
  // At a worker's start every connected account is polled: the jobs a killed worker held are lost to it.
  const dueBy = options.startup ? new Date('9999-12-31T00:00:00Z') : now
  const due = await duePolls(deps.db, readablePlatforms(deps.connectors), dueBy, SCHEDULE_LIMIT)
  for (const account of due) {
    await deps.db.transaction(async (tx) => {
      await setNextPoll(tx, account.accountId, new Date(now.getTime() + POLL_LEASE_MS))
      await enqueuePoll(tx, account.instansiId, account.accountId, { backfill: false })
    })
  }
  return { enqueued: due.length }
}

export async function classifyLeftovers(
  deps: IngestDeps,
  options: { startup?: boolean | undefined } = {},
): Promise<{ classified: number }> {
  const receivedBefore = new Date(deps.clock.now().getTime() - (options.startup ? 0 : LEFTOVER_AFTER_MS))
  let classified = 0
  for (const instansiId of await instansiWithUnclassified(deps.db, receivedBefore)) {
    for (let round = 0; round < 1_000; round++) {
      const result = await classifyItems(deps, instansiId, { receivedBefore })
      classified += result.classified
      if (result.classified === 0) break
    }
  }
  return { classified }
}
