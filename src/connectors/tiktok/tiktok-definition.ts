// TikTok's one entry in the connector registry: capabilities, factory, Login Kit OAuth and webhook checks.
import type { ConnectorDefinition } from '../registry.ts'
import { createTikTokConnector, TIKTOK_CAPABILITIES } from './tiktok-connector.ts'
import { tiktokOAuth } from './tiktok-oauth.ts'
import { tiktokWebhook } from './tiktok-webhook.ts'

export const tiktokDefinition: ConnectorDefinition = {
  platform: 'tiktok',
  capabilities: TIKTOK_CAPABILITIES,
  factory: () => createTikTokConnector,
  oauth: tiktokOAuth,
  webhook: tiktokWebhook,
}
