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
}

export interface RequestMeta {
  ip: string
  userAgent: string | null
}
