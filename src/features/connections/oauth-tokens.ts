// An OAuth connection's tokens live inside the account's sealed credentials, under one reserved key, beside what
// the platform's connector reads: one sealed value, so key rotation re-seals them too and a refresh replaces both
// with one compare-and-set. The connector never sees the reserved key.
import type { ConnectorCredentials } from '../../connectors/connector.ts'
import type { OAuthTokens } from '../../connectors/oauth.ts'

export const OAUTH_TOKENS_KEY = 'warta:oauth-tokens'

interface StoredTokens {
  accessToken: string
  refreshToken: string | null
  expiresAt: string | null
  refreshExpiresAt: string | null
  scopes: string[]
  extra: Record<string, string>
}

export function withOAuthTokens(
  credentials: ConnectorCredentials,
  tokens: OAuthTokens,
): Record<string, string> {
  const stored: StoredTokens = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt?.toISOString() ?? null,
    refreshExpiresAt: tokens.refreshExpiresAt?.toISOString() ?? null,
    scopes: [...tokens.scopes],
    extra: { ...tokens.extra },
  }
  return { ...credentials, [OAUTH_TOKENS_KEY]: JSON.stringify(stored) }
}

/** The connector's credentials (without the reserved key) and the OAuth tokens when the account has some. */
export function splitCredentials(all: Readonly<Record<string, string>>): {
  credentials: Record<string, string>
  tokens: OAuthTokens | null
} {
  const { [OAUTH_TOKENS_KEY]: raw, ...credentials } = all
  if (raw === undefined) return { credentials, tokens: null }
  const stored = JSON.parse(raw) as StoredTokens
  return {
    credentials,
    tokens: {
      accessToken: stored.accessToken,
      refreshToken: stored.refreshToken,
      expiresAt: stored.expiresAt ? new Date(stored.expiresAt) : null,
      refreshExpiresAt: stored.refreshExpiresAt ? new Date(stored.refreshExpiresAt) : null,
      scopes: stored.scopes,
      extra: stored.extra,
    },
  }
}

/**
 * When the account must be reconnected at the latest: when its refresh token dies, or, for a token that cannot
 * be refreshed, when the token itself does. Null when nothing forces it (a refreshable token without a limit).
 */
export function reconnectByOf(tokens: OAuthTokens): Date | null {
  if (tokens.refreshToken) return tokens.refreshExpiresAt
  return tokens.expiresAt
}
