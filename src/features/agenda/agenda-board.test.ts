import { describe, expect, it } from 'vitest'
import {
  boardStatusOf,
  boardTotalsOf,
  reachOf,
  taskProgressOf,
  type TaskVariantReading,
} from './agenda-board.ts'

const deadline = new Date('2026-12-10T10:00:00Z')
const before = new Date('2026-12-09T10:00:00Z')
const after = new Date('2026-12-11T10:00:00Z')

function published(at: Date, metrics: TaskVariantReading['metrics'] = null): TaskVariantReading {
  return { status: 'published', publishedAt: at, metrics }
}
const pending: TaskVariantReading = { status: 'pending', publishedAt: null, metrics: null }

describe('agenda board rules', () => {
  it('counts views where the platform gives them, otherwise likes, shares and replies', () => {
    expect(reachOf({ views: 900, likes: 10, shares: 2, replies: 1 })).toBe(900)
    expect(reachOf({ views: null, likes: 10, shares: 2, replies: null })).toBe(12)
    expect(reachOf(null)).toBe(0)
  })

  it('reads a task as not started until a post that still counts exists', () => {
    expect(taskProgressOf([]).state).toBe('not_started')
    expect(taskProgressOf([{ status: 'cancelled', variants: [pending] }]).state).toBe('not_started')
    expect(taskProgressOf([{ status: 'expired', variants: [pending] }]).state).toBe('not_started')
  })

  it('takes the most advanced post: a rejected draft and its successor in review are in review', () => {
    expect(taskProgressOf([{ status: 'changes_requested', variants: [pending] }]).state).toBe('drafting')
    expect(
      taskProgressOf([
        { status: 'cancelled', variants: [pending] },
        { status: 'in_review', variants: [pending] },
      ]).state,
    ).toBe('in_review')
    expect(taskProgressOf([{ status: 'scheduled', variants: [pending] }]).state).toBe('in_review')
  })

  it('is done from the first published variant, and adds the reach of every published one', () => {
    const progress = taskProgressOf([
      {
        status: 'published',
        variants: [
          published(after, { views: 100, likes: 1, shares: 0, replies: 0 }),
          published(before, { views: null, likes: 5, shares: 1, replies: 1 }),
          pending,
        ],
      },
    ])
    expect(progress).toEqual({ state: 'done', completedAt: before, reach: 107 })
  })

  it('puts a task against its deadline: done, late, in progress, not started', () => {
    const now = before
    const done = { state: 'done' as const, completedAt: before, reach: 0 }
    expect(boardStatusOf(done, deadline, after)).toBe('done')
    expect(boardStatusOf({ ...done, completedAt: after }, deadline, after)).toBe('late')
    expect(boardStatusOf({ state: 'drafting', completedAt: null, reach: 0 }, deadline, now)).toBe(
      'in_progress',
    )
    expect(boardStatusOf({ state: 'not_started', completedAt: null, reach: 0 }, deadline, now)).toBe(
      'not_started',
    )
    expect(boardStatusOf({ state: 'not_started', completedAt: null, reach: 0 }, deadline, after)).toBe('late')
  })

  it('sums the rows into totals', () => {
    expect(
      boardTotalsOf([
        { boardStatus: 'done', reach: 10 },
        { boardStatus: 'late', reach: 5 },
        { boardStatus: 'not_started', reach: 0 },
      ]),
    ).toEqual({ tasks: 3, done: 1, late: 1, inProgress: 0, notStarted: 1, reach: 15 })
  })
})
