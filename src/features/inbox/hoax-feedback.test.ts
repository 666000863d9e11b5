import { describe, expect, it } from 'vitest'
import type { HoaxFeedbackPairRow } from '../../db/hoax-feedback-repository.ts'
import { feedbackPairs, personalDataIn, priorityAfterVerdict } from './hoax-feedback.ts'
import { priorityOf, type PriorityInput } from './priority.ts'

const complaint: Omit<PriorityInput, 'hoaxMatched' | 'earlierAsks'> = {
  intent: 'keluhan',
  kind: 'comment',
  sentiment: 'negatif',
  abusive: false,
  hateSpeech: false,
}
const stored = (hoaxMatched: boolean, earlierAsks: number) => ({
  ...complaint,
  priority: priorityOf({ ...complaint, hoaxMatched, earlierAsks }),
})

describe('the priority after a verdict on the hoax match', () => {
  it('drops the hoax weight on a rejection and keeps what the earlier asks added', () => {
    const item = stored(true, 1)
    expect(priorityAfterVerdict(item, true, false)).toBe(
      priorityOf({ ...complaint, hoaxMatched: false, earlierAsks: 1 }),
    )
    expect(priorityAfterVerdict(item, true, false)).toBe(item.priority - 25)
  })

  it('adds the hoax weight when a missed claim is chosen, and changes nothing when the match stays', () => {
    const item = stored(false, 0)
    expect(priorityAfterVerdict(item, false, true)).toBe(
      priorityOf({ ...complaint, hoaxMatched: true, earlierAsks: 0 }),
    )
    expect(priorityAfterVerdict(item, true, true)).toBe(item.priority)
  })

  it('keeps an item at the ceiling high when its earlier asks cannot be told apart', () => {
    const item = { ...stored(true, 3), kind: 'direct_message' as const, priority: 100 }
    // 30 + 25 keluhan + 25 hoax + 10 DM + 5 negative + 24 repeats = 119, stored as 100; without the hoax 94.
    expect(priorityAfterVerdict(item, true, false)).toBe(94)
  })

  it('moves a priority no classification explains by the hoax weight, within 0 to 100', () => {
    expect(priorityAfterVerdict({ ...complaint, priority: 13 }, true, false)).toBe(0)
    expect(priorityAfterVerdict({ ...complaint, priority: 81 }, false, true)).toBe(100)
  })
})

describe('personal data in a wording kept as a variant', () => {
  it('names the NIK, the private phone number and the private e-mail address it finds', () => {
    expect(personalDataIn('Bansos dihentikan, kata tetangga')).toEqual([])
    expect(personalDataIn('NIK saya 3171011708450001 tidak dapat bansos')).toEqual(['nik'])
    expect(personalDataIn('hubungi saya di 0812 3456 7890 atau budi.santoso@gmail.com')).toEqual([
      'phone',
      'email',
    ])
  })
})

describe('training pairs from verdicts', () => {
  const judgedAt = new Date('2026-12-01T03:00:00Z')
  const row = (overrides: Partial<HoaxFeedbackPairRow>): HoaxFeedbackPairRow => ({
    instansiSlug: 'dinkes',
    verdict: 'confirmed',
    text: 'katanya vaksin ada chipnya',
    claimId: 'A',
    claim: 'Vaksin mengandung chip',
    matchedClaimId: 'A',
    matchedClaim: 'Vaksin mengandung chip',
    judgedAt,
    ...overrides,
  })

  it('makes a confirmation positive, a rejection negative, and a replaced claim negative beside the chosen one', () => {
    const pairs = feedbackPairs([
      row({}),
      row({ verdict: 'rejected', text: 'jadwal vaksin kapan?' }),
      row({ verdict: 'other_claim', text: 'bansos distop', claimId: 'B', claim: 'Bansos dihentikan' }),
      row({
        verdict: 'other_claim',
        text: 'BLT dihapus',
        claimId: 'B',
        claim: 'Bansos dihentikan',
        matchedClaimId: null,
        matchedClaim: null,
      }),
    ])
    expect(pairs.map((pair) => [pair.text, pair.claimId, pair.match])).toEqual([
      ['katanya vaksin ada chipnya', 'A', true],
      ['jadwal vaksin kapan?', 'A', false],
      ['bansos distop', 'B', true],
      ['bansos distop', 'A', false],
      ['BLT dihapus', 'B', true],
    ])
    expect(pairs[0]).toEqual({
      text: 'katanya vaksin ada chipnya',
      claimId: 'A',
      claim: 'Vaksin mengandung chip',
      match: true,
      source: 'inbox-feedback',
      judgedAt: '2026-12-01T03:00:00.000Z',
    })
  })
})
