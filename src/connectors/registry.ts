// Platform → connector. Each platform folder exports one ConnectorDefinition; adding a platform is adding its
// folder and one line in DEFINITIONS. Capabilities are readable without credentials (the composer and the UI
// offer only what a platform can do); a connector is made per account with its context.
//
// Some connectors need a part of the app they may not import: the sandbox reaches the simulated network that
// lives in the app's database. Those parts come in as ConnectorPorts when the app builds the registry
// (features/connections/account-connector.ts), so this folder still imports nothing from the app.
import type {
  Connector,
  ConnectorCapabilities,
  ConnectorContext,
  ConnectorFactory,
  HotPolling,
} from './connector.ts'
import {
  BLUESKY_CAPABILITIES,
  BLUESKY_HOT_POLLING,
  createBlueskyConnector,
} from './bluesky/bluesky-connector.ts'
import { createMastodonConnector, MASTODON_CAPABILITIES } from './mastodon/mastodon-connector.ts'
import {
  createSandboxConnectorFactory,
  SANDBOX_CAPABILITIES,
  SANDBOX_HOT_POLLING,
} from './sandbox/sandbox-connector.ts'
import { tiktokDefinition } from './tiktok/tiktok-definition.ts'
import { createTelegramConnector, TELEGRAM_CAPABILITIES } from './telegram/telegram-connector.ts'
import { telegramWebhook } from './telegram/telegram-webhook.ts'
import { facebookDefinition } from './facebook/facebook-definition.ts'
import { instagramDefinition } from './instagram/instagram-definition.ts'
import { threadsDefinition } from './threads/threads-definition.ts'
import type { OAuthProvider } from './oauth.ts'
import type { SandboxNetwork } from './sandbox/sandbox-network.ts'
import type { WebhookVerifier } from './webhook.ts'
import { createYouTubeConnector, YOUTUBE_CAPABILITIES } from './youtube/youtube-connector.ts'
import { youtubeOAuth } from './youtube/youtube-oauth.ts'
import { createXConnector, X_CAPABILITIES } from './x/x-connector.ts'
import { X_OAUTH } from './x/x-oauth.ts'
import { X_WEBHOOK } from './x/x-webhook.ts'

/** What the app hands to the connectors that need it. */
export interface ConnectorPorts {
  sandboxNetwork: SandboxNetwork
}

export interface ConnectorDefinition {
  platform: string
  capabilities: ConnectorCapabilities
  factory(ports: ConnectorPorts): ConnectorFactory
  /** How an account is connected through the platform's OAuth 2.0 (oauth.ts); none for app passwords / bot tokens. */
  oauth?: OAuthProvider
  /** How the platform's pushed deliveries are checked and read (webhook.ts); none where it does not push. */
  webhook?: WebhookVerifier
  /** The inbox's short poll cadence for a hot account (connector.ts HotPolling); none: the minute sweep's cadence. */
  hotPolling?: HotPolling
}

const sandboxDefinition: ConnectorDefinition = {
  platform: 'sandbox',
  capabilities: SANDBOX_CAPABILITIES,
  factory: (ports) => createSandboxConnectorFactory(ports.sandboxNetwork),
  hotPolling: SANDBOX_HOT_POLLING,
}

const blueskyDefinition: ConnectorDefinition = {
  platform: 'bluesky',
  capabilities: BLUESKY_CAPABILITIES,
  factory: () => createBlueskyConnector,
  hotPolling: BLUESKY_HOT_POLLING,
}

const mastodonDefinition: ConnectorDefinition = {
  platform: 'mastodon',
  capabilities: MASTODON_CAPABILITIES,
  factory: () => createMastodonConnector,
}

const youtubeDefinition: ConnectorDefinition = {
  platform: 'youtube',
  capabilities: YOUTUBE_CAPABILITIES,
  factory: () => createYouTubeConnector,
  oauth: youtubeOAuth,
}

const telegramDefinition: ConnectorDefinition = {
  platform: 'telegram',
  capabilities: TELEGRAM_CAPABILITIES,
  factory: () => createTelegramConnector,
  webhook: telegramWebhook,
}
const xDefinition: ConnectorDefinition = {
  platform: 'x',
  capabilities: X_CAPABILITIES,
  factory: () => createXConnector,
  oauth: X_OAUTH,
  webhook: X_WEBHOOK,
}

const DEFINITIONS: readonly ConnectorDefinition[] = [
  sandboxDefinition,
  blueskyDefinition,
  youtubeDefinition,
  tiktokDefinition,
  telegramDefinition,
  facebookDefinition,
  instagramDefinition,
  xDefinition,
  mastodonDefinition,
  threadsDefinition,
]

const byPlatform = new Map(DEFINITIONS.map((definition) => [definition.platform, definition]))

/**
 * Definitions that replace or add to DEFINITIONS, by platform: tests hand in a fake OAuth provider or webhook
 * verifier this way (through the app's ConnectionDeps), so production DEFINITIONS stay as they are.
 */
export type DefinitionOverrides = ReadonlyMap<string, ConnectorDefinition>

function definitionOf(platform: string, overrides?: DefinitionOverrides): ConnectorDefinition | undefined {
  return overrides?.get(platform) ?? byPlatform.get(platform)
}

/** The platforms Warta can connect to today. */
export function connectablePlatforms(overrides?: DefinitionOverrides): string[] {
  return [...new Set([...byPlatform.keys(), ...(overrides?.keys() ?? [])])]
}

export function hasConnector(platform: string, overrides?: DefinitionOverrides): boolean {
  return definitionOf(platform, overrides) !== undefined
}

/** The platform's OAuth flow, when accounts connect through one. */
export function oauthProviderOf(
  platform: string,
  overrides?: DefinitionOverrides,
): OAuthProvider | undefined {
  return definitionOf(platform, overrides)?.oauth
}

/** The platform's webhook checks, when it pushes deliveries. */
export function webhookVerifierOf(
  platform: string,
  overrides?: DefinitionOverrides,
): WebhookVerifier | undefined {
  return definitionOf(platform, overrides)?.webhook
}

/** The platform's short poll cadence for hot accounts, when it declares one. */
export function hotPollingOf(platform: string, overrides?: DefinitionOverrides): HotPolling | undefined {
  return definitionOf(platform, overrides)?.hotPolling
}

/** What a platform's connector can do, or undefined when Warta has no connector for it. */
export function capabilitiesOf(
  platform: string,
  overrides?: DefinitionOverrides,
): ConnectorCapabilities | undefined {
  return definitionOf(platform, overrides)?.capabilities
}

export interface ConnectorRegistry {
  connectorFor(platform: string, context: ConnectorContext): Connector
}

/** The registry over the app's ports; `connectorFor` throws for a platform without a connector. */
export function createConnectorRegistry(
  ports: ConnectorPorts,
  overrides?: DefinitionOverrides,
): ConnectorRegistry {
  const factories = new Map<string, ConnectorFactory>()
  return {
    connectorFor(platform, context) {
      const definition = definitionOf(platform, overrides)
      if (!definition) throw new Error(`no connector for platform ${platform}`)
      let factory = factories.get(platform)
      if (!factory) {
        factory = definition.factory(ports)
        factories.set(platform, factory)
      }
      return factory(context)
    },
  }
}
