// Connecting an official account to its platform, disconnecting it, and reading its health (with the publishing
// quota the platform reported, reported-quota.ts, and its platform's metered units today, metered-quota.ts).
// Connecting checks the credentials with the connector's verify() before anything is stored; they are stored sealed
// (credential-cipher.ts) and never leave the server again. A sandbox account (Mode Latihan) needs no credentials:
// connecting creates its simulated account on the sandbox network and stores the token the network issues.
import {
  isConnectorError,
  type ConnectorCapabilities,
  type ConnectorErrorKind,
} from '../../connectors/connector.ts'
import type { OAuthFeature } from '../../connectors/oauth.ts'
import { capabilitiesOf, hasConnector } from '../../connectors/registry.ts'
import {
  getAccountConnection,
  saveConnected,
  saveDisconnected,
  saveOAuthDetails,
  type AccountConnectionRow,
} from '../../db/account-connections-repository.ts'
import { getAccount, type AccountRecord } from '../../db/accounts-repository.ts'
import { getCursor } from '../../db/inbox-repository.ts'
import { meteredUnitsOn } from '../../db/metered-quota-usage-repository.ts'
import { revokeSandboxToken } from '../../db/sandbox-accounts-repository.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import type { ConnectionStateName } from '../../shared/statuses.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { inboxLagOf, type InboxLag } from '../inbox/inbox-lag.ts'
import { readablePlatforms, requestInboxBackfill } from '../inbox/ingest-poll.ts'
import { provisionSandboxAccount } from '../sandbox/sandbox-network-store.ts'
import {
  connectorRegistryOf,
  keyringOf,
  meterFor,
  recordConnectorError,
  runForAccount,
  storeMeteredUnits,
  type ConnectionDeps,
} from './account-connector.ts'
import { dailyUnitsOf, meteredQuotaOf, type DailyUnits } from './metered-quota.ts'
import { keepReportedQuota, quotaFromVerify, readPublishingQuota } from './reported-quota.ts'
import { sealCredentials } from './credential-cipher.ts'
import { oauthOffer } from './oauth-client.ts'
import { OAUTH_TOKENS_KEY } from './oauth-tokens.ts'

export interface ConnectionHealth {
  accountId: string
  platform: string
  /** Whether Warta has a connector for the platform (the UI offers "Hubungkan" only then). */
  connectable: boolean
  /** Whether the platform connects without credentials (the sandbox). */
  needsCredentials: boolean
  state: ConnectionStateName
  platformAccountId: string | null
  platformHandle: string | null
  /** ISO times. */
  connectedAt: string | null
  lastSuccessAt: string | null
  /** The last failure: its kind (ConnectorErrorKind), the platform's own words, and when. */
  lastError: { kind: ConnectorErrorKind; message: string; at: string } | null
  capabilities: ConnectorCapabilities | null
  /**
   * Connecting through the platform's OAuth: offered, or why not — the platform has no OAuth flow in Warta
   * (`not_oauth`: it connects with credentials or not at all) or this deployment has no client registered with it
   * (`not_configured`: WARTA_OAUTH_<PLATFORM>_CLIENT_ID / _CLIENT_SECRET).
   */
  oauth: { offered: boolean; unavailableReason: 'not_oauth' | 'not_configured' | null }
  /** An OAuth connection's token times (ISO), the scopes granted and the features a missing scope disables. */
  tokenExpiresAt: string | null
  refreshExpiresAt: string | null
  reconnectBy: string | null
  grantedScopes: string[] | null
  missingFeatures: OAuthFeature[]
  /**
   * The publishing quota the platform last reported for this account (Instagram's content_publishing_limit):
   * `used` of `total` posts in a moving window of `windowSeconds`, read at `checkedAt` (ISO); null when the
   * platform reports none or it was never read.
   */
  publishingQuota: { used: number; total: number; windowSeconds: number; checkedAt: string } | null
  /**
   * A metered daily quota counted by Warta (YouTube's units): the deployment's use today, shared by every account
   * of the platform (one Google Cloud project per Warta), and when it resets (ISO); null for other platforms.
   */
  dailyUnits: DailyUnits | null
  /** How the inbox keeps up with the account (inbox-lag.ts); null for a platform whose comments are not read. */
  inbox: InboxLag | null
}

function labelOf(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform
}

function healthOf(
  deps: Pick<ConnectionDeps, 'connectors' | 'config'>,
  account: AccountRecord,
  connection: AccountConnectionRow | undefined,
  dailyUnits: DailyUnits | null,
  inbox: InboxLag | null,
): ConnectionHealth {
  return {
    accountId: account.id,
    platform: account.platform,
    connectable: hasConnector(account.platform, deps.connectors),
    needsCredentials: account.platform !== 'sandbox',
    state: connection?.state ?? 'not_connected',
    platformAccountId: connection?.platformAccountId ?? null,
    platformHandle: connection?.platformHandle ?? null,
    connectedAt: connection?.connectedAt?.toISOString() ?? null,
    lastSuccessAt: connection?.lastSuccessAt?.toISOString() ?? null,
    lastError:
      connection?.lastErrorKind && connection.lastErrorAt
        ? {
            kind: connection.lastErrorKind as ConnectorErrorKind,
            message: connection.lastErrorMessage ?? '',
            at: connection.lastErrorAt.toISOString(),
          }
        : null,
    capabilities: capabilitiesOf(account.platform, deps.connectors) ?? null,
    oauth: oauthOffer(deps, account.platform),
    tokenExpiresAt: connection?.tokenExpiresAt?.toISOString() ?? null,
    refreshExpiresAt: connection?.refreshExpiresAt?.toISOString() ?? null,
    reconnectBy: connection?.reconnectBy?.toISOString() ?? null,
    grantedScopes: connection?.grantedScopes ?? null,
    missingFeatures: (connection?.missingFeatures ?? []) as OAuthFeature[],
    publishingQuota:
      connection &&
      connection.quotaUsed !== null &&
      connection.quotaTotal !== null &&
      connection.quotaWindowSeconds !== null &&
      connection.quotaCheckedAt !== null
        ? {
            used: connection.quotaUsed,
            total: connection.quotaTotal,
            windowSeconds: connection.quotaWindowSeconds,
            checkedAt: connection.quotaCheckedAt.toISOString(),
          }
        : null,
    dailyUnits,
    inbox,
  }
}

/** The account's health as stored now: its connection, and today's metered units of its platform. */
async function currentHealth(deps: ConnectionDeps, account: AccountRecord): Promise<ConnectionHealth> {
  const connection = await getAccountConnection(deps.db, account.instansiId, account.id)
  const rule = meteredQuotaOf(account.platform)
  const now = deps.clock.now()
  const dailyUnits = rule
    ? dailyUnitsOf(rule, await meteredUnitsOn(deps.db, account.platform, rule.dayOf(now)), now)
    : null
  const inbox = readablePlatforms(deps.connectors).includes(account.platform)
    ? inboxLagOf(await getCursor(deps.db, account.id), connection?.state ?? 'not_connected', now)
    : null
  return healthOf(deps, account, connection, dailyUnits, inbox)
}

async function loadAccount(deps: ConnectionDeps, actor: Actor, accountId: string): Promise<AccountRecord> {
  const account = await getAccount(deps.db, actor.instansiId, accountId)
  if (!account) throw new AppError('not_found', 'accounts.not_found')
  return account
}

export async function getConnectionHealth(
  deps: ConnectionDeps,
  actor: Actor,
  accountId: string,
): Promise<ConnectionHealth> {
  const account = await loadAccount(deps, actor, accountId)
  authorize(actor, 'account.read', { instansiId: account.instansiId, unitPath: account.unitPath })
  return currentHealth(deps, account)
}

export async function connectAccount(
  deps: ConnectionDeps,
  actor: Actor,
  accountId: string,
  input: { credentials?: Record<string, string> | undefined },
  meta: ChangeMeta,
): Promise<ConnectionHealth> {
  const account = await loadAccount(deps, actor, accountId)
  authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  const platform = labelOf(account.platform)
  if (!hasConnector(account.platform, deps.connectors))
    throw new AppError('invalid_input', 'connections.platform_unsupported', { platform })
  // The reserved key of OAuth tokens is the app's, never a caller's.
  let credentials =
    input.credentials &&
    Object.fromEntries(Object.entries(input.credentials).filter(([key]) => key !== OAUTH_TOKENS_KEY))
  if (!credentials || Object.keys(credentials).length === 0) {
    if (account.platform !== 'sandbox')
      throw new AppError(
        'invalid_input',
        'connections.credentials_required',
        { platform },
        {
          credentials: problem('connections.credentials_required', { platform }),
        },
      )
    const issued = await provisionSandboxAccount(deps.db, account.instansiId, {
      handle: account.handle,
      displayName: account.displayName,
    })
    credentials = { token: issued.token }
  }
  // verify() may refresh a session: keep what the connector hands back, it is what gets sealed.
  let current: Record<string, string> = { ...credentials }
  const tally = meterFor(deps, account.platform)
  const connector = connectorRegistryOf(deps).connectorFor(account.platform, {
    account: { handle: account.handle, platformAccountId: null },
    credentials,
    saveCredentials: (fresh) => {
      current = { ...fresh }
      return Promise.resolve()
    },
    now: () => deps.clock.now(),
    ...(tally ? { meter: tally.meter } : {}),
  })
  let who: { platformAccountId: string; handle: string }
  let quota: Awaited<ReturnType<typeof readPublishingQuota>>
  try {
    const verified = await connector.verify()
    who = verified
    quota = await readPublishingQuota(connector, quotaFromVerify(verified))
  } catch (error) {
    if (!isConnectorError(error)) throw error
    await storeMeteredUnits(deps, account.platform, tally)
    await recordConnectorError(deps, account, error)
    if (error.kind === 'auth_expired' || error.kind === 'rejected') {
      const reason = error.platformMessage ?? error.message
      throw new AppError(
        'invalid_input',
        'connections.credentials_refused',
        { reason },
        { credentials: problem('connections.credentials_refused', { reason }) },
      )
    }
    if (error.kind === 'rate_limited') throw new AppError('rate_limited', 'connections.error.rate_limited')
    throw new AppError('unavailable', 'connections.platform_unreachable')
  }
  const now = deps.clock.now()
  const sealed = sealCredentials(keyringOf(deps), account.id, current)
  const before = await getAccountConnection(deps.db, account.instansiId, account.id)
  await deps.db.transaction(async (tx) => {
    await saveConnected(tx, {
      accountId: account.id,
      instansiId: account.instansiId,
      platform: account.platform,
      credentials: sealed.ciphertext,
      credentialsKeyId: sealed.keyId,
      platformAccountId: who.platformAccountId,
      platformHandle: who.handle,
      now,
    })
    // Credentials replace an OAuth grant the account had: its token times and scopes no longer apply.
    await saveOAuthDetails(tx, account.instansiId, account.id, null)
    // Backfill on connect: the inbox reads the account's last week (or, reconnected, what it missed).
    await requestInboxBackfill(tx, account, deps.connectors)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'account.connect',
        objectType: 'account',
        objectId: account.id,
        // Never the credentials: only who they belong to.
        before: before ? { state: before.state, platformAccountId: before.platformAccountId } : undefined,
        after: { state: 'connected', platformAccountId: who.platformAccountId, platformHandle: who.handle },
      },
      now,
    )
  })
  await storeMeteredUnits(deps, account.platform, tally)
  await keepReportedQuota(deps, account, quota)
  return currentHealth(deps, account)
}

export async function disconnectAccount(
  deps: ConnectionDeps,
  actor: Actor,
  accountId: string,
  meta: ChangeMeta,
): Promise<ConnectionHealth> {
  const account = await loadAccount(deps, actor, accountId)
  authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  const before = await getAccountConnection(deps.db, account.instansiId, account.id)
  if (!before || before.state === 'disconnected') return currentHealth(deps, account)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await saveDisconnected(tx, account.instansiId, account.id, now)
    // The simulated account's token stops working, as revoking an app's access does on a real platform.
    if (account.platform === 'sandbox' && before.platformAccountId)
      await revokeSandboxToken(tx, account.instansiId, before.platformAccountId)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'account.disconnect',
        objectType: 'account',
        objectId: account.id,
        before: { state: before.state, platformAccountId: before.platformAccountId },
        after: { state: 'disconnected' },
      },
      now,
    )
  })
  return currentHealth(deps, account)
}

/** Asks the platform who the credentials belong to now, and records the answer as the account's health. */
export async function checkConnection(
  deps: ConnectionDeps,
  actor: Actor,
  accountId: string,
): Promise<ConnectionHealth> {
  const account = await loadAccount(deps, actor, accountId)
  authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  try {
    const quota = await runForAccount(deps, actor.instansiId, accountId, async (connector) =>
      readPublishingQuota(connector, quotaFromVerify(await connector.verify())),
    )
    await keepReportedQuota(deps, account, quota)
  } catch (error) {
    // The health now says what went wrong; the answer is the health, not an error.
    if (!isConnectorError(error)) throw error
  }
  return currentHealth(deps, account)
}
