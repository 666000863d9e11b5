// What identity features need from the application context (AppContext satisfies it).
import type { Config } from '../../config.ts'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'

export interface IdentityDeps {
  readonly db: Db
  readonly config: Config
  readonly clock: Clock
  /** Deployment secret: the key for TOTP secrets at rest. */
  readonly secret: string
  /** Secrets used before (during a rotation): they still open TOTP secrets until `warta keys rotate` re-seals. */
  readonly previousSecrets?: readonly string[]
}

/** The secrets a sealed TOTP secret may be under: the current one first. */
export function totpSecretsOf(deps: Pick<IdentityDeps, 'secret' | 'previousSecrets'>): readonly string[] {
  return [deps.secret, ...(deps.previousSecrets ?? [])]
}

export interface RequestMeta {
  ip: string
  userAgent: string | null
}
