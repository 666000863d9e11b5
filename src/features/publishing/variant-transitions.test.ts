import { describe, expect, it } from 'vitest'
import { VARIANT_STATUSES, type VariantStatus } from '../../shared/statuses.ts'
import {
  assertTransition,
  backoffMs,
  canTransition,
  CANCELLABLE_VARIANT_STATUSES,
  postStatusFromVariants,
  TRANSITION_REASONS,
  VARIANT_TRANSITIONS,
} from './variant-transitions.ts'

const allowed = new Set(VARIANT_TRANSITIONS.map(([f, t, r]) => `${f}>${t}>${r}`))

describe('the variant state machine', () => {
  for (const [from, to, reason] of VARIANT_TRANSITIONS) {
    it(`allows ${from} → ${to} because ${reason}`, () => {
      expect(canTransition(from, to, reason)).toBe(true)
      expect(() => assertTransition(from, to, reason)).not.toThrow()
    })
  }

  // Every other (from, to, reason) is refused: listed exhaustively so a new edge is a deliberate change.
  const refused: [VariantStatus, VariantStatus, string][] = []
  for (const from of VARIANT_STATUSES)
    for (const to of VARIANT_STATUSES)
      for (const reason of TRANSITION_REASONS)
        if (!allowed.has(`${from}>${to}>${reason}`)) refused.push([from, to, reason])

  it.each(refused)('refuses %s → %s because %s', (from, to, reason) => {
    expect(canTransition(from, to, reason as never)).toBe(false)
    expect(() => assertTransition(from, to, reason as never)).toThrow(/not allowed/)
  })

  it('never lets an unconfirmed variant be published again blindly', () => {
    for (const reason of TRANSITION_REASONS)
      expect(canTransition('unconfirmed', 'publishing', reason)).toBe(false)
  })

  it('never moves a published variant anywhere', () => {
    expect(VARIANT_TRANSITIONS.filter(([from]) => from === 'published')).toEqual([])
  })

  it('cancels only what has not started publishing', () => {
    expect([...CANCELLABLE_VARIANT_STATUSES].sort()).toEqual(['pending', 'scheduled'])
  })
})

describe('the post status from its variants', () => {
  it('is published when every variant is published', () => {
    expect(postStatusFromVariants(['published', 'published'])).toBe('published')
  })
  it('is failed when all are done and some failed', () => {
    expect(postStatusFromVariants(['published', 'failed'])).toBe('failed')
  })
  it('stays scheduled while a variant is still on its way', () => {
    expect(postStatusFromVariants(['published', 'unconfirmed'])).toBe('scheduled')
  })
  it('is cancelled when every variant was cancelled', () => {
    expect(postStatusFromVariants(['cancelled', 'cancelled'])).toBe('cancelled')
  })
})

describe('the backoff', () => {
  it('grows with the attempts and stays within its jitter band', () => {
    expect(backoffMs(1, () => 0)).toBe(15_000)
    expect(backoffMs(1, () => 1)).toBe(30_000)
    expect(backoffMs(3, () => 1)).toBe(120_000)
    expect(backoffMs(20, () => 1)).toBe(30 * 60_000)
  })
})
