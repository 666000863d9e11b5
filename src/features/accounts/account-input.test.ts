import { describe, expect, it } from 'vitest'
import { checkAccountDraft, type AccountDraft, type AccountLookups } from './account-input.ts'

const lookups: AccountLookups = {
  unitById: (id) => (id === 'u1' ? { id: 'u1', path: '/r/u1/', archived: false } : undefined),
  userById: (id) =>
    ({
      pj: { id: 'pj', disabled: false },
      ani: { id: 'ani', disabled: false },
      old: { id: 'old', disabled: true },
    })[id],
}
const TODAY = '2026-06-01'

function draft(overrides: Partial<AccountDraft> = {}): AccountDraft {
  return {
    unitId: 'u1',
    platform: 'youtube',
    handle: '@HumasKota',
    penanggungJawabUserId: 'pj',
    pengelola: [],
    ...overrides,
  }
}

describe('checkAccountDraft', () => {
  it('fills defaults and the public URL of a complete draft', () => {
    const result = checkAccountDraft(draft(), lookups, TODAY)
    expect(result).toMatchObject({
      ok: true,
      fields: {
        handle: 'humaskota',
        url: 'https://www.youtube.com/@humaskota',
        verificationStatus: 'unverified',
        status: 'active',
        platformTwoFactor: false,
        notes: '',
      },
    })
  })

  it('refuses dates in the future for credential rotation and surat tugas', () => {
    const result = checkAccountDraft(
      draft({
        credentialRotatedOn: '2026-06-02',
        pengelola: [{ userId: 'ani', suratTugasNumber: '1', suratTugasDate: '2026-07-01' }],
      }),
      lookups,
      TODAY,
    )
    expect(result).toMatchObject({
      ok: false,
      errors: {
        credentialRotatedOn: expect.stringContaining('masa depan'),
        'pengelola.0.suratTugasDate': expect.stringContaining('masa depan'),
      },
    })
  })

  it('refuses the same pengelola twice, a missing surat tugas number and a disabled penanggung jawab', () => {
    const result = checkAccountDraft(
      draft({
        penanggungJawabUserId: 'old',
        pengelola: [
          { userId: 'ani', suratTugasNumber: '1', suratTugasDate: '2025-01-01' },
          { userId: 'ani', suratTugasNumber: ' ', suratTugasDate: '2025-01-01' },
        ],
      }),
      lookups,
      TODAY,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual([
      'penanggungJawabUserId',
      'pengelola.1.suratTugasNumber',
      'pengelola.1.userId',
    ])
  })

  it('accepts only https addresses', () => {
    expect(checkAccountDraft(draft({ url: 'http://youtube.com/@humaskota' }), lookups, TODAY)).toMatchObject({
      ok: false,
      errors: { url: expect.stringContaining('https') },
    })
    expect(checkAccountDraft(draft({ url: 'bukan url' }), lookups, TODAY)).toMatchObject({
      ok: false,
      errors: { url: expect.any(String) },
    })
  })

  it('refuses an unknown platform and a unit of another instansi', () => {
    const result = checkAccountDraft(draft({ platform: 'friendster', unitId: 'elsewhere' }), lookups, TODAY)
    expect(result).toMatchObject({
      ok: false,
      errors: { platform: expect.stringContaining('tidak dikenal'), unitId: expect.any(String) },
    })
  })
})
