import { describe, expect, it } from 'vitest'
import { DEFAULT_APPROVAL_CHAIN, type ApprovalChain } from './approval-chain.ts'
import {
  decide,
  evaluateApproval,
  isApprovalExpired,
  rescheduleNeedsApproval,
  waitingApprovers,
  whyCannotDecide,
  type ApprovalDecision,
  type Decider,
} from './approval-rules.ts'

const UNIT = '/root/bidang/'
const OTHER_UNIT = '/root/lain/'
const subject = { authorId: 'author', unitPath: UNIT }
const noCrisis = { crisisMode: false }

function pj(userId: string, unitPath = '/root/'): Decider {
  return { userId, grants: [{ role: 'penanggung_jawab', unitPath }] }
}
function named(userId: string): Decider {
  return { userId, grants: [] }
}

const twoSteps: ApprovalChain = {
  steps: [
    { kind: 'role', role: 'penanggung_jawab', mode: 'any' },
    { kind: 'users', userIds: ['kabag', 'kadis'], mode: 'all' },
  ],
  rescheduleRequiresApproval: true,
  crisisApproverIds: ['juru-bicara'],
}
const candidates = [['pj-1', 'pj-2', 'author'], []]

function run(
  chain: ApprovalChain,
  steps: Array<[Decider, ApprovalDecision['verdict'], string?]>,
  crisisMode = false,
) {
  let decisions: ApprovalDecision[] = []
  let last
  for (const [decider, verdict, comment] of steps) {
    last = decide(chain, subject, decisions, candidates, decider, { verdict, comment }, { crisisMode })
    if (!last.ok) return { last, decisions }
    decisions = [...decisions, last.decision]
  }
  return { last, decisions }
}

describe('approval rules', () => {
  it('never lets the author approve their own post, even when they hold the role', () => {
    const author = pj('author')
    expect(whyCannotDecide(DEFAULT_APPROVAL_CHAIN, subject, [], [['author', 'pj-1']], author, noCrisis)).toBe(
      'own_post',
    )
    // Not even as a crisis approver in crisis mode.
    const chain = { ...DEFAULT_APPROVAL_CHAIN, crisisApproverIds: ['author'] }
    expect(whyCannotDecide(chain, subject, [], [['pj-1']], author, { crisisMode: true })).toBe('own_post')
  })

  it('ignores a stored approval by the author when adding up the decisions', () => {
    const forged: ApprovalDecision[] = [{ userId: 'author', step: 0, verdict: 'approve' }]
    expect(evaluateApproval(DEFAULT_APPROVAL_CHAIN, subject, forged, [['author', 'pj-1']])).toEqual({
      state: 'pending',
      step: 0,
      waitingFor: ['pj-1'],
    })
  })

  it('counts a step of a role only for holders of that role over the post unit', () => {
    expect(
      whyCannotDecide(DEFAULT_APPROVAL_CHAIN, subject, [], [['pj-1']], pj('pj-1', UNIT), noCrisis),
    ).toBeNull()
    expect(
      whyCannotDecide(DEFAULT_APPROVAL_CHAIN, subject, [], [['pj-1']], pj('pj-lain', OTHER_UNIT), noCrisis),
    ).toBe('not_an_approver')
    const pengelola: Decider = { userId: 'p', grants: [{ role: 'pengelola', unitPath: '/root/' }] }
    expect(whyCannotDecide(DEFAULT_APPROVAL_CHAIN, subject, [], [['pj-1']], pengelola, noCrisis)).toBe(
      'not_an_approver',
    )
  })

  it('moves an any-of step on with one approval and waits for every named user in an all-of step', () => {
    const first = run(twoSteps, [[pj('pj-1'), 'approve']])
    expect(first.last).toMatchObject({
      ok: true,
      outcome: { state: 'pending', step: 1, waitingFor: ['kabag', 'kadis'] },
    })
    const second = run(twoSteps, [
      [pj('pj-1'), 'approve'],
      [named('kabag'), 'approve'],
    ])
    expect(second.last).toMatchObject({
      ok: true,
      outcome: { state: 'pending', step: 1, waitingFor: ['kadis'] },
    })
    const third = run(twoSteps, [
      [pj('pj-1'), 'approve'],
      [named('kabag'), 'approve'],
      [named('kadis'), 'approve'],
    ])
    expect(third.last).toMatchObject({ ok: true, outcome: { state: 'approved', viaCrisis: false } })
  })

  it('lets a user decide only at the current step and only once in it', () => {
    const early = run(twoSteps, [[named('kabag'), 'approve']])
    expect(early.last).toEqual({ ok: false, reason: 'not_current_step' })
    const twice = run(twoSteps, [
      [pj('pj-1'), 'approve'],
      [named('kabag'), 'approve'],
      [named('kabag'), 'approve'],
    ])
    expect(twice.last).toEqual({ ok: false, reason: 'already_decided' })
  })

  it('needs every holder of the role, but the author, in an all-of role step', () => {
    const chain: ApprovalChain = {
      ...DEFAULT_APPROVAL_CHAIN,
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'all' }],
    }
    const one = run(chain, [[pj('pj-1'), 'approve']])
    expect(one.last).toMatchObject({ ok: true, outcome: { state: 'pending', waitingFor: ['pj-2'] } })
    const both = run(chain, [
      [pj('pj-1'), 'approve'],
      [pj('pj-2'), 'approve'],
    ])
    expect(both.last).toMatchObject({ ok: true, outcome: { state: 'approved' } })
  })

  it('ends the chain on a rejection, with its comment, and refuses later decisions', () => {
    const rejected = run(twoSteps, [[pj('pj-1'), 'reject', 'Data belum diverifikasi']])
    expect(rejected.last).toMatchObject({
      ok: true,
      outcome: { state: 'rejected', step: 0, by: 'pj-1', comment: 'Data belum diverifikasi' },
    })
    const after = run(twoSteps, [
      [pj('pj-1'), 'reject', 'Data belum diverifikasi'],
      [pj('pj-2'), 'approve'],
    ])
    expect(after.last).toEqual({ ok: false, reason: 'not_pending' })
  })

  it('returns the post to its author when changes are requested, and asks for a comment', () => {
    expect(run(twoSteps, [[pj('pj-1'), 'request_changes']]).last).toEqual({
      ok: false,
      reason: 'comment_required',
    })
    const returned = run(twoSteps, [
      [pj('pj-1'), 'approve'],
      [named('kadis'), 'request_changes', 'Tambahkan sumber'],
    ])
    expect(returned.last).toMatchObject({
      ok: true,
      outcome: { state: 'changes_requested', step: 1, by: 'kadis', comment: 'Tambahkan sumber' },
    })
    expect(returned.last?.ok && waitingApprovers(returned.last.outcome)).toEqual([])
  })

  it('lets only a designated approver use the crisis fast track, only in crisis mode, and flags it', () => {
    const fastTrack = run(twoSteps, [[named('juru-bicara'), 'approve']], true)
    expect(fastTrack.last).toMatchObject({
      ok: true,
      decision: { userId: 'juru-bicara', crisis: true },
      outcome: { state: 'approved', viaCrisis: true },
    })
    expect(run(twoSteps, [[named('juru-bicara'), 'approve']], false).last).toEqual({
      ok: false,
      reason: 'not_an_approver',
    })
    // A regular approver in crisis mode still goes step by step, unflagged.
    const regular = run(twoSteps, [[pj('pj-1'), 'approve']], true)
    expect(regular.last).toMatchObject({ ok: true, outcome: { state: 'pending', step: 1 } })
    expect(regular.decisions[0]?.crisis).toBeUndefined()
    // A stored crisis flag from someone not designated approves nothing.
    const forged: ApprovalDecision[] = [{ userId: 'pj-1', step: 0, verdict: 'approve', crisis: true }]
    expect(evaluateApproval(twoSteps, subject, forged, candidates).state).toBe('pending')
  })

  it('reports a step only the author could decide as blocked', () => {
    const chain: ApprovalChain = {
      ...DEFAULT_APPROVAL_CHAIN,
      steps: [{ kind: 'users', userIds: ['author'], mode: 'any' }],
    }
    expect(evaluateApproval(chain, subject, [], [])).toEqual({ state: 'blocked', step: 0 })
    expect(evaluateApproval(DEFAULT_APPROVAL_CHAIN, subject, [], [['author']])).toEqual({
      state: 'blocked',
      step: 0,
    })
  })

  it('expires a post still waiting for approval at its scheduled time, and never an approved one', () => {
    const at = new Date('2026-12-07T03:00:00Z')
    const pending = evaluateApproval(DEFAULT_APPROVAL_CHAIN, subject, [], [['pj-1']])
    expect(isApprovalExpired(pending, at, new Date('2026-12-07T02:59:59Z'))).toBe(false)
    expect(isApprovalExpired(pending, at, at)).toBe(true)
    expect(isApprovalExpired(pending, null, at)).toBe(false)
    const approved = evaluateApproval(
      DEFAULT_APPROVAL_CHAIN,
      subject,
      [{ userId: 'pj-1', step: 0, verdict: 'approve' }],
      [['pj-1']],
    )
    expect(isApprovalExpired(approved, at, new Date('2026-12-08T00:00:00Z'))).toBe(false)
  })

  it('sends a rescheduled approved post back for approval only when the chain says so', () => {
    const before = new Date('2026-12-07T03:00:00Z')
    const after = new Date('2026-12-08T03:00:00Z')
    expect(rescheduleNeedsApproval(DEFAULT_APPROVAL_CHAIN, before, after)).toBe(true)
    expect(rescheduleNeedsApproval(DEFAULT_APPROVAL_CHAIN, before, new Date(before))).toBe(false)
    expect(
      rescheduleNeedsApproval(
        { ...DEFAULT_APPROVAL_CHAIN, rescheduleRequiresApproval: false },
        before,
        after,
      ),
    ).toBe(false)
  })
})
