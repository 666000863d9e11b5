import { describe, expect, it } from 'vitest'
import { priorityOf, type PriorityInput } from './priority.ts'

const plain: PriorityInput = {
  intent: 'lainnya',
  kind: 'comment',
  sentiment: 'netral',
  abusive: false,
  hateSpeech: false,
  hoaxMatched: false,
  earlierAsks: 0,
}
const p = (change: Partial<PriorityInput>) => priorityOf({ ...plain, ...change })

describe('priorityOf', () => {
  it('puts an information request and a complaint above a question, and a question above plain talk', () => {
    expect(p({ intent: 'permohonan_informasi' })).toBeGreaterThan(p({ intent: 'pertanyaan' }))
    expect(p({ intent: 'keluhan' })).toBeGreaterThan(p({ intent: 'pertanyaan' }))
    expect(p({ intent: 'pertanyaan' })).toBeGreaterThan(p({}))
  })

  it('puts praise below plain talk', () => {
    expect(p({ intent: 'apresiasi' })).toBeLessThan(p({}))
  })

  it('raises a hoax match, abuse and hate speech (to moderate), hate above abuse', () => {
    expect(p({ hoaxMatched: true })).toBeGreaterThan(p({}))
    expect(p({ abusive: true })).toBeGreaterThan(p({}))
    expect(p({ hateSpeech: true })).toBeGreaterThan(p({ abusive: true }))
  })

  it('raises a direct message over the same text as a comment', () => {
    expect(p({ kind: 'direct_message', intent: 'pertanyaan' })).toBeGreaterThan(p({ intent: 'pertanyaan' }))
  })

  it('raises a citizen who asks again, up to a cap', () => {
    expect(p({ intent: 'pertanyaan', earlierAsks: 1 })).toBeGreaterThan(p({ intent: 'pertanyaan' }))
    expect(p({ intent: 'pertanyaan', earlierAsks: 2 })).toBeGreaterThan(
      p({ intent: 'pertanyaan', earlierAsks: 1 }),
    )
    expect(p({ earlierAsks: 50 })).toBe(p({ earlierAsks: 3 }))
  })

  it('stays within 0–100 whatever is found', () => {
    const worst = p({
      intent: 'permohonan_informasi',
      kind: 'direct_message',
      sentiment: 'negatif',
      abusive: true,
      hateSpeech: true,
      hoaxMatched: true,
      earlierAsks: 9,
    })
    expect(worst).toBe(100)
    expect(p({ intent: 'apresiasi', sentiment: 'positif', earlierAsks: -3 })).toBeGreaterThanOrEqual(0)
    expect(p({ intent: null })).toBe(p({ intent: 'something new' }))
    expect(Number.isInteger(p({ intent: 'aspirasi' }))).toBe(true)
  })
})
