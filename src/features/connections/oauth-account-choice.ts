// Choosing the account when one OAuth login manages several (issue #8): a Humas admin's Facebook Login often holds
// the Pemda's, the Bupati's and the Dinas' Pages, and picking one silently may publish on the wrong Page.
//
// At the callback (decideAccount): no postable account → say what to check; one, or exactly one the registry names
// (the account's current platform id, its handle as the Page's username or id, its display name) → connect it
// unless another Warta account of the instansi holds it (one Page, one account); else the exchanged user token is
// kept sealed as a pending choice (keepOAuthChoice: thirty minutes, for the account and the user who started) and
// the browser goes back to the account to choose. The person then reads the choice (getOAuthChoice: each account
// with the one holding it, if any) and chooses (chooseOAuthAccount): the provider connects that account with its
// own token, audited, and the pending choice is deleted in the same transaction (used once).
import { randomUUID } from 'node:crypto'
import {
  CHOSEN_ACCOUNT,
  type OAuthAccountOption,
  type OAuthConnection,
  type OAuthTokens,
} from '../../connectors/oauth.ts'
import { isConnectorError } from '../../connectors/connector.ts'
import { getAccountConnection, listHoldersOfPlatformIds } from '../../db/account-connections-repository.ts'
import { getAccount, type AccountRecord } from '../../db/accounts-repository.ts'
import {
  deleteExpiredOAuthChoices,
  deleteOAuthChoice,
  findOAuthChoice,
  insertOAuthChoice,
  type OAuthChoiceRow,
} from '../../db/oauth-choices-repository.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import type { ChangeMeta } from '../audit/record-change.ts'
import { keyringOf, type ConnectionDeps } from './account-connector.ts'
import { openCredentials, sealCredentials } from './credential-cipher.ts'
import { getConnectionHealth, type ConnectionHealth } from './manage-connections.ts'
import { oauthSetupOf } from './oauth-client.ts'
import { splitCredentials, withOAuthTokens } from './oauth-tokens.ts'
import { storeOAuthConnection } from './store-oauth-connection.ts'

export const OAUTH_CHOICE_MINUTES = 30

export interface ChoiceDeps extends ConnectionDeps {
  fetch?: typeof globalThis.fetch
}

function labelOf(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform
}

/** Page usernames ignore case and dots (facebook.com/Humas.Kota is facebook.com/humaskota). */
const handleKey = (handle: string) => handle.toLowerCase().replaceAll('.', '').trim()
const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim()

/** Whether the registry names this option for the account (or it is the one the account is connected to). */
function namedByRegistry(
  option: OAuthAccountOption,
  account: AccountRecord,
  currentId: string | null,
): boolean {
  if (currentId !== null && option.platformAccountId === currentId) return true
  if (option.platformAccountId === account.handle) return true
  if (option.handle && handleKey(option.handle) === handleKey(account.handle)) return true
  return Boolean(account.displayName && option.name && nameKey(option.name) === nameKey(account.displayName))
}

export type AccountDecision =
  | { kind: 'none' }
  | { kind: 'connect'; platformAccountId: string }
  | { kind: 'in_use'; platformAccountId: string; heldBy: string }
  | { kind: 'choose' }

/** What the callback does with the accounts a login manages. */
export async function decideAccount(
  deps: Pick<ConnectionDeps, 'db'>,
  account: AccountRecord,
  options: readonly OAuthAccountOption[],
): Promise<AccountDecision> {
  if (options.length === 0) return { kind: 'none' }
  const current = await getAccountConnection(deps.db, account.instansiId, account.id)
  const named =
    options.length === 1
      ? options
      : options.filter((option) => namedByRegistry(option, account, current?.platformAccountId ?? null))
  if (named.length !== 1) return { kind: 'choose' }
  const platformAccountId = named[0]!.platformAccountId
  const holder = (
    await listHoldersOfPlatformIds(deps.db, account.instansiId, account.platform, [platformAccountId])
  ).find((row) => row.accountId !== account.id)
  return holder
    ? { kind: 'in_use', platformAccountId, heldBy: holder.handle }
    : { kind: 'connect', platformAccountId }
}

/** The tokens naming the chosen account: connectionOf connects it, and a refresh finds it again. */
export function withChosenAccount(tokens: OAuthTokens, platformAccountId: string): OAuthTokens {
  return { ...tokens, extra: { ...tokens.extra, [CHOSEN_ACCOUNT]: platformAccountId } }
}

/** Keeps the exchanged tokens sealed until the person chooses; returns the choice's id. */
export async function keepOAuthChoice(
  deps: ConnectionDeps,
  input: {
    account: AccountRecord
    userId: string
    tokens: OAuthTokens
    options: readonly OAuthAccountOption[]
  },
): Promise<string> {
  const now = deps.clock.now()
  const id = randomUUID()
  const sealed = sealCredentials(keyringOf(deps), input.account.id, withOAuthTokens({}, input.tokens))
  await deleteExpiredOAuthChoices(deps.db, input.account.instansiId, now)
  await insertOAuthChoice(deps.db, {
    id,
    instansiId: input.account.instansiId,
    accountId: input.account.id,
    userId: input.userId,
    platform: input.account.platform,
    tokens: sealed.ciphertext,
    tokensKeyId: sealed.keyId,
    options: input.options.map((option) => ({
      platformAccountId: option.platformAccountId,
      name: option.name,
      handle: option.handle,
      category: option.category,
      url: option.url,
    })),
    expiresAt: new Date(now.getTime() + OAUTH_CHOICE_MINUTES * 60_000),
  })
  return id
}

export interface OAuthChoiceOptionView extends OAuthAccountOption {
  /** The registry names this one for the account. */
  suggested: boolean
  /** Another Warta account of the instansi holds it: it cannot be chosen. */
  usedBy: { accountId: string; handle: string } | null
}

export interface OAuthChoiceView {
  choiceId: string
  accountId: string
  platform: string
  expiresAt: string
  options: OAuthChoiceOptionView[]
}

/** The pending choice of this account, only for the user who started it and only before it expires. */
async function loadChoice(
  deps: ChoiceDeps,
  actor: Actor,
  accountId: string,
  choiceId: string,
): Promise<{ account: AccountRecord; choice: OAuthChoiceRow }> {
  const account = await getAccount(deps.db, actor.instansiId, accountId)
  if (!account) throw new AppError('not_found', 'accounts.not_found')
  authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  const platform = labelOf(account.platform)
  const choice = await findOAuthChoice(deps.db, account.instansiId, choiceId)
  if (!choice || choice.accountId !== account.id)
    throw new AppError('not_found', 'connections.oauth.choice_not_found')
  if (choice.userId !== actor.userId)
    throw new AppError('forbidden', 'connections.oauth.choice_foreign', { platform })
  if (choice.expiresAt <= deps.clock.now())
    throw new AppError('precondition_failed', 'connections.oauth.choice_expired', {
      platform,
      minutes: OAUTH_CHOICE_MINUTES,
    })
  return { account, choice }
}

export async function getOAuthChoice(
  deps: ChoiceDeps,
  actor: Actor,
  accountId: string,
  choiceId: string,
): Promise<OAuthChoiceView> {
  const { account, choice } = await loadChoice(deps, actor, accountId, choiceId)
  const holders = await listHoldersOfPlatformIds(
    deps.db,
    account.instansiId,
    account.platform,
    choice.options.map((option) => option.platformAccountId),
  )
  const current = await getAccountConnection(deps.db, account.instansiId, account.id)
  return {
    choiceId: choice.id,
    accountId: account.id,
    platform: account.platform,
    expiresAt: choice.expiresAt.toISOString(),
    options: choice.options.map((option) => {
      const holder = holders.find(
        (row) => row.platformAccountId === option.platformAccountId && row.accountId !== account.id,
      )
      return {
        ...option,
        suggested: namedByRegistry(option, account, current?.platformAccountId ?? null),
        usedBy: holder ? { accountId: holder.accountId, handle: holder.handle } : null,
      }
    }),
  }
}

export async function chooseOAuthAccount(
  deps: ChoiceDeps,
  actor: Actor,
  accountId: string,
  input: { choiceId: string; platformAccountId: string },
  meta: ChangeMeta,
): Promise<ConnectionHealth> {
  const { account, choice } = await loadChoice(deps, actor, accountId, input.choiceId)
  const platform = labelOf(account.platform)
  if (!choice.options.some((option) => option.platformAccountId === input.platformAccountId))
    throw new AppError(
      'invalid_input',
      'connections.oauth.choice_unknown',
      { platform },
      { platformAccountId: problem('connections.oauth.choice_unknown', { platform }) },
    )
  const [holder] = (
    await listHoldersOfPlatformIds(deps.db, account.instansiId, account.platform, [input.platformAccountId])
  ).filter((row) => row.accountId !== account.id)
  if (holder)
    throw new AppError('conflict', 'connections.oauth.account_in_use', { platform, handle: holder.handle })
  const setup = oauthSetupOf(deps, account.platform)
  if (!setup.ok)
    throw new AppError('invalid_input', 'connections.oauth.not_configured', {
      platform,
      variable: `WARTA_OAUTH_${account.platform.toUpperCase()}`,
    })
  const { tokens: kept } = splitCredentials(openCredentials(keyringOf(deps), account.id, choice.tokens))
  if (!kept) throw new AppError('not_found', 'connections.oauth.choice_not_found')
  const tokens = withChosenAccount(kept, input.platformAccountId)
  let connection: OAuthConnection
  try {
    connection = await setup.provider.connectionOf(tokens, deps.fetch ?? globalThis.fetch)
  } catch (error) {
    if (!isConnectorError(error)) throw error
    if (error.kind === 'rate_limited') throw new AppError('rate_limited', 'connections.error.rate_limited')
    if (error.kind === 'unavailable' || error.kind === 'unknown_outcome')
      throw new AppError('unavailable', 'connections.platform_unreachable')
    if (error.reason) throw new AppError('invalid_input', error.reason.key, error.reason.params)
    throw new AppError('invalid_input', 'connections.credentials_refused', {
      reason: error.platformMessage ?? error.message,
    })
  }
  // The choice is used once: deleted in the connection's transaction (a second request finds it gone).
  await storeOAuthConnection(deps, actor, account, tokens, connection, meta, (tx) =>
    deleteOAuthChoice(tx, account.instansiId, choice.id),
  )
  return getConnectionHealth(deps, actor, account.id)
}
