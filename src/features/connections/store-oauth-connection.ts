// Storing an OAuth connection once the platform's account is known (the callback, or the person's choice among the
// accounts one login manages): sealed credentials with the tokens inside, the token times, the scopes granted and
// the features a missing scope disables, audited, in one transaction; then the platform's publishing quota is read.
import { ConnectorError } from '../../connectors/connector.ts'
import { missingFeatures, type OAuthConnection, type OAuthTokens } from '../../connectors/oauth.ts'
import {
  getAccountConnection,
  saveConnected,
  saveOAuthDetails,
} from '../../db/account-connections-repository.ts'
import type { AccountRecord } from '../../db/accounts-repository.ts'
import type { Db } from '../../db/client.ts'
import type { Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { requestInboxBackfill } from '../inbox/ingest-poll.ts'
import { keyringOf, type ConnectionDeps } from './account-connector.ts'
import { sealCredentials } from './credential-cipher.ts'
import { oauthSetupOf } from './oauth-client.ts'
import { reconnectByOf, withOAuthTokens } from './oauth-tokens.ts'
import { refreshReportedQuota } from './reported-quota.ts'

export async function storeOAuthConnection(
  deps: ConnectionDeps,
  actor: Actor,
  account: AccountRecord,
  tokens: OAuthTokens,
  connection: OAuthConnection,
  meta: ChangeMeta,
  /** Run first in the same transaction (a pending choice used once); false refuses the whole store. */
  consume?: (tx: Db) => Promise<boolean>,
): Promise<void> {
  const setup = oauthSetupOf(deps, account.platform)
  if (!setup.ok) throw new ConnectorError('rejected', 'OAuth no longer configured')
  const now = deps.clock.now()
  const sealed = sealCredentials(keyringOf(deps), account.id, withOAuthTokens(connection.credentials, tokens))
  const disabled = missingFeatures(setup.provider, tokens.scopes)
  const before = await getAccountConnection(deps.db, account.instansiId, account.id)
  await deps.db.transaction(async (tx) => {
    if (consume && !(await consume(tx))) throw new AppError('not_found', 'connections.oauth.choice_not_found')
    await saveConnected(tx, {
      accountId: account.id,
      instansiId: account.instansiId,
      platform: account.platform,
      credentials: sealed.ciphertext,
      credentialsKeyId: sealed.keyId,
      platformAccountId: connection.platformAccountId,
      platformHandle: connection.handle,
      now,
    })
    await saveOAuthDetails(tx, account.instansiId, account.id, {
      tokenExpiresAt: tokens.expiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      reconnectBy: reconnectByOf(tokens),
      grantedScopes: [...tokens.scopes],
      missingFeatures: disabled,
    })
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
        // Never the tokens: who they belong to and what they allow.
        before: before ? { state: before.state, platformAccountId: before.platformAccountId } : undefined,
        after: {
          state: 'connected',
          via: 'oauth',
          platformAccountId: connection.platformAccountId,
          platformHandle: connection.handle,
          scopes: [...tokens.scopes],
          missingFeatures: disabled,
          ...(consume ? { chosen: true } : {}),
        },
      },
      now,
    )
  })
  // The health shows the platform's publishing quota from the start (Instagram, Threads); never fails the connect.
  await refreshReportedQuota(deps, account.instansiId, account.id)
}
