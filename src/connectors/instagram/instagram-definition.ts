// Instagram in the registry: capabilities, the connector, Instagram Login and the Instagram webhooks.
import type { ConnectorDefinition } from '../registry.ts'
import { createInstagramConnector, INSTAGRAM_CAPABILITIES } from './instagram-connector.ts'
import { instagramOAuth } from './instagram-oauth.ts'
import { instagramWebhook } from './instagram-webhook.ts'

export const instagramDefinition: ConnectorDefinition = {
  platform: 'instagram',
  capabilities: INSTAGRAM_CAPABILITIES,
  factory: () => (context) => createInstagramConnector(context),
  oauth: instagramOAuth,
  webhook: instagramWebhook,
}
