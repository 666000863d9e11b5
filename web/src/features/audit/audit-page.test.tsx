import { describe, it, expect, afterEach, onTestFinished, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { AuditEntry } from './audit-types.ts'

function me(allowedActions: string[]): Me {
  return testMe({
    user: { id: 'u-intan', name: 'Intan Permata', email: 'intan@inspektorat.go.id' },
    grants: [{ role: 'auditor' }],
    allowedActions,
  })
}

const rename: AuditEntry = {
  id: 41,
  seq: 41,
  // 14.30 in Jakarta.
  occurredAt: '2026-10-12T07:30:00.000Z',
  actorUserId: 'u-sari',
  actorLabel: 'sari@kota.go.id',
  actorName: 'Sari Wulandari (sari@kota.go.id)',
  action: 'unit.update',
  actionLabel: 'Unit kerja diubah',
  objectType: 'unit',
  objectTypeLabel: 'Unit kerja',
  objectId: '9c75b4dd-d7d8-4601-9c43-70e92cb70573',
  objectLabel: 'Dinas Kesehatan Kota (DINKES)',
  objectLabelSource: 'current',
  changes: [{ field: 'name', fieldLabel: 'Nama', before: 'Dinas Kesehatan', after: 'Dinas Kesehatan Kota' }],
  before: { name: 'Dinas Kesehatan' },
  after: { name: 'Dinas Kesehatan Kota' },
  truncated: false,
  ip: '10.0.0.7',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0 Safari/537.36',
  hash: 'a'.repeat(64),
}

const bigImport: AuditEntry = {
  ...rename,
  id: 42,
  seq: 42,
  action: 'account.import',
  actionLabel: 'Akun resmi diimpor dari CSV',
  objectType: 'account',
  objectTypeLabel: 'Akun resmi',
  objectId: null,
  objectLabel: null,
  objectLabelSource: null,
  changes: [
    {
      field: 'changes',
      fieldLabel: 'Perubahan',
      before: null,
      after: '(terlalu besar untuk ditampilkan; buka entri lengkap atau ekspor)',
      truncated: true,
    },
  ],
  before: null,
  after: null,
  truncated: true,
}

const filters = {
  actions: [{ value: 'unit.update', label: 'Unit kerja diubah' }],
  objectTypes: [{ value: 'unit', label: 'Unit kerja' }],
  actors: [
    { userId: 'u-sari', actorLabel: null, label: 'Sari Wulandari (sari@kota.go.id)' },
    { userId: null, actorLabel: 'setup', label: 'setup' },
  ],
}

const signingKey = { algorithm: 'Ed25519', fingerprint: 'f'.repeat(64), publicKeyPem: 'PEM' }

function serve(allowedActions: string[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me(allowedActions) },
    'GET /api/audit': { status: 200, body: { items: [rename], nextBeforeId: null } },
    'GET /api/audit/filters': { status: 200, body: filters },
    'GET /api/audit/checkpoints': { status: 200, body: { items: [], nextBeforeId: null, signingKey } },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('AuditPage', () => {
  it('shows an entry by its labels, names, changed fields and WIB time, asking in the language on screen', async () => {
    const calls = serve(['audit.read', 'audit.export'])
    renderAppAt('/audit')
    const table = await screen.findByRole('table', { name: 'Catatan log audit, terbaru di atas' })
    const row = (await within(table).findByText('Unit kerja diubah')).closest('tr')!
    expect(row.textContent).toContain('Senin, 12 Okt 2026 14.30 WIB')
    expect(row.textContent).toContain('Sari Wulandari (sari@kota.go.id)')
    expect(row.textContent).toContain('Unit kerja: Dinas Kesehatan Kota (DINKES)')
    expect(row.textContent).toContain('Nama: Dinas Kesehatan → Dinas Kesehatan Kota')
    expect(within(row).getByRole('img', { name: 'diubah menjadi' })).toBeTruthy()
    expect(row.textContent).not.toContain('unit.update')
    expect(row.textContent).not.toContain('9c75b4dd')
    const list = calls.find((call) => call.path.startsWith('/api/audit?'))!
    expect(new URLSearchParams(list.path.split('?')[1]).get('locale')).toBe('id')
    // The filters offer names, and an actor without a user account in words.
    const actor = screen.getByLabelText<HTMLSelectElement>('Pelaku')
    await waitFor(() =>
      expect([...actor.options].map((option) => option.text)).toContain('Penyiapan pertama'),
    )
    expect(screen.getByRole('button', { name: 'Ekspor CSV' })).toBeTruthy()
  })

  it('filters by an actor without a user account through its recorded label', async () => {
    const calls = serve(['audit.read', 'audit.export'])
    renderAppAt('/audit')
    await screen.findByText('Unit kerja diubah')
    const actor = screen.getByLabelText<HTMLSelectElement>('Pelaku')
    await waitFor(() => expect(actor.options.length).toBe(3))
    await act(async () => {
      fireEvent.change(actor, { target: { value: 'label:setup' } })
    })
    await waitFor(() =>
      expect(
        calls.some((call) => call.path.startsWith('/api/audit?') && call.path.includes('actorLabel=setup')),
      ).toBe(true),
    )
  })

  it('says who may export when the export button is absent', async () => {
    serve(['audit.read'])
    renderAppAt('/audit')
    await screen.findByText('Unit kerja diubah')
    expect(screen.queryByRole('button', { name: 'Ekspor CSV' })).toBeNull()
    expect(screen.getByText(/Ekspor CSV hanya untuk peran Admin dan Auditor/)).toBeTruthy()
  })

  it('marks an entry too big for the list and opens it whole from the API', async () => {
    const calls = serve(['audit.read', 'audit.export'], {
      'GET /api/audit': { status: 200, body: { items: [bigImport], nextBeforeId: null } },
      'GET /api/audit/42': {
        status: 200,
        body: {
          ...bigImport,
          truncated: false,
          changes: [
            { field: 'rows', fieldLabel: 'Baris', before: null, after: '3.000' },
            {
              field: 'changes',
              fieldLabel: 'Perubahan',
              before: null,
              after: '3.000 butir: @humas_desa_0, @humas_desa_1 … (+2.998)',
            },
          ],
          prevHash: 'b'.repeat(64),
          hashVersion: 2,
        },
      },
    })
    renderAppAt('/audit')
    const row = (await screen.findByText('Akun resmi diimpor dari CSV')).closest('tr')!
    expect(row.textContent).toContain('Terlalu besar untuk daftar: buka Rincian untuk catatan lengkap.')
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: /^Rincian/ }))
    })
    const dialog = await screen.findByRole('dialog', { name: 'Akun resmi diimpor dari CSV' })
    await within(dialog).findByText('3.000 butir: @humas_desa_0, @humas_desa_1 … (+2.998)')
    expect(dialog.textContent).toContain('di sini tampil lengkap')
    expect(dialog.textContent).not.toContain('terlalu besar untuk ditampilkan;')
    // A created object has no "before": that column is left out instead of a column of dashes.
    const changes = within(dialog).getByRole('table', { name: 'Perubahan: Akun resmi diimpor dari CSV' })
    expect(within(changes).queryByRole('columnheader', { name: 'Sebelum' })).toBeNull()
    expect(calls.some((call) => call.path === '/api/audit/42?locale=id')).toBe(true)
  })

  it('makes a checkpoint, downloads its file and says so', async () => {
    const checkpoint = {
      id: 5,
      seq: 41,
      headHash: 'a'.repeat(64),
      createdAt: '2026-10-12T07:35:00.000Z',
      createdBy: 'intan@inspektorat.go.id',
      keyFingerprint: 'f'.repeat(64),
      fileName: 'warta-checkpoint-kotacontoh-2026-10-12-41.json',
    }
    const calls = serve(['audit.read', 'audit.export'], {
      'POST /api/audit/checkpoints': { status: 200, body: { checkpoint, created: true } },
      'GET /api/audit/checkpoints/5/file': { status: 200, body: { statement: {}, signature: {} } },
    })
    // jsdom has no object URLs; the download hands the file over through one.
    const createObjectURL = vi.fn(() => 'blob:checkpoint')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL')
      Reflect.deleteProperty(URL, 'revokeObjectURL')
    })
    renderAppAt('/audit')
    const panel = await screen.findByRole('region', { name: 'Titik periksa' })
    expect(panel.textContent).toContain('simpan di luar server')
    await within(panel).findByText('f'.repeat(64))
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Buat dan unduh titik periksa' }))
    })
    expect(await screen.findByText('Titik periksa baru untuk 41 catatan dibuat dan diunduh.')).toBeTruthy()
    expect(calls.find((call) => call.method === 'POST')?.headers['X-CSRF-Token']).toBe('csrf')
    expect(calls.some((call) => call.path === '/api/audit/checkpoints/5/file')).toBe(true)
    expect(createObjectURL).toHaveBeenCalled()
  })
})
