// The publishing engine's dependencies from a job's context (the worker's own process).
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import type { PublishDeps } from './publish-variant.ts'

export function publishDepsOf(context: {
  db: Db
  clock: Clock
  config: Config
  secret: string
  previousSecrets: readonly string[]
}): PublishDeps {
  return {
    db: context.db,
    clock: context.clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: context.config.sandboxFaults },
    mailEnabled: context.config.mail !== undefined,
    timing: context.config.publishing,
  }
}
