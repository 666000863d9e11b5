import { describe, expect, it } from 'vitest'
import {
  checkAccountDraft,
  type AccountDraft,
  type AccountLookups,
  type UserLookup,
} from './account-input.ts'

// The unit tree: /r/ (root) → /r/u1/ (the account's unit) → nothing below; /r/u2/ a sibling.
const UNIT = { id: 'u1', path: '/r/u1/', archived: false }
const people: Record<string, UserLookup> = {
  pj: { id: 'pj', name: 'Sari', disabled: false, grants: [{ role: 'penanggung_jawab', unitPath: '/r/u1/' }] },
  head: {
    id: 'head',
    name: 'Kepala',
    disabled: false,
    grants: [{ role: 'penanggung_jawab', unitPath: '/r/' }],
  },
  ani: { id: 'ani', name: 'Ani', disabled: false, grants: [{ role: 'pengelola', unitPath: '/r/u1/' }] },
  budi: { id: 'budi', name: 'Budi', disabled: false, grants: [{ role: 'pengelola', unitPath: '/r/' }] },
  sibling: {
    id: 'sibling',
    name: 'Tetangga',
    disabled: false,
    grants: [
      { role: 'penanggung_jawab', unitPath: '/r/u2/' },
      { role: 'pengelola', unitPath: '/r/u2/' },
    ],
  },
  admin: { id: 'admin', name: 'Admin', disabled: false, grants: [{ role: 'admin', unitPath: '/r/' }] },
  old: { id: 'old', name: 'Lama', disabled: true, grants: [{ role: 'penanggung_jawab', unitPath: '/r/' }] },
}
const lookups: AccountLookups = {
  unitById: (id) => (id === 'u1' ? UNIT : undefined),
  userById: (id) => people[id],
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

function problems(overrides: Partial<AccountDraft>, current?: Parameters<typeof checkAccountDraft>[3]) {
  const result = checkAccountDraft(draft(overrides), lookups, TODAY, current)
  return result.ok
    ? {}
    : Object.fromEntries(Object.entries(result.errors).map(([field, p]) => [field, p.key]))
}

describe('checkAccountDraft', () => {
  it('fills defaults and the public URL of a complete draft, keeping the handle as typed for display', () => {
    const result = checkAccountDraft(draft(), lookups, TODAY)
    expect(result).toMatchObject({
      ok: true,
      fields: {
        handle: 'humaskota',
        handleDisplay: 'HumasKota',
        url: 'https://www.youtube.com/@humaskota',
        verificationStatus: 'unverified',
        status: 'active',
        platformTwoFactor: false,
        notes: '',
      },
    })
  })

  it('reports every problem of a draft at once, each under its field', () => {
    expect(
      problems({
        platform: 'x',
        handle: 'humas kota bandung',
        unitId: '',
        penanggungJawabUserId: '',
        credentialRotatedOn: '2026-13-01',
        pengelola: [{ userId: '', suratTugasNumber: '1', suratTugasDate: '' }],
      }),
    ).toEqual({
      handle: 'accounts.handle_invalid.x',
      unitId: 'validation.choose_unit',
      penanggungJawabUserId: 'accounts.choose_penanggung_jawab',
      credentialRotatedOn: 'validation.date',
      'pengelola.0.userId': 'accounts.choose_pengelola',
      'pengelola.0.suratTugasDate': 'accounts.surat_tugas_date_required',
    })
  })

  it('refuses dates in the future for credential rotation and surat tugas', () => {
    expect(
      problems({
        credentialRotatedOn: '2026-06-02',
        pengelola: [{ userId: 'ani', suratTugasNumber: '1', suratTugasDate: '2026-07-01' }],
      }),
    ).toEqual({
      credentialRotatedOn: 'accounts.date_in_future',
      'pengelola.0.suratTugasDate': 'accounts.date_in_future',
    })
  })

  it('refuses the same pengelola twice, a date without a letter number and a disabled penanggung jawab', () => {
    expect(
      problems({
        penanggungJawabUserId: 'old',
        pengelola: [
          { userId: 'ani', suratTugasNumber: '1', suratTugasDate: '2025-01-01' },
          { userId: 'ani', suratTugasNumber: ' ', suratTugasDate: '2025-01-01' },
        ],
      }),
    ).toEqual({
      penanggungJawabUserId: 'accounts.user_disabled',
      'pengelola.1.suratTugasNumber': 'accounts.surat_tugas_number_required',
      'pengelola.1.userId': 'accounts.pengelola_twice',
    })
  })

  it('accepts a pengelola whose surat tugas is still on its way (no number and no date)', () => {
    const result = checkAccountDraft(draft({ pengelola: [{ userId: 'ani' }] }), lookups, TODAY)
    expect(result).toMatchObject({
      ok: true,
      pengelola: [{ userId: 'ani', suratTugasNumber: null, suratTugasDate: null }],
    })
  })

  it('takes a penanggung jawab and pengelola holding their role on the unit or a unit above it', () => {
    const result = checkAccountDraft(
      draft({
        penanggungJawabUserId: 'head',
        pengelola: [
          { userId: 'ani' },
          { userId: 'budi', suratTugasNumber: '2', suratTugasDate: '2025-02-01' },
        ],
      }),
      lookups,
      TODAY,
    )
    expect(result.ok).toBe(true)
  })

  it('takes a penanggung jawab of the unit as its pengelola too (both may draft and answer)', () => {
    expect(problems({ pengelola: [{ userId: 'pj' }] })).toEqual({})
  })

  it('refuses a penanggung jawab or pengelola without that role over the unit, an admin or a sibling unit included', () => {
    expect(
      problems({
        penanggungJawabUserId: 'admin',
        pengelola: [{ userId: 'sibling' }, { userId: 'admin' }],
      }),
    ).toEqual({
      penanggungJawabUserId: 'accounts.penanggung_jawab_not_eligible',
      'pengelola.0.userId': 'accounts.pengelola_not_eligible',
      'pengelola.1.userId': 'accounts.pengelola_not_eligible',
    })
    expect(problems({ penanggungJawabUserId: 'sibling' })).toEqual({
      penanggungJawabUserId: 'accounts.penanggung_jawab_not_eligible',
    })
  })

  it('keeps an assignment the account already has even when the person has since lost the role', () => {
    expect(
      problems(
        { penanggungJawabUserId: 'admin', pengelola: [{ userId: 'sibling' }] },
        { penanggungJawabUserId: 'admin', pengelolaUserIds: ['sibling'] },
      ),
    ).toEqual({})
  })

  it('reads the handle out of an address in the handle field and uses that address as the URL', () => {
    const result = checkAccountDraft(
      draft({ platform: 'instagram', handle: 'instagram.com/Humas.Kota' }),
      lookups,
      TODAY,
    )
    expect(result).toMatchObject({
      ok: true,
      fields: { handle: 'humas.kota', handleDisplay: 'Humas.Kota', url: 'https://instagram.com/Humas.Kota' },
    })
  })

  it('reads the handle out of the URL field when the handle is left empty, adding https://', () => {
    const result = checkAccountDraft(
      draft({ platform: 'tiktok', handle: '', url: 'www.tiktok.com/@HumasKota' }),
      lookups,
      TODAY,
    )
    expect(result).toMatchObject({
      ok: true,
      fields: { handle: 'humaskota', handleDisplay: 'HumasKota', url: 'https://www.tiktok.com/@HumasKota' },
    })
  })

  it('refuses a URL that names another account or another platform', () => {
    expect(problems({ platform: 'x', handle: 'humaskota', url: 'https://x.com/dinkeskota' })).toEqual({
      url: 'accounts.url_other_handle',
    })
    expect(problems({ platform: 'x', handle: 'humaskota', url: 'instagram.com/humaskota' })).toEqual({
      url: 'accounts.address_other_platform',
    })
    expect(problems({ platform: 'x', handle: 'https://www.instagram.com/humaskota/' })).toEqual({
      handle: 'accounts.address_other_platform',
    })
    expect(problems({ platform: 'x', handle: '', url: '' })).toEqual({ handle: 'accounts.handle_required' })
  })

  it('accepts only https addresses', () => {
    expect(problems({ url: 'http://youtube.com/@humaskota' })).toEqual({ url: 'accounts.url_not_https' })
    expect(problems({ url: 'bukan url' })).toEqual({ url: 'accounts.url_invalid' })
  })

  it('refuses an unknown platform and a unit of another instansi', () => {
    expect(problems({ platform: 'friendster', unitId: 'elsewhere' })).toEqual({
      platform: 'accounts.platform_unknown',
      unitId: 'accounts.unit_not_found',
    })
  })
})
