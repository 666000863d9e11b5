import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nProvider } from '../../i18n/i18n.tsx'
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
  cleanup()
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

describe('AccountForm', () => {
  it('shows each field error from the API under its own field and a summary without API field names', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'invalid_input',
                message:
                  'Periksa isian: handle: Nama akun X hanya huruf, angka dan garis bawah.; penanggungJawabUserId: Pilih penanggung jawab.',
                details: {
                  handle: 'Nama akun X hanya huruf, angka dan garis bawah.',
                  penanggungJawabUserId: 'Pilih penanggung jawab.',
                },
              },
            }),
            { status: 400 },
          ),
      ),
    )
    const onSaved = vi.fn()
    render(
      <I18nProvider initialLocale="id">
        <AccountForm
          account={null}
          units={[{ unit, depth: 0 }]}
          users={users}
          onSaved={onSaved}
          onCancel={() => {}}
        />
      </I18nProvider>,
    )
    fireEvent.change(screen.getByLabelText('Nama akun'), { target: { value: 'humas dinkes' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan' }))
    })
    for (const [label, message] of [
      ['Nama akun', 'Nama akun X hanya huruf, angka dan garis bawah.'],
      ['Penanggung jawab', 'Pilih penanggung jawab.'],
    ] as const) {
      const control = screen.getByLabelText(label)
      expect(control.getAttribute('aria-invalid')).toBe('true')
      const ids = (control.getAttribute('aria-describedby') ?? '').split(' ')
      expect(ids.map((id) => document.getElementById(id)?.textContent)).toContain(message)
    }
    const alert = screen.getByRole('alert').textContent ?? ''
    expect(alert).toContain('Pilih penanggung jawab.')
    expect(alert).not.toContain('penanggungJawabUserId')
    expect(onSaved).not.toHaveBeenCalled()
  })
})
