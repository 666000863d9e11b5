// Threads in the registry: capabilities, the connector and the Threads Authorization Window. No webhook verifier:
// the Threads webhook documentation does not describe its signature (threads-connector.ts; polling reads replies).
import type { ConnectorDefinition } from '../registry.ts'
import { createThreadsConnector, THREADS_CAPABILITIES } from './threads-connector.ts'
import { threadsOAuth } from './threads-oauth.ts'

export const threadsDefinition: ConnectorDefinition = {
  platform: 'threads',
  capabilities: THREADS_CAPABILITIES,
  factory: () => (context) => createThreadsConnector(context),
  oauth: threadsOAuth,
}
