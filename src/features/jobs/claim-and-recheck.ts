// The shape of every idempotent job handler (atproto ozone's scheduled-action processor is the model): inside one
// transaction, lock the row(s) the job works on, re-check their state, act, and record the outcome. pg-boss may
// deliver a job twice and several workers may run the same job at once; the lock (FOR UPDATE SKIP LOCKED, in the
// table's repository) makes them take turns or different rows, and the re-check makes a second delivery find
// nothing left to do. Nothing is committed unless everything is.
import type { Db } from '../../db/client.ts'

export interface ClaimSteps<Row, Outcome> {
  /** Locks the rows the job works on: a repository's SELECT … FOR UPDATE SKIP LOCKED (one row or a batch). */
  claim(tx: Db): Promise<Row[]>
  /** Whether a locked row still needs the job: its state may have changed since the job was enqueued. */
  isStillDue(row: Row): boolean
  /** Acts on the due rows and records the outcome, in the same transaction. Not called when none is due. */
  act(tx: Db, due: Row[]): Promise<Outcome>
}

export interface ClaimResult<Outcome> {
  /** Rows locked by this call (others may be locked by a concurrent worker and were skipped). */
  claimed: number
  /** Of those, the rows still due, which `act` handled. */
  due: number
  /** What `act` returned; undefined when nothing was due. */
  outcome: Outcome | undefined
}

export async function claimAndRecheck<Row, Outcome>(
  db: Db,
  steps: ClaimSteps<Row, Outcome>,
): Promise<ClaimResult<Outcome>> {
  return db.transaction(async (tx) => {
    const claimed = await steps.claim(tx)
    const due = claimed.filter((row) => steps.isStillDue(row))
    const outcome = due.length > 0 ? await steps.act(tx, due) : undefined
    return { claimed: claimed.length, due: due.length, outcome }
  })
}
