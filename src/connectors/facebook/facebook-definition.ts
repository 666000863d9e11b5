// Facebook Pages in the registry: capabilities, the connector, Facebook Login and the Page webhooks.
import type { ConnectorDefinition } from '../registry.ts'
import { createFacebookConnector, FACEBOOK_CAPABILITIES } from './facebook-connector.ts'
import { facebookOAuth } from './facebook-oauth.ts'
import { facebookWebhook } from './facebook-webhook.ts'

export const facebookDefinition: ConnectorDefinition = {
  platform: 'facebook',
  capabilities: FACEBOOK_CAPABILITIES,
  factory: () => createFacebookConnector,
  oauth: facebookOAuth,
  webhook: facebookWebhook,
}
