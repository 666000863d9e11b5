// Moves jobs from the outbox table (written by features inside their transactions, from any process) into
// pg-boss, in the worker processes. Each pass takes a batch with FOR UPDATE SKIP LOCKED under a short claim,
// sends every row with the row's id as the pg-boss job id, then deletes the batch.
//
// The send is not inside the claiming transaction on purpose: PGlite has one connection, and pg-boss sends on
// its own handle, which would wait forever for a transaction that waits for it. Instead a crash between send
// and delete is harmless: the claim runs out, the row is sent again, and pg-boss refuses a second job with the
// same id (its job table's key is (name, id); send() returns null), so no job runs twice.
import type { PgBoss } from 'pg-boss'
import type { Logger } from 'pino'
import type { Db } from '../db/client.ts'
import { claimOutboxBatch, deleteOutboxJobs } from '../db/job-outbox-repository.ts'
import { cliText } from '../cli/cli-text.ts'

export interface OutboxRelayOptions {
  db: Db
  boss: PgBoss
  logger: Logger
  /** The jobs this process knows; rows of other names (a newer release) wait for a process that knows them. */
  names: readonly string[]
  intervalMs?: number
  batchSize?: number
  /** How long a taken batch is reserved for this process before another may take it again. */
  claimSeconds?: number
}

export interface OutboxRelay {
  /** One pass: sends and deletes one batch; returns how many rows it handed to pg-boss. */
  drainOnce(): Promise<number>
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, boss, logger, names } = options
  const intervalMs = options.intervalMs ?? 1000
  const batchSize = options.batchSize ?? 100
  const claimSeconds = options.claimSeconds ?? 60
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  async function drainOnce(): Promise<number> {
    const rows = await claimOutboxBatch(db, names, batchSize, claimSeconds)
    const sent: string[] = []
    for (const row of rows) {
      try {
        await boss.send(row.name, row.payload as object, {
          id: row.id,
          startAfter: row.startAfter ?? undefined,
          singletonKey: row.singletonKey ?? undefined,
        })
        sent.push(row.id)
      } catch (error) {
        // Left in the outbox: sent again when the claim runs out.
        logger.error({ err: error, job: row.name, jobId: row.id }, cliText('cli.log_outbox_handoff_failed'))
      }
    }
    await deleteOutboxJobs(db, sent)
    return sent.length
  }

  async function pass(): Promise<void> {
    try {
      // A full batch means more may be waiting: keep going until the outbox is drained.
      while (!stopped && (await drainOnce()) === batchSize);
    } catch (error) {
      logger.error({ err: error }, cliText('cli.log_outbox_relay_failed'))
    }
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = pass().finally(schedule)
    }, intervalMs)
  }

  schedule()
  return {
    drainOnce,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
