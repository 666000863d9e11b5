// Runs a connector call for a registered account and records the account's health: the publishing engine, the
// inbox and the health check all go through `runForAccount`, so the last error (and needs_reconnect when the
// credentials stopped working) is recorded in one place, and so are the units of a metered quota the calls cost
// (metered-quota.ts: tallied in memory, stored in one upsert when the operation returns). It also builds the
// connector registry over the app's ports (the sandbox network lives in this database).
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { ConnectorError, MeteredCall } from '../../connectors/connector.ts'
import { isConnectorError, type Connector, type ConnectorCredentials } from '../../connectors/connector.ts'
import {
  createConnectorRegistry,
  type ConnectorRegistry,
  type DefinitionOverrides,
} from '../../connectors/registry.ts'
import type { SandboxNetwork } from '../../connectors/sandbox/sandbox-network.ts'
import type { Db } from '../../db/client.ts'
import {
  getAccountConnection,
  recordConnectionError,
  recordConnectionSuccess,
  saveCredentials,
  type AccountConnectionRow,
} from '../../db/account-connections-repository.ts'
import { getAccount, type AccountRecord } from '../../db/accounts-repository.ts'
import { addMeteredUnits } from '../../db/metered-quota-usage-repository.ts'
import { AppError } from '../app-error.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import {
  CredentialsUnreadableError,
  openCredentials,
  sealCredentials,
  type CredentialKeyring,
} from './credential-cipher.ts'
import { createMeterTally, meteredQuotaOf, type MeterTally } from './metered-quota.ts'
import { OAUTH_TOKENS_KEY, splitCredentials } from './oauth-tokens.ts'
import { noticeReconnectNeeded } from './reconnect-notice.ts'

export interface ConnectionDeps {
  db: Db
  clock: Clock
  /** The deployment secret (credentials are sealed under a key derived from it) and the ones before it. */
  secret: string
  previousSecrets: readonly string[]
  config: {
    sandboxFaults: boolean
    /** The deployment's OAuth clients by platform and its public address (for the callback); absent: no OAuth. */
    oauthClients?: Config['oauthClients']
    publicUrl?: string
    /** The deployment's mail (the API hands in its whole config); without it notices stay in the app. */
    mail?: Config['mail']
  }
  /** Whether notices may be mailed; when absent, whether `config.mail` is set. */
  mailEnabled?: boolean | undefined
  /** Tests hand in a sandbox network with forced faults; otherwise one over `db` is made. */
  sandboxNetwork?: SandboxNetwork
  /** Tests hand in fake platform definitions (an OAuth provider, a webhook verifier); production has none. */
  connectors?: DefinitionOverrides
}

export function keyringOf(deps: Pick<ConnectionDeps, 'secret' | 'previousSecrets'>): CredentialKeyring {
  return { current: deps.secret, previous: deps.previousSecrets }
}

export function connectorRegistryOf(deps: ConnectionDeps): ConnectorRegistry {
  const sandboxNetwork =
    deps.sandboxNetwork ??
    createSandboxNetwork(deps, { faults: deps.config.sandboxFaults ? 'settings' : 'off' })
  return createConnectorRegistry({ sandboxNetwork }, deps.connectors)
}

/**
 * A connector for an account with the given credentials (the stored ones: an OAuth connection's tokens are kept
 * from the connector and stay beside what it saves); refreshed credentials are sealed and stored at once.
 */
export function connectorWith(
  deps: ConnectionDeps,
  account: AccountRecord,
  stored: ConnectorCredentials,
  platformAccountId: string | null,
  meter?: (call: MeteredCall) => void,
): Connector {
  const { credentials } = splitCredentials(stored)
  return connectorRegistryOf(deps).connectorFor(account.platform, {
    account: { handle: account.handle, platformAccountId },
    credentials,
    saveCredentials: async (fresh) => {
      const kept = stored[OAUTH_TOKENS_KEY]
      const whole = kept === undefined ? fresh : { ...fresh, [OAUTH_TOKENS_KEY]: kept }
      const sealed = sealCredentials(keyringOf(deps), account.id, whole)
      await saveCredentials(
        deps.db,
        account.instansiId,
        account.id,
        { credentials: sealed.ciphertext, credentialsKeyId: sealed.keyId },
        deps.clock.now(),
      )
    },
    now: () => deps.clock.now(),
    ...(meter ? { meter } : {}),
  })
}

/** A tally for the platform's metered quota (YouTube's daily units), or undefined when it has none. */
export function meterFor(deps: Pick<ConnectionDeps, 'clock'>, platform: string): MeterTally | undefined {
  const rule = meteredQuotaOf(platform)
  return rule ? createMeterTally(rule, () => deps.clock.now()) : undefined
}

/**
 * Stores what the tally counted, in one upsert after the connector call (not one per API call). Never throws: a
 * lost count must not turn a publish that happened into a failure (and a publish again).
 */
export async function storeMeteredUnits(
  deps: Pick<ConnectionDeps, 'db' | 'clock'>,
  platform: string,
  tally: MeterTally | undefined,
): Promise<void> {
  const days = tally?.take() ?? []
  if (days.length === 0) return
  try {
    await addMeteredUnits(deps.db, platform, days, deps.clock.now())
  } catch {
    // The count is advisory (health shows it); the platform keeps the real one.
  }
}

/** The text kept as the last error: the platform's own words when it gave some. */
export function errorMessageOf(error: ConnectorError): string {
  const code = error.platformCode ? `${error.platformCode}: ` : ''
  return `${code}${error.platformMessage ?? error.message}`.slice(0, 500)
}

/**
 * Records a connector's error as the account's health, in its own transaction. This (or recordConnectorErrorIn,
 * for a caller already in one) is the one way an account becomes needs_reconnect: every path (publishing, metrics,
 * verify, the OAuth callback, the token refresh) goes through it, so the account's people are told here, once
 * per entry into needs_reconnect.
 */
export async function recordConnectorError(
  deps: Pick<ConnectionDeps, 'db' | 'clock' | 'mailEnabled'> & { config?: { mail?: Config['mail'] } },
  account: { instansiId: string; id: string },
  error: ConnectorError,
): Promise<void> {
  await deps.db.transaction((tx) => recordConnectorErrorIn(tx, deps, account, error))
}

export async function recordConnectorErrorIn(
  tx: Db,
  deps: Pick<ConnectionDeps, 'clock' | 'mailEnabled'> & { config?: { mail?: Config['mail'] } },
  account: { instansiId: string; id: string },
  error: ConnectorError,
): Promise<void> {
  const now = deps.clock.now()
  const entered = await recordConnectionError(
    tx,
    account.instansiId,
    account.id,
    { kind: error.kind, message: errorMessageOf(error), needsReconnect: error.kind === 'auth_expired' },
    now,
  )
  if (entered)
    await noticeReconnectNeeded(tx, account, {
      mailEnabled: deps.mailEnabled ?? deps.config?.mail !== undefined,
      now,
    })
}

export interface ConnectedAccount {
  account: AccountRecord
  connection: AccountConnectionRow
}

/**
 * Runs `work` with the account's connector and records the outcome as its health: a success as the last success;
 * a ConnectorError as the last error (kind, platform text, time), `auth_expired` also as needs_reconnect; then
 * the error is thrown on for the caller to decide (retry, wait, unconfirmed).
 */
export async function runForAccount<T>(
  deps: ConnectionDeps,
  instansiId: string,
  accountId: string,
  work: (connector: Connector, connected: ConnectedAccount) => Promise<T>,
): Promise<T> {
  const account = await getAccount(deps.db, instansiId, accountId)
  if (!account) throw new AppError('not_found', 'accounts.not_found')
  const connection = await getAccountConnection(deps.db, instansiId, accountId)
  if (!connection?.credentials || connection.state === 'disconnected')
    throw new AppError('conflict', 'connections.not_connected')
  let credentials: Record<string, string>
  try {
    credentials = openCredentials(keyringOf(deps), account.id, connection.credentials)
  } catch (error) {
    if (error instanceof CredentialsUnreadableError)
      throw new AppError('conflict', 'connections.credentials_unreadable')
    throw error
  }
  const tally = meterFor(deps, account.platform)
  const connector = connectorWith(deps, account, credentials, connection.platformAccountId, tally?.meter)
  try {
    const result = await work(connector, { account, connection })
    await storeMeteredUnits(deps, account.platform, tally)
    await recordConnectionSuccess(deps.db, instansiId, accountId, deps.clock.now())
    return result
  } catch (error) {
    await storeMeteredUnits(deps, account.platform, tally)
    if (isConnectorError(error)) await recordConnectorError(deps, account, error)
    throw error
  }
}
