// The inbox ingestion's dependencies from a job's context (the worker's own process).
import type { IngestDeps } from '../features/inbox/ingest-poll.ts'
import type { JobContext } from './job-definition.ts'

export function ingestDepsOf(context: JobContext): IngestDeps {
  return {
    db: context.db,
    clock: context.clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: context.config.sandboxFaults },
    logger: context.logger,
  }
}
