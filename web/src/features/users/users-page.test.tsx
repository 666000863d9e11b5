import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'

const admin: Me = testMe({
  user: { id: 'admin1' },
  allowedActions: ['unit.read', 'user.read', 'user.manage', 'account.read', 'calendar.read'],
})

const budi = {
  id: 'u2',
  name: 'Budi Santoso',
  email: 'budi@kota.go.id',
  disabled: false,
  twoFactorEnabled: false,
  grants: [
    { id: 'g1', role: 'pengelola', unitId: 'root', unitName: 'Sekretariat Daerah', unitCode: 'SETDA' },
  ],
}

function serve(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: admin },
    'GET /api/units': {
      status: 200,
      body: {
        items: [{ id: 'root', parentId: null, code: 'SETDA', name: 'Sekretariat Daerah', path: '/root/' }],
      },
    },
    'GET /api/users': { status: 200, body: { items: [budi] } },
    ...extra,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('UsersPage', () => {
  it('searches by name or e-mail once the typing pauses', async () => {
    const calls = serve()
    renderAppAt('/users')
    await screen.findByRole('heading', { level: 1, name: 'Pengguna & peran' })
    const search = screen.getByLabelText('Cari pengguna')
    fireEvent.change(search, { target: { value: 'b' } })
    fireEvent.change(search, { target: { value: 'bud' } })
    await waitFor(() => expect(calls.some((call) => call.path === '/api/users?q=bud')).toBe(true))
    // Only the last value was asked for, not every keystroke.
    expect(calls.some((call) => call.path === '/api/users?q=b')).toBe(false)
  })

  it("describes the chosen role's duty and the rules that bind it beside the picker", async () => {
    serve()
    renderAppAt('/users')
    const picker = await screen.findByRole('combobox', { name: 'Peran' })
    fireEvent.change(picker, { target: { value: 'auditor' } })
    const describedBy = picker.getAttribute('aria-describedby') ?? ''
    const description = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
    expect(description).toContain('Inspektorat: membaca dan mengekspor log audit')
    expect(description).toContain('Tidak boleh sekaligus memegang peran admin.')
  })

  it('lists every role with exactly the abilities the policy gives it, under the list of users', async () => {
    serve()
    renderAppAt('/users')
    const guide = await screen.findByTestId('role-guide')
    fireEvent.click(within(guide).getByRole('button', { name: 'Penanggung jawab' }))
    expect(await within(guide).findByText('Menyetujui unggahan')).toBeTruthy()
    fireEvent.click(within(guide).getByRole('button', { name: 'Pimpinan' }))
    const pimpinan = await within(guide).findByText(
      'Pimpinan: melihat unggahan, dasbor dan laporan; tidak mengubah apa pun.',
    )
    const items = within(pimpinan.parentElement!)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(items).toEqual([
      'Melihat unit kerja',
      'Melihat akun resmi',
      'Melihat kalender hari kerja',
      'Melihat unggahan',
      'Melihat dasbor dan laporan',
    ])
  })

  it("saves a user's new name and e-mail", async () => {
    const calls = serve({
      'PATCH /api/users/u2': { status: 200, body: { ...budi, email: 'budi.santoso@kota.go.id' } },
    })
    renderAppAt('/users')
    fireEvent.click(await screen.findByRole('button', { name: 'Kelola Budi Santoso' }))
    const panel = await screen.findByRole('region', { name: 'Kelola Budi Santoso' })
    fireEvent.change(within(panel).getByLabelText('E-mail', { exact: false }), {
      target: { value: 'budi.santoso@kota.go.id' },
    })
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Simpan' }))
    })
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({
        name: 'Budi Santoso',
        email: 'budi.santoso@kota.go.id',
      }),
    )
  })

  it('switches Mode Latihan on for a user and shows it in the list', async () => {
    const calls = serve({
      'PUT /api/users/u2/training-mode': { status: 200, body: { ...budi, trainingMode: true } },
      'GET /api/users': [
        { status: 200, body: { items: [budi] } },
        { status: 200, body: { items: [{ ...budi, trainingMode: true }] } },
        { status: 200, body: { items: [{ ...budi, trainingMode: true }] } },
      ],
    })
    renderAppAt('/users')
    fireEvent.click(await screen.findByRole('button', { name: 'Kelola Budi Santoso' }))
    const panel = await screen.findByRole('region', { name: 'Kelola Budi Santoso' })
    const toggle = within(panel).getByRole('switch', { name: /hanya ke akun sandbox/ })
    expect((toggle as HTMLInputElement).checked).toBe(false)
    await act(async () => {
      fireEvent.click(toggle)
    })
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PUT')).toMatchObject({
        path: '/api/users/u2/training-mode',
        body: { enabled: true },
      }),
    )
    await waitFor(() => expect(within(panel).getByRole<HTMLInputElement>('switch').checked).toBe(true))
    expect(await screen.findByText('Mode Latihan', { selector: '.mantine-Badge-label' })).toBeTruthy()
  })
})
