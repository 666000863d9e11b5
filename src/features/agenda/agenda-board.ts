// The pure rules of the agenda board: a task's state read from its posts, its standing against the deadline, and
// the reach its published variants added. Plain data in, answer out; no database, no clock.
import type { AgendaBoardStatus, AgendaTaskState } from '../../shared/agenda.ts'

export interface TaskVariantReading {
  status: string
  publishedAt: Date | null
  metrics: {
    likes: number | null
    shares: number | null
    replies: number | null
    views: number | null
  } | null
}

export interface TaskPostReading {
  status: string
  variants: readonly TaskVariantReading[]
}

export interface TaskProgress {
  state: AgendaTaskState
  /** When the first of its variants was published; null until then. */
  completedAt: Date | null
  reach: number
}

/** Posts that no longer count: rejected (cancelled), cancelled or expired before approval. */
const DEAD_POST_STATUSES = new Set(['cancelled', 'expired'])
const DRAFTING_POST_STATUSES = new Set(['draft', 'changes_requested'])

/**
 * The reach a published variant added: its views where the platform counts them, otherwise the interactions it
 * drew (likes + shares + replies). A variant not read yet adds nothing.
 */
export function reachOf(metrics: TaskVariantReading['metrics']): number {
  if (!metrics) return 0
  if (metrics.views !== null) return metrics.views
  return (metrics.likes ?? 0) + (metrics.shares ?? 0) + (metrics.replies ?? 0)
}

/** The task's state from its posts: the most advanced one counts (a rejected draft and its successor). */
export function taskProgressOf(posts: readonly TaskPostReading[]): TaskProgress {
  const published = posts
    .flatMap((post) => post.variants)
    .filter((variant) => variant.status === 'published' && variant.publishedAt !== null)
  if (published.length > 0) {
    const completedAt = new Date(Math.min(...published.map((variant) => variant.publishedAt!.getTime())))
    const reach = published.reduce((sum, variant) => sum + reachOf(variant.metrics), 0)
    return { state: 'done', completedAt, reach }
  }
  const live = posts.filter((post) => !DEAD_POST_STATUSES.has(post.status))
  if (live.length === 0) return { state: 'not_started', completedAt: null, reach: 0 }
  const state = live.every((post) => DRAFTING_POST_STATUSES.has(post.status)) ? 'drafting' : 'in_review'
  return { state, completedAt: null, reach: 0 }
}

/** The task against its deadline, as of `now`. */
export function boardStatusOf(progress: TaskProgress, deadline: Date, now: Date): AgendaBoardStatus {
  if (progress.completedAt) return progress.completedAt.getTime() <= deadline.getTime() ? 'done' : 'late'
  if (now.getTime() > deadline.getTime()) return 'late'
  return progress.state === 'not_started' ? 'not_started' : 'in_progress'
}

export interface BoardTotals {
  tasks: number
  done: number
  late: number
  inProgress: number
  notStarted: number
  reach: number
}

export function boardTotalsOf(
  rows: ReadonlyArray<{ boardStatus: AgendaBoardStatus; reach: number }>,
): BoardTotals {
  const count = (status: AgendaBoardStatus) => rows.filter((row) => row.boardStatus === status).length
  return {
    tasks: rows.length,
    done: count('done'),
    late: count('late'),
    inProgress: count('in_progress'),
    notStarted: count('not_started'),
    reach: rows.reduce((sum, row) => sum + row.reach, 0),
  }
}
