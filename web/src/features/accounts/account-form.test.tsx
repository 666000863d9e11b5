import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Locale } from '../../i18n/i18n.tsx'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { testUnit } from '../../test-support/test-unit.ts'
import { AccountForm, accountBody, initialAccountValues } from './account-form.tsx'
import type { Account } from './account-types.ts'

const unit = testUnit({
  id: '11111111-1111-4111-8111-111111111111',
  code: 'DINKES',
  name: 'Dinas Kesehatan',
  path: '/1/',
})
const SARI = '22222222-2222-4222-8222-222222222222'
const BUDI = '44444444-4444-4444-8444-444444444444'
const ANI = '55555555-5555-4555-8555-555555555555'

const existing: Account = {
  id: '33333333-3333-4333-8333-333333333333',
  unit: { id: unit.id, code: 'DINKES', name: 'Dinas Kesehatan' },
  platform: 'x',
  handle: 'DinkesKota',
  normalisedHandle: 'dinkeskota',
  displayName: null,
  url: 'https://x.com/dinkeskota',
  penanggungJawab: { userId: SARI, email: 'sari@kota.go.id', name: 'Sari Wulandari' },
  pengelola: [
    {
      userId: BUDI,
      email: 'budi@kota.go.id',
      name: 'Budi',
      suratTugasNumber: '800/1/2026',
      suratTugasDate: '2026-01-05',
    },
    { userId: ANI, email: 'ani@kota.go.id', name: 'Ani', suratTugasNumber: null, suratTugasDate: null },
  ],
  verificationStatus: 'verified',
  platformTwoFactor: true,
  credentialRotatedOn: '2026-02-01',
  status: 'dormant',
  notes: '',
  naming: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

const people = {
  status: 200,
  body: {
    penanggungJawab: [{ userId: SARI, name: 'Sari Wulandari', email: 'sari@kota.go.id' }],
    pengelola: [{ userId: BUDI, name: 'Budi', email: null }],
  },
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('account form values', () => {
  it('round-trips an existing account into the request body the API expects, every pengelola included', () => {
    expect(accountBody(initialAccountValues(existing, unit.id))).toEqual({
      platform: 'x',
      handle: 'DinkesKota',
      displayName: null,
      url: 'https://x.com/dinkeskota',
      unitId: unit.id,
      penanggungJawabUserId: SARI,
      pengelola: [
        { userId: BUDI, suratTugasNumber: '800/1/2026', suratTugasDate: '2026-01-05' },
        { userId: ANI, suratTugasNumber: null, suratTugasDate: null },
      ],
      verificationStatus: 'verified',
      platformTwoFactor: true,
      credentialRotatedOn: '2026-02-01',
      status: 'dormant',
      notes: '',
    })
  })

  it('sends no pengelola and empty optional fields as null for a new account', () => {
    const body = accountBody({ ...initialAccountValues(null, unit.id), handle: ' humas_dinkes ' })
    expect(body).toMatchObject({
      handle: 'humas_dinkes',
      url: null,
      displayName: null,
      pengelola: [],
      credentialRotatedOn: null,
      unitId: unit.id,
    })
  })
})

const rejected = {
  status: 400,
  body: {
    error: {
      code: 'invalid_input',
      key: 'accounts.invalid',
      params: { count: 3 },
      message: 'Periksa isian akun: 3 isian perlu diperbaiki.',
      details: {
        handle: {
          key: 'accounts.handle_invalid.x',
          params: { handle: 'humas dinkes' },
          message: 'Nama akun X "humas dinkes" tidak valid: 1–15 karakter: huruf, angka, garis bawah.',
        },
        penanggungJawabUserId: {
          key: 'accounts.choose_penanggung_jawab',
          message: 'Pilih penanggung jawab.',
        },
        'pengelola.0.userId': { key: 'accounts.choose_pengelola', message: 'Pilih pengguna pengelola.' },
      },
    },
  },
}

function renderForm(locale: Locale, account: Account | null = null) {
  const api = fakeApi({
    'POST /api/accounts': rejected,
    'GET /api/accounts/people': people,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  const onDone = vi.fn()
  renderWithProviders(<AccountForm account={account} units={[{ unit, depth: 0 }]} onDone={onDone} />, {
    locale,
  })
  return { onDone, calls: api.calls }
}

async function problemsOf(
  label: RegExp,
  scope: HTMLElement = document.body,
): Promise<(string | null | undefined)[]> {
  const control = within(scope).getByLabelText(label)
  await waitFor(() => expect(control.getAttribute('aria-invalid'), String(label)).toBe('true'))
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
}

describe('AccountForm', () => {
  it('marks the required fields in their labels before anything is sent', () => {
    renderForm('id')
    for (const label of [/^Platform/, /^Nama akun/, /^Unit/, /^Penanggung jawab/]) {
      const control = screen.getByLabelText(label)
      expect(control.hasAttribute('required'), String(label)).toBe(true)
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent).toContain('(wajib)')
    }
    expect(screen.getByLabelText(/^Nama tampilan/).hasAttribute('required')).toBe(false)
  })

  it('shows every field problem from the API at once under its own field, a pengelola row included', async () => {
    const { onDone, calls } = renderForm('id')
    fireEvent.change(screen.getByLabelText(/^Nama akun/), { target: { value: 'humas dinkes' } })
    fireEvent.click(screen.getByRole('button', { name: 'Tambah pengelola' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan' }))
    })
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      handle: 'humas dinkes',
      unitId: unit.id,
      pengelola: [{ userId: '', suratTugasNumber: null, suratTugasDate: null }],
    })
    expect(await problemsOf(/^Nama akun/)).toContain(
      'Nama akun X "humas dinkes" tidak valid: 1–15 karakter: huruf, angka, garis bawah.',
    )
    expect(await problemsOf(/^Penanggung jawab/)).toContain('Pilih penanggung jawab.')
    const row = screen.getByRole('group', { name: 'Pengelola 1' })
    expect(await problemsOf(/^Pengguna/, row)).toContain('Pilih pengguna pengelola.')
    const alert = (await screen.findByRole('alert')).textContent ?? ''
    expect(alert).toContain('Pilih penanggung jawab.')
    expect(alert).not.toContain('penanggungJawabUserId')
    expect(onDone).not.toHaveBeenCalled()
  })

  it('renders the field problems in English when the screen is in English, whatever language the server used', async () => {
    renderForm('en')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    })
    expect(await problemsOf(/^Accountable official/)).toContain(
      'Choose the person responsible (penanggung jawab).',
    )
    expect((await screen.findByRole('alert')).textContent).toContain('1–15 characters')
  })

  it('offers only the people the unit may name, and keeps one the account names who is no longer offered', async () => {
    const { calls } = renderForm('id', existing)
    const pj = screen.getByLabelText(/^Penanggung jawab/)
    const optionsOf = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent)
    // Until the people arrive the chosen one is shown by name; then the offer is the people's list.
    await waitFor(() => expect(optionsOf(pj)).toEqual(['— Pilih —', 'Sari Wulandari (sari@kota.go.id)']), {
      timeout: 5000,
    })
    expect(calls.some((call) => call.path === `/api/accounts/people?unitId=${unit.id}`)).toBe(true)
    const second = screen.getByRole('group', { name: 'Pengelola 2' })
    expect(optionsOf(within(second).getByLabelText(/^Pengguna/))).toEqual([
      '— Pilih —',
      'Budi',
      'Ani — tidak memegang peran ini di unit ini',
    ])
    fireEvent.click(within(second).getByRole('button', { name: 'Hapus pengelola 2' }))
    expect(screen.queryByRole('group', { name: 'Pengelola 2' })).toBeNull()
  })
})
