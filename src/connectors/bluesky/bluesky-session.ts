// The account's session with its PDS, as an @atproto/api session manager (what Agent takes): every XRPC call goes through
// fetchHandler, which adds the access token, refreshes it before it runs out (or when the PDS says ExpiredToken),
// and hands refreshed tokens to the app through saveCredentials.
//
// createSession runs only when the stored credentials hold an app password and no session yet (connecting the
// account): Bluesky allows 30 logins per 5 minutes and 300 per day per account, and exceeding that locks the
// account out for a day (platforms.md §7.2). Afterwards only the tokens are stored; refresh tokens rotate on every
// refresh and live 90 days, so an account in use never needs its app password again, and one that lost its session
// answers `auth_expired` (reconnect) rather than logging in behind the penanggung jawab's back.
import { Agent } from '@atproto/api'
import { ConnectorError, type ConnectorContext, type ConnectorCredentials } from '../connector.ts'

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social'
/** Refresh when the access token has less than this left (PDS access tokens live 120 minutes). */
const REFRESH_MARGIN_MS = 5 * 60_000

/** What this connector stores as the account's credentials (encrypted at rest by the app). */
export interface BlueskyCredentials {
  /** The PDS, e.g. https://bsky.social (or the account's own PDS). */
  service: string
  /** Handle or DID to log in with; the account's handle when absent. */
  identifier?: string
  /** Only until the first session exists. */
  appPassword?: string
  did?: string
  handle?: string
  accessJwt?: string
  refreshJwt?: string
}

export function readBlueskyCredentials(credentials: ConnectorCredentials): BlueskyCredentials {
  return {
    service: credentials.service || DEFAULT_BLUESKY_SERVICE,
    identifier: credentials.identifier || undefined,
    appPassword: credentials.appPassword || undefined,
    did: credentials.did || undefined,
    handle: credentials.handle || undefined,
    accessJwt: credentials.accessJwt || undefined,
    refreshJwt: credentials.refreshJwt || undefined,
  }
}

function toStored(credentials: BlueskyCredentials): ConnectorCredentials {
  return Object.fromEntries(
    Object.entries(credentials).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

/** When the JWT stops working (its `exp`), or undefined when it cannot be read (then only the PDS can tell). */
export function tokenExpiry(jwt: string): Date | undefined {
  const payload = jwt.split('.')[1]
  if (!payload) return undefined
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined
  } catch {
    return undefined
  }
}

interface SessionTokens {
  did: string
  handle: string
  accessJwt: string
  refreshJwt: string
}

async function isExpiredTokenAnswer(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false
  try {
    const body = (await response.clone().json()) as { error?: unknown }
    return body.error === 'ExpiredToken'
  } catch {
    return false
  }
}

export class BlueskySession {
  private credentials: BlueskyCredentials
  private refreshing: Promise<SessionTokens> | undefined
  private readonly http: typeof fetch

  private readonly context: ConnectorContext
  private readonly timeoutMs: number

  constructor(context: ConnectorContext, timeoutMs: number) {
    this.context = context
    this.timeoutMs = timeoutMs
    this.credentials = readBlueskyCredentials(context.credentials)
    const base = context.fetch ?? globalThis.fetch
    // Every request gets a deadline: a PDS that accepts a connection and never answers must not hold a job.
    this.http = (input, init) => {
      const deadline = AbortSignal.timeout(this.timeoutMs)
      const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline
      return base(input, { ...init, signal })
    }
  }

  get did(): string | undefined {
    return this.credentials.did
  }

  get service(): string {
    return this.credentials.service
  }

  /** An agent without the account's session, for createSession / refreshSession themselves. */
  private plainAgent(headers: Record<string, string> = {}): Agent {
    return new Agent({ service: this.credentials.service, fetch: this.http, headers })
  }

  private async store(tokens: SessionTokens): Promise<SessionTokens> {
    const next: BlueskyCredentials = {
      service: this.credentials.service,
      identifier: this.credentials.identifier,
      did: tokens.did,
      handle: tokens.handle,
      accessJwt: tokens.accessJwt,
      refreshJwt: tokens.refreshJwt,
    }
    await this.context.saveCredentials(toStored(next))
    this.credentials = next
    return tokens
  }

  private async createSession(): Promise<SessionTokens> {
    const identifier = this.credentials.identifier ?? this.context.account.handle
    if (!this.credentials.appPassword || !identifier)
      throw new ConnectorError('auth_expired', 'no Bluesky session and no app password to start one', {
        reason: { key: 'bluesky.credentials_missing' },
      })
    const { data } = await this.plainAgent().com.atproto.server.createSession({
      identifier,
      password: this.credentials.appPassword,
    })
    return this.store(data)
  }

  /** One refresh at a time: a second caller waits for the first (the old refresh token is spent by then). */
  refresh(): Promise<SessionTokens> {
    this.refreshing ??= (async () => {
      try {
        const refreshJwt = this.credentials.refreshJwt
        if (!refreshJwt) return await this.createSession()
        const { data } = await this.plainAgent({
          authorization: `Bearer ${refreshJwt}`,
        }).com.atproto.server.refreshSession()
        return await this.store(data)
      } finally {
        this.refreshing = undefined
      }
    })()
    return this.refreshing
  }

  private async accessToken(): Promise<string> {
    const { accessJwt, refreshJwt } = this.credentials
    if (!accessJwt || !refreshJwt) return (await this.createSession()).accessJwt
    const expiry = tokenExpiry(accessJwt)
    if (expiry && expiry.getTime() - this.context.now().getTime() < REFRESH_MARGIN_MS)
      return (await this.refresh()).accessJwt
    return accessJwt
  }

  private send(url: string, init: RequestInit, accessJwt: string): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('authorization', `Bearer ${accessJwt}`)
    return this.http(new URL(url, this.credentials.service), { ...init, headers })
  }

  fetchHandler = async (url: string, init: RequestInit): Promise<Response> => {
    const response = await this.send(url, init, await this.accessToken())
    if (!(await isExpiredTokenAnswer(response))) return response
    // The token ran out earlier than its `exp` said (clock skew, or revoked and reissued): refresh once, retry once.
    const { accessJwt } = await this.refresh()
    return this.send(url, init, accessJwt)
  }
}
