// The slice of oidc-provider (no bundled types) that the single sign-on integration test uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown>>
  }

  interface ProviderConfiguration {
    clients?: Record<string, unknown>[]
    claims?: Record<string, string[]>
    cookies?: { keys?: string[] }
    pkce?: { required?: () => boolean }
    ttl?: Record<string, number>
    findAccount?: (ctx: unknown, sub: string) => Promise<Account | undefined>
  }

  export default class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
  }
}
