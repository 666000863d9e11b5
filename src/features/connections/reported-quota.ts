// Quotas a platform reports for the account itself (Instagram's content_publishing_limit, Threads'
// threads_publishing_limit, through Connector.publishingQuota): read when the health is refreshed (connect, the
// OAuth callback, "Periksa sekarang") and after a successful publish at most once per QUOTA_REREAD_MS per
// account, and kept on the account's connection (0022). The publishing engine defers while the kept answer says
// nothing is left (publish-slots.ts). A failing read never fails what it rides along with.
import type { Connector, PublishingQuota } from '../../connectors/connector.ts'
import { saveReportedQuota } from '../../db/account-connections-repository.ts'
import { runForAccount, type ConnectionDeps } from './account-connector.ts'

/**
 * After a publish, the quota is read again only when the kept answer is older than this: Instagram allows 25 to
 * 100 posts a day, so ten minutes keeps the count close without a second Graph call on every publish.
 */
export const QUOTA_REREAD_MS = 10 * 60_000

/** The quota a verify() answer carried (Instagram's does), or undefined when that connector's answer has none. */
export function quotaFromVerify(answer: object): PublishingQuota | null | undefined {
  if (!('publishingQuota' in answer)) return undefined
  const quota = answer.publishingQuota as PublishingQuota | null | undefined
  return quota ?? null
}

/**
 * The connector's reported quota: `known` when a verify() already carried it, else one read. Undefined when the
 * platform reports none or the read failed (nothing is stored then; the failure is not the caller's).
 */
export async function readPublishingQuota(
  connector: Connector,
  known?: PublishingQuota | null,
): Promise<PublishingQuota | null | undefined> {
  if (known !== undefined) return known
  if (!connector.publishingQuota) return undefined
  try {
    return await connector.publishingQuota()
  } catch {
    return undefined
  }
}

/** Whether a publish should read the quota again: never read, or read longer ago than QUOTA_REREAD_MS. */
export function quotaReadDue(checkedAt: Date | null, now: Date): boolean {
  return checkedAt === null || now.getTime() - checkedAt.getTime() >= QUOTA_REREAD_MS
}

/** Keeps a read quota on the connection; a storage failure is swallowed (the quota is advisory). */
export async function keepReportedQuota(
  deps: Pick<ConnectionDeps, 'db' | 'clock'>,
  account: { instansiId: string; id: string },
  quota: PublishingQuota | null | undefined,
): Promise<void> {
  if (quota === undefined) return
  try {
    await saveReportedQuota(deps.db, account.instansiId, account.id, quota, deps.clock.now())
  } catch {
    // Advisory only: the next health check or publish reads it again.
  }
}

/** Reads and keeps the account's reported quota (after an OAuth connect); never throws. */
export async function refreshReportedQuota(
  deps: ConnectionDeps,
  instansiId: string,
  accountId: string,
): Promise<void> {
  try {
    const quota = await runForAccount(deps, instansiId, accountId, (connector) =>
      readPublishingQuota(connector),
    )
    await keepReportedQuota(deps, { instansiId, id: accountId }, quota)
  } catch {
    // The connection itself stands; the quota shows after the next check.
  }
}
