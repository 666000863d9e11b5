import { describe, expect, it } from 'vitest'
import { narrowGrants, requiresTwoFactor } from './load-actor.ts'
import type { Grant } from '../access/policy.ts'

const userGrants: Grant[] = [
  { unitId: 'u1', unitPath: '/u1/', role: 'admin' },
  { unitId: 'u2', unitPath: '/u1/u2/', role: 'pengelola' },
]

describe('token grant narrowing', () => {
  it('keeps only the grants the token names', () => {
    expect(narrowGrants(userGrants, [{ unitId: 'u2', role: 'pengelola' }])).toEqual([userGrants[1]])
  })

  it('never adds a grant the user does not hold (a role the user lost disappears from the token)', () => {
    expect(
      narrowGrants(userGrants, [
        { unitId: 'u2', role: 'admin' },
        { unitId: 'u3', role: 'pengelola' },
      ]),
    ).toEqual([])
  })
})

describe('mandatory two-factor', () => {
  it('applies to admin and penanggung_jawab only', () => {
    expect(requiresTwoFactor([{ role: 'admin' }])).toBe(true)
    expect(requiresTwoFactor([{ role: 'pengelola' }, { role: 'penanggung_jawab' }])).toBe(true)
    expect(requiresTwoFactor([{ role: 'pengelola' }, { role: 'auditor' }, { role: 'analis' }])).toBe(false)
    expect(requiresTwoFactor([])).toBe(false)
  })
})
