import { describe, expect, it } from 'vitest'
import { canBePenanggungJawab, canBePengelola, whyNotEligibleForDuty, type DutyGrant } from './eligibility.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'

const ROOT = '/root/'
const BIDANG = '/root/bidang/'
const SEKSI = '/root/bidang/seksi/'
const LAIN = '/root/lain/'

const grant = (role: DutyGrant['role'], unitPath: string): DutyGrant => ({ role, unitPath })

describe('canBePenanggungJawab', () => {
  it('accepts a penanggung jawab of the account’s own unit', () => {
    expect(canBePenanggungJawab([grant('penanggung_jawab', BIDANG)], BIDANG)).toBe(true)
  })

  it('accepts a penanggung jawab of a unit above the account’s unit', () => {
    expect(canBePenanggungJawab([grant('penanggung_jawab', ROOT)], SEKSI)).toBe(true)
  })

  it('refuses a penanggung jawab of a unit below the account’s unit', () => {
    expect(canBePenanggungJawab([grant('penanggung_jawab', SEKSI)], BIDANG)).toBe(false)
  })

  it('refuses a penanggung jawab of another branch of the tree', () => {
    expect(canBePenanggungJawab([grant('penanggung_jawab', LAIN)], BIDANG)).toBe(false)
  })

  it('refuses a sibling whose path merely starts with the same letters', () => {
    expect(canBePenanggungJawab([grant('penanggung_jawab', '/root/bid/')], BIDANG)).toBe(false)
  })

  it('refuses an admin, an auditor and a pengelola even on the top unit', () => {
    for (const role of ['admin', 'auditor', 'pengelola', 'pimpinan', 'analis', 'ppid'] as const)
      expect(canBePenanggungJawab([grant(role, ROOT)], BIDANG), role).toBe(false)
  })

  it('refuses a user without any role', () => {
    expect(canBePenanggungJawab([], BIDANG)).toBe(false)
  })

  it('accepts when any one of several grants qualifies', () => {
    expect(canBePenanggungJawab([grant('admin', ROOT), grant('penanggung_jawab', BIDANG)], SEKSI)).toBe(true)
  })
})

describe('canBePengelola', () => {
  it('accepts a pengelola or a penanggung jawab on the unit or above', () => {
    expect(canBePengelola([grant('pengelola', BIDANG)], SEKSI)).toBe(true)
    expect(canBePengelola([grant('penanggung_jawab', ROOT)], SEKSI)).toBe(true)
  })

  it('refuses a pengelola of another branch and roles that do not operate accounts', () => {
    expect(canBePengelola([grant('pengelola', LAIN)], BIDANG)).toBe(false)
    expect(canBePengelola([grant('admin', ROOT), grant('auditor', ROOT)], BIDANG)).toBe(false)
  })
})

describe('whyNotEligibleForDuty', () => {
  it('answers null for an eligible user', () => {
    expect(whyNotEligibleForDuty('penanggung_jawab', [grant('penanggung_jawab', ROOT)], BIDANG)).toBeNull()
  })

  it('names the role required, in both languages', () => {
    const pj = whyNotEligibleForDuty('penanggung_jawab', [grant('admin', ROOT)], BIDANG)
    expect(pj?.key).toBe('access.penanggung_jawab_ineligible')
    expect(formatMessage('id', pj!.key, pj!.params)).toContain('Penanggung jawab')
    const pengelola = whyNotEligibleForDuty('pengelola', [], BIDANG)
    expect(pengelola?.key).toBe('access.pengelola_ineligible')
    expect(formatMessage('en', pengelola!.key, pengelola!.params)).toContain('Pengelola (operator)')
  })
})
