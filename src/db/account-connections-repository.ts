// account_connections: one row per connected (or once connected) official account: its sealed credentials and
// its health. Every query filters on instansi_id, except the key rotation, the token refresh, the expiry
// warnings, a webhook delivery's accounts and the publishing sweeper's reported quotas, which walk every
// instansi on purpose.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accountConnections, accounts, type ConnectionState } from './schema/index.ts'

export type AccountConnectionRow = typeof accountConnections.$inferSelect

export async function getAccountConnection(
  db: Db,
  instansiId: string,
  accountId: string,
): Promise<AccountConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(accountConnections)
    .where(and(eq(accountConnections.instansiId, instansiId), eq(accountConnections.accountId, accountId)))
  return row
}

export async function listAccountConnections(
  db: Db,
  instansiId: string,
  accountIds: readonly string[],
): Promise<AccountConnectionRow[]> {
  if (accountIds.length === 0) return []
  return db
    .select()
    .from(accountConnections)
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        inArray(accountConnections.accountId, [...accountIds]),
      ),
    )
}

/** A (re)connection: new credentials, state connected, the last error cleared. */
export async function saveConnected(
  db: Db,
  row: {
    accountId: string
    instansiId: string
    platform: string
    credentials: string
    credentialsKeyId: string
    platformAccountId: string
    platformHandle: string
    now: Date
  },
): Promise<void> {
  const values = {
    state: 'connected' as ConnectionState,
    credentials: row.credentials,
    credentialsKeyId: row.credentialsKeyId,
    platformAccountId: row.platformAccountId,
    platformHandle: row.platformHandle,
    lastErrorKind: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    lastSuccessAt: row.now,
    connectedAt: row.now,
    updatedAt: row.now,
  }
  await db
    .insert(accountConnections)
    .values({ accountId: row.accountId, instansiId: row.instansiId, platform: row.platform, ...values })
    .onConflictDoUpdate({ target: accountConnections.accountId, set: values })
}

export async function saveDisconnected(
  db: Db,
  instansiId: string,
  accountId: string,
  now: Date,
): Promise<void> {
  await db
    .update(accountConnections)
    .set({ state: 'disconnected', credentials: null, credentialsKeyId: null, updatedAt: now })
    .where(and(eq(accountConnections.instansiId, instansiId), eq(accountConnections.accountId, accountId)))
}

/** Credentials a connector refreshed, sealed again. */
export async function saveCredentials(
  db: Db,
  instansiId: string,
  accountId: string,
  sealed: { credentials: string; credentialsKeyId: string },
  now: Date,
): Promise<void> {
  await db
    .update(accountConnections)
    .set({ ...sealed, updatedAt: now })
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        isNotNull(accountConnections.credentials),
      ),
    )
}

export async function recordConnectionSuccess(
  db: Db,
  instansiId: string,
  accountId: string,
  now: Date,
): Promise<void> {
  await db
    .update(accountConnections)
    .set({ lastSuccessAt: now, updatedAt: now })
    .where(and(eq(accountConnections.instansiId, instansiId), eq(accountConnections.accountId, accountId)))
}

/**
 * The last error; `needsReconnect` moves a connected account to needs_reconnect (auth_expired). Returns true only
 * for the call that made that move: the state is changed under `state = 'connected'`, so of two workers failing at
 * once the second waits for the first's row lock, finds the account needs_reconnect already, and gets false — the
 * caller tells people once per entry, not on every later failure.
 */
export async function recordConnectionError(
  db: Db,
  instansiId: string,
  accountId: string,
  error: { kind: string; message: string; needsReconnect: boolean },
  now: Date,
): Promise<boolean> {
  const lastError = {
    lastErrorKind: error.kind,
    lastErrorMessage: error.message,
    lastErrorAt: now,
    updatedAt: now,
  }
  const ofAccount = and(
    eq(accountConnections.instansiId, instansiId),
    eq(accountConnections.accountId, accountId),
  )
  if (error.needsReconnect) {
    const entered = await db
      .update(accountConnections)
      .set({ ...lastError, state: 'needs_reconnect' })
      .where(and(ofAccount, eq(accountConnections.state, 'connected')))
      .returning({ accountId: accountConnections.accountId })
    if (entered.length > 0) return true
  }
  await db
    .update(accountConnections)
    .set(lastError)
    .where(and(ofAccount, ne(accountConnections.state, 'disconnected')))
  return false
}

/** Key rotation: the next batch of rows holding credentials, across every instansi (or one), after an account id. */
export async function listSealedCredentialsAfter(
  db: Db,
  afterAccountId: string | null,
  limit: number,
  instansiId?: string,
): Promise<Array<{ accountId: string; instansiId: string; credentials: string; credentialsKeyId: string }>> {
  const rows = await db
    .select({
      accountId: accountConnections.accountId,
      instansiId: accountConnections.instansiId,
      credentials: accountConnections.credentials,
      credentialsKeyId: accountConnections.credentialsKeyId,
    })
    .from(accountConnections)
    .where(
      and(
        isNotNull(accountConnections.credentials),
        instansiId === undefined ? undefined : eq(accountConnections.instansiId, instansiId),
        afterAccountId === null ? undefined : gt(accountConnections.accountId, afterAccountId),
      ),
    )
    .orderBy(asc(accountConnections.accountId))
    .limit(limit)
  return rows.map((row) => ({
    ...row,
    credentials: row.credentials!,
    credentialsKeyId: row.credentialsKeyId!,
  }))
}

/** Replaces one row's sealed credentials only if they are still what was read (a concurrent reconnect wins). */
export async function replaceSealedCredentials(
  db: Db,
  instansiId: string,
  accountId: string,
  expected: string,
  sealed: { credentials: string; credentialsKeyId: string },
): Promise<boolean> {
  const rows = await db
    .update(accountConnections)
    .set(sealed)
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        eq(accountConnections.credentials, expected),
      ),
    )
    .returning({ accountId: accountConnections.accountId })
  return rows.length > 0
}

/** What an OAuth connection keeps beside its sealed credentials (0021): token times, scopes, disabled features. */
export interface OAuthDetails {
  tokenExpiresAt: Date | null
  refreshExpiresAt: Date | null
  reconnectBy: Date | null
  grantedScopes: string[]
  missingFeatures: string[]
}

/** Sets (or, with null, clears) an account's OAuth details, after saveConnected in the same transaction. */
export async function saveOAuthDetails(
  db: Db,
  instansiId: string,
  accountId: string,
  details: OAuthDetails | null,
): Promise<void> {
  await db
    .update(accountConnections)
    .set(
      details ?? {
        tokenExpiresAt: null,
        refreshExpiresAt: null,
        reconnectBy: null,
        grantedScopes: null,
        missingFeatures: null,
      },
    )
    .where(and(eq(accountConnections.instansiId, instansiId), eq(accountConnections.accountId, accountId)))
}

/**
 * A refresh's new tokens: the sealed value and the token times replaced together, only if the sealed value is
 * still what the refresh read (compare-and-set: a concurrent refresh or reconnect wins, and a rotated refresh
 * token is never overwritten by an older one). The state goes back to connected and the last error is cleared.
 */
export async function replaceRefreshedTokens(
  db: Db,
  instansiId: string,
  accountId: string,
  expected: string,
  next: { credentials: string; credentialsKeyId: string } & Omit<OAuthDetails, 'missingFeatures'>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(accountConnections)
    .set({
      ...next,
      state: 'connected',
      lastErrorKind: null,
      lastErrorMessage: null,
      lastErrorAt: null,
      lastSuccessAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        eq(accountConnections.credentials, expected),
      ),
    )
    .returning({ accountId: accountConnections.accountId })
  return rows.length > 0
}

/** Connected OAuth accounts of every instansi whose token expires before `before` (the refresh job). */
export async function listTokensExpiringBefore(
  db: Db,
  before: Date,
  limit: number,
): Promise<AccountConnectionRow[]> {
  return db
    .select()
    .from(accountConnections)
    .where(
      and(
        eq(accountConnections.state, 'connected'),
        isNotNull(accountConnections.credentials),
        lt(accountConnections.tokenExpiresAt, before),
      ),
    )
    .orderBy(asc(accountConnections.tokenExpiresAt))
    .limit(limit)
}

/** Connections of every instansi that must be reconnected before `before` (the expiry warnings). */
export async function listReconnectDueBefore(
  db: Db,
  before: Date,
  limit: number,
): Promise<AccountConnectionRow[]> {
  return db
    .select()
    .from(accountConnections)
    .where(
      and(
        ne(accountConnections.state, 'disconnected'),
        isNotNull(accountConnections.credentials),
        lt(accountConnections.reconnectBy, before),
      ),
    )
    .orderBy(asc(accountConnections.reconnectBy))
    .limit(limit)
}

/**
 * Records that the warning `days` ahead was sent for this expiry; false when it already was (the row names the
 * expiry it warned about, so a new token's expiry is warned about again, and a second worker sends nothing).
 */
export async function markExpiryWarned(
  db: Db,
  instansiId: string,
  accountId: string,
  days: 7 | 1,
  reconnectBy: Date,
): Promise<boolean> {
  const column = days === 7 ? accountConnections.expiryWarned7dFor : accountConnections.expiryWarned1dFor
  const rows = await db
    .update(accountConnections)
    .set(days === 7 ? { expiryWarned7dFor: reconnectBy } : { expiryWarned1dFor: reconnectBy })
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        eq(accountConnections.reconnectBy, reconnectBy),
        or(isNull(column), ne(column, reconnectBy)),
      ),
    )
    .returning({ accountId: accountConnections.accountId })
  return rows.length > 0
}

/**
 * The instansi's accounts already holding one of these platform ids (connected, or waiting for a reconnect): one
 * platform account, one Warta account.
 */
export async function listHoldersOfPlatformIds(
  db: Db,
  instansiId: string,
  platform: string,
  platformAccountIds: readonly string[],
): Promise<{ accountId: string; platformAccountId: string; handle: string }[]> {
  if (platformAccountIds.length === 0) return []
  const rows = await db
    .select({
      accountId: accountConnections.accountId,
      platformAccountId: accountConnections.platformAccountId,
      handle: accounts.handle,
    })
    .from(accountConnections)
    .innerJoin(accounts, eq(accounts.id, accountConnections.accountId))
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.platform, platform),
        inArray(accountConnections.state, ['connected', 'needs_reconnect']),
        inArray(accountConnections.platformAccountId, [...platformAccountIds]),
      ),
    )
    .orderBy(asc(accounts.handle))
  return rows.flatMap((row) =>
    row.platformAccountId ? [{ ...row, platformAccountId: row.platformAccountId }] : [],
  )
}

/** How many connected accounts of any instansi a platform's ids name (a webhook delivery's accounts). */
export async function countConnectedByPlatformIds(
  db: Db,
  platform: string,
  platformAccountIds: readonly string[],
): Promise<number> {
  if (platformAccountIds.length === 0) return 0
  const rows = await db
    .select({ accountId: accountConnections.accountId })
    .from(accountConnections)
    .where(
      and(
        eq(accountConnections.platform, platform),
        eq(accountConnections.state, 'connected'),
        inArray(accountConnections.platformAccountId, [...platformAccountIds]),
      ),
    )
  return rows.length
}

/** Locks one connection for a token refresh; nothing when another worker holds it (it is refreshing). */
export async function lockConnectionForRefresh(
  db: Db,
  instansiId: string,
  accountId: string,
): Promise<AccountConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(accountConnections)
    .where(and(eq(accountConnections.instansiId, instansiId), eq(accountConnections.accountId, accountId)))
    .for('update', { skipLocked: true })
  return row
}

/**
 * The publishing quota the platform last reported for the account (0022), or null when it reported none (the
 * numbers are cleared). Only on a live connection.
 */
export async function saveReportedQuota(
  db: Db,
  instansiId: string,
  accountId: string,
  quota: { used: number; total: number; windowSeconds: number } | null,
  now: Date,
): Promise<void> {
  await db
    .update(accountConnections)
    .set({
      quotaUsed: quota?.used ?? null,
      quotaTotal: quota?.total ?? null,
      quotaWindowSeconds: quota?.windowSeconds ?? null,
      // Read even when the platform reported none, so the next read waits its turn too.
      quotaCheckedAt: now,
    })
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        ne(accountConnections.state, 'disconnected'),
      ),
    )
}

/** A reported quota as the publishing engine reads it. */
export interface ReportedQuotaRow {
  used: number
  total: number
  windowSeconds: number
  checkedAt: Date
}

/**
 * The reported quotas of these accounts, across instansi on purpose (the sweeper plans every instansi's due
 * variants at once; the ids come from its own query): only accounts with one.
 */
export async function reportedQuotasOf(
  db: Db,
  accountIds: readonly string[],
): Promise<Map<string, ReportedQuotaRow>> {
  if (accountIds.length === 0) return new Map()
  const rows = await db
    .select({
      accountId: accountConnections.accountId,
      used: accountConnections.quotaUsed,
      total: accountConnections.quotaTotal,
      windowSeconds: accountConnections.quotaWindowSeconds,
      checkedAt: accountConnections.quotaCheckedAt,
    })
    .from(accountConnections)
    .where(
      and(
        inArray(accountConnections.accountId, [...new Set(accountIds)]),
        isNotNull(accountConnections.quotaTotal),
      ),
    )
  const quotas = new Map<string, ReportedQuotaRow>()
  for (const row of rows)
    if (row.used !== null && row.total !== null && row.windowSeconds !== null && row.checkedAt !== null)
      quotas.set(row.accountId, {
        used: row.used,
        total: row.total,
        windowSeconds: row.windowSeconds,
        checkedAt: row.checkedAt,
      })
  return quotas
}
