// account_connections: one row per connected (or once connected) official account: its sealed credentials and
// its health. Every query filters on instansi_id, except the key rotation, which walks every instansi on purpose.
import { and, asc, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accountConnections, type ConnectionState } from './schema/index.ts'

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

/** The last error; `needsReconnect` moves a connected account to needs_reconnect (auth_expired). */
export async function recordConnectionError(
  db: Db,
  instansiId: string,
  accountId: string,
  error: { kind: string; message: string; needsReconnect: boolean },
  now: Date,
): Promise<void> {
  await db
    .update(accountConnections)
    .set({
      lastErrorKind: error.kind,
      lastErrorMessage: error.message,
      lastErrorAt: now,
      updatedAt: now,
      ...(error.needsReconnect ? { state: 'needs_reconnect' } : {}),
    })
    .where(
      and(
        eq(accountConnections.instansiId, instansiId),
        eq(accountConnections.accountId, accountId),
        ne(accountConnections.state, 'disconnected'),
      ),
    )
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
