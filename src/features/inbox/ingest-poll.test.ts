import { describe, expect, it } from 'vitest'
import { BLUESKY_HOT_POLLING } from '../../connectors/bluesky/bluesky-connector.ts'
import { hotPollingOf } from '../../connectors/registry.ts'
import {
  HOT_FALLBACK_MS,
  hotPollDelayMs,
  nextPollAfterSuccess,
  planNextPoll,
  POLL_INTERVALS,
} from './ingest-poll.ts'

const now = new Date('2026-12-07T03:00:00Z')
const polling = { intervalMs: 3_000, requestsPerMinute: 200 }

describe('the hot poll cadence', () => {
  it('polls a hot account at the platform’s interval while few accounts are hot', () => {
    expect(hotPollDelayMs(polling, 1)).toBe(3_000)
    // 10 accounts every 3 s are exactly 200 requests a minute.
    expect(hotPollDelayMs(polling, 10)).toBe(3_000)
  })

  it('stretches the interval so that all hot accounts of the platform stay within its budget', () => {
    expect(hotPollDelayMs(polling, 20)).toBe(6_000)
    expect(hotPollDelayMs(polling, 25)).toBe(7_500)
    for (const accounts of [11, 40, 150]) {
      const perMinute = (accounts * 60_000) / hotPollDelayMs(polling, accounts)
      expect(perMinute).toBeLessThanOrEqual(polling.requestsPerMinute)
    }
  })

  it('is never slower than an active account’s minute, however many are hot', () => {
    expect(hotPollDelayMs(polling, 10_000)).toBe(POLL_INTERVALS.activeMs)
  })

  it('has a hot account ask for its own next poll, with the sweep as a fallback a minute after it', () => {
    const plan = planNextPoll(now, now, { polling, hotAccounts: 1 })
    expect(plan.chainAt).toEqual(new Date(now.getTime() + 3_000))
    expect(plan.nextPollAt).toEqual(new Date(now.getTime() + 3_000 + HOT_FALLBACK_MS))
  })

  it('leaves an account that is not hot to the sweep at the activity cadence', () => {
    const lastItemAt = new Date(now.getTime() - 2 * 60 * 60_000)
    expect(planNextPoll(now, lastItemAt)).toEqual({
      nextPollAt: nextPollAfterSuccess(now, lastItemAt),
      chainAt: null,
    })
  })

  it('is declared for Bluesky and the sandbox only, within a third of Bluesky’s 3,000 reads per 5 minutes', () => {
    expect(hotPollingOf('bluesky')).toBe(BLUESKY_HOT_POLLING)
    expect(hotPollingOf('sandbox')).toBeDefined()
    for (const platform of ['facebook', 'instagram', 'x', 'youtube', 'mastodon', 'telegram', 'threads'])
      expect(hotPollingOf(platform), platform).toBeUndefined()
    expect(BLUESKY_HOT_POLLING.requestsPerMinute * 5).toBeLessThanOrEqual(3_000 / 3)
  })
})
