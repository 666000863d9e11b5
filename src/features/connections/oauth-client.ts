// The deployment's registration with a platform's OAuth (config: WARTA_OAUTH_<PLATFORM>_CLIENT_ID / _SECRET) and
// whether connecting through OAuth is offered for a platform, with the reason when it is not.
import type { OAuthClient, OAuthProvider } from '../../connectors/oauth.ts'
import { oauthProviderOf } from '../../connectors/registry.ts'
import type { ConnectionDeps } from './account-connector.ts'

/** Where the platform sends the browser back: registered with the platform as the app's redirect URI. */
export function oauthRedirectUri(publicUrl: string): string {
  return new URL('/api/oauth/callback', publicUrl).toString()
}

export function oauthClientOf(
  deps: Pick<ConnectionDeps, 'config'>,
  platform: string,
): OAuthClient | undefined {
  const registered = deps.config.oauthClients?.[platform]
  if (!registered || !deps.config.publicUrl) return undefined
  return {
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    redirectUri: oauthRedirectUri(deps.config.publicUrl),
  }
}

export type OAuthSetup =
  | { ok: true; provider: OAuthProvider; client: OAuthClient }
  | { ok: false; reason: 'not_oauth' | 'not_configured' }

export function oauthSetupOf(
  deps: Pick<ConnectionDeps, 'config' | 'connectors'>,
  platform: string,
): OAuthSetup {
  const provider = oauthProviderOf(platform, deps.connectors)
  if (!provider) return { ok: false, reason: 'not_oauth' }
  const client = oauthClientOf(deps, platform)
  if (!client) return { ok: false, reason: 'not_configured' }
  return { ok: true, provider, client }
}

export function oauthOffer(
  deps: Pick<ConnectionDeps, 'config' | 'connectors'>,
  platform: string,
): { offered: boolean; unavailableReason: 'not_oauth' | 'not_configured' | null } {
  const setup = oauthSetupOf(deps, platform)
  return setup.ok
    ? { offered: true, unavailableReason: null }
    : { offered: false, unavailableReason: setup.reason }
}

/** Every scope the provider's features need (the app asks for all; the platform may grant fewer). */
export function scopesToAsk(provider: OAuthProvider): string[] {
  return [...new Set(Object.values(provider.scopes).flat())]
}
