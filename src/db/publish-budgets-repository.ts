// publish_budgets: the publishing engine's rate windows and pauses, shared by every worker. Account rows carry
// the account's instansi and are read with it; a platform's rows are the deployment's (across instansi, like the
// sweeper's queries). The arithmetic is features/publishing/publish-budget.ts; this file only stores.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { publishBudgets } from './schema/index.ts'

export type PublishBudgetRow = typeof publishBudgets.$inferSelect

export interface BudgetSubject {
  scope: 'account' | 'platform'
  subject: string
  /** The account's instansi (account scope only). */
  instansiId: string | null
}

function subjectFilter(subjects: readonly BudgetSubject[]) {
  return or(
    ...subjects.map((s) =>
      s.scope === 'account'
        ? and(
            eq(publishBudgets.scope, 'account'),
            eq(publishBudgets.subject, s.subject),
            eq(publishBudgets.instansiId, s.instansiId!),
          )
        : and(eq(publishBudgets.scope, 'platform'), eq(publishBudgets.subject, s.subject)),
    ),
  )
}

/** Every row (windows and pauses) of the subjects, unlocked: for planning, and to see a pause. */
export async function readBudgets(db: Db, subjects: readonly BudgetSubject[]): Promise<PublishBudgetRow[]> {
  if (subjects.length === 0) return []
  return db.select().from(publishBudgets).where(subjectFilter(subjects))
}

/**
 * Locks the rows of the subjects for these window lengths and their pauses (length 0), in one order (the key) so
 * two workers never wait on each other crosswise; missing windows are created empty first (once per subject).
 */
export async function lockBudgetWindows(
  db: Db,
  windows: readonly (BudgetSubject & { windowSeconds: number })[],
  now: Date,
): Promise<PublishBudgetRow[]> {
  const subjects = windows.map(({ scope, subject, instansiId }) => ({ scope, subject, instansiId }))
  const select = () =>
    db
      .select()
      .from(publishBudgets)
      .where(
        and(
          subjectFilter(subjects),
          inArray(publishBudgets.windowSeconds, [0, ...windows.map((w) => w.windowSeconds)]),
        ),
      )
      .orderBy(asc(publishBudgets.scope), asc(publishBudgets.subject), asc(publishBudgets.windowSeconds))
      .for('update')
  const rows = await select()
  if (rows.filter((row) => row.windowSeconds !== 0).length >= windows.length) return rows
  await db
    .insert(publishBudgets)
    .values(
      windows.map((w) => ({
        scope: w.scope,
        subject: w.subject,
        windowSeconds: w.windowSeconds,
        instansiId: w.instansiId,
        windowStartedAt: new Date(0),
        used: 0,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
  return select()
}

/** Stores a window after a publish was taken from it. */
export async function saveBudgetWindow(
  db: Db,
  key: { scope: 'account' | 'platform'; subject: string; windowSeconds: number },
  window: { windowStartedAt: Date; used: number },
  now: Date,
): Promise<void> {
  await db
    .update(publishBudgets)
    .set({ windowStartedAt: window.windowStartedAt, used: window.used, updatedAt: now })
    .where(
      and(
        eq(publishBudgets.scope, key.scope),
        eq(publishBudgets.subject, key.subject),
        eq(publishBudgets.windowSeconds, key.windowSeconds),
      ),
    )
}

/** Nothing goes for the subject before `until` (the platform's rate-limit answer); a later pause wins. */
export async function pauseBudget(db: Db, subject: BudgetSubject, until: Date, now: Date): Promise<void> {
  await db
    .insert(publishBudgets)
    .values({
      scope: subject.scope,
      subject: subject.subject,
      windowSeconds: 0,
      instansiId: subject.instansiId,
      windowStartedAt: now,
      used: 0,
      pausedUntil: until,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [publishBudgets.scope, publishBudgets.subject, publishBudgets.windowSeconds],
      set: {
        pausedUntil: sql`greatest(${publishBudgets.pausedUntil}, excluded.paused_until)`,
        updatedAt: now,
      },
    })
}
