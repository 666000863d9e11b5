// The publishing engine's dependencies from a job's context (the worker's own process).
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import { createMediaStorage, type MediaStorage } from '../media/media-storage.ts'
import type { PublishDeps } from './publish-variant.ts'

// One storage per configuration (an S3 client keeps its connections), not one per job.
const storages = new WeakMap<Config, MediaStorage>()
function mediaStorageOf(config: Config): MediaStorage {
  let storage = storages.get(config)
  if (!storage) storages.set(config, (storage = createMediaStorage(config)))
  return storage
}

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
    mediaStorage: mediaStorageOf(context.config),
  }
}
