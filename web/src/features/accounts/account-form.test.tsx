import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import type { Locale } from '../../i18n/i18n.tsx'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountForm, accountBody, initialAccountValues } from './account-form.tsx'
import type { Account } from './account-types.ts'

const unit = {
  id: '11111111-1111-4111-8111-111111111111',
  parentId: null,
  code: 'DINKES',
  name: 'Dinas Kesehatan',
  path: '/1/',
  archivedAt: null,
}
const users = [{ id: '22222222-2222-4222-8222-222222222222', name: 'Sari Wulandari' }]

const existing: Account = {
  id: '33333333-3333-4333-8333-333333333333',
  unit: { id: unit.id, code: 'DINKES', name: 'Dinas Kesehatan' },
  platform: 'x',
  handle: 'dinkeskota',
  displayName: null,
  url: 'https://x.com/dinkeskota',
  penanggungJawab: { userId: users[0]!.id, email: 'sari@kota.go.id', name: 'Sari Wulandari' },
  pengelola: [{ userId: users[0]!.id, suratTugasNumber: '800/1/2026', suratTugasDate: '2026-01-05' }],
  verificationStatus: 'verified',
  platformTwoFactor: true,
  credentialRotatedOn: '2026-02-01',
  status: 'dormant',
  notes: '',
  naming: null,
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('account form values', () => {
  it('round-trips an existing account into the request body the API expects', () => {
    expect(accountBody(initialAccountValues(existing, unit.id))).toEqual({
      platform: 'x',
      handle: 'dinkeskota',
      displayName: null,
      url: 'https://x.com/dinkeskota',
      unitId: unit.id,
      penanggungJawabUserId: users[0]!.id,
      pengelola: [{ userId: users[0]!.id, suratTugasNumber: '800/1/2026', suratTugasDate: '2026-01-05' }],
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
      key: 'common.check_fields',
      params: { summary: 'handle: …; penanggungJawabUserId: …' },
      message: 'Periksa isian: handle: …; penanggungJawabUserId: Wajib diisi.',
      details: {
        handle: {
          key: 'common.text',
          params: { text: 'Nama akun X hanya huruf, angka dan garis bawah.' },
          message: 'Nama akun X hanya huruf, angka dan garis bawah.',
        },
        penanggungJawabUserId: { key: 'validation.required', message: 'Wajib diisi.' },
      },
    },
  },
}

function renderForm(locale: Locale) {
  const api = fakeApi({ 'POST /api/accounts': rejected })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  const onDone = vi.fn()
  renderWithProviders(
    <AccountForm account={null} units={[{ unit, depth: 0 }]} users={users} onDone={onDone} />,
    {
      locale,
    },
  )
  return { onDone, calls: api.calls }
}

async function problemsOf(label: string): Promise<(string | null | undefined)[]> {
  const control = screen.getByLabelText(label)
  await waitFor(() => expect(control.getAttribute('aria-invalid'), label).toBe('true'))
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
}

describe('AccountForm', () => {
  it('shows each field problem from the API under its own field and a summary without API field names', async () => {
    const { onDone, calls } = renderForm('id')
    fireEvent.change(screen.getByLabelText('Nama akun'), { target: { value: 'humas dinkes' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan' }))
    })
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      handle: 'humas dinkes',
      unitId: unit.id,
    })
    expect(await problemsOf('Nama akun')).toContain('Nama akun X hanya huruf, angka dan garis bawah.')
    expect(await problemsOf('Penanggung jawab')).toContain('Wajib diisi.')
    const alert = (await screen.findByRole('alert')).textContent ?? ''
    expect(alert).toContain('Wajib diisi.')
    expect(alert).not.toContain('penanggungJawabUserId')
    expect(alert).not.toContain('handle:')
    expect(onDone).not.toHaveBeenCalled()
  })

  it('renders the field problems in English when the screen is in English, whatever language the server used', async () => {
    renderForm('en')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    })
    expect(await problemsOf('Accountable official')).toContain('Required.')
    expect((await screen.findByRole('alert')).textContent).toContain('Required.')
  })
})
